// AWS data residency: the region names AWS has, the shared `allowedRegions` setting of the data-region policies,
// and cheap, allocation-free answers to "is this region allowed?" for policies that look at every resource.

import type { Region } from "@pulumi/aws/types/enums";
import type { ConfigProperty } from "./config";
import { Value } from "./read";
import type { Placement, ProviderRef } from "./region";
import { unknown, type Verdict } from "./verdict";

/**
 * Every region `@pulumi/aws` knows (its `Region` enum). The type below fails to compile when an upgrade of
 * `@pulumi/aws` adds a region that is missing here, so the list cannot silently fall behind the provider.
 */
export const AWS_REGIONS = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "cn-north-1",
    "cn-northwest-1",
    "eusc-de-east-1",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    "us-isob-west-1",
    "eu-isoe-west-1",
    "us-isof-east-1",
    "us-isof-south-1",
] as const satisfies readonly Region[];

type MissingRegion = Exclude<Region, (typeof AWS_REGIONS)[number]>;
// Compile-time only: `true` is not assignable when MissingRegion names a region (the error shows which).
const regionListIsComplete: [MissingRegion] extends [never] ? true : MissingRegion = true;
void regionListIsComplete;

/** The shape of an AWS region name: `ap-northeast-1`, `us-gov-west-1`, `eusc-de-east-1`. */
export const AWS_REGION_PATTERN = "^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$";

/** Japan: Tokyo and Osaka. */
export const DEFAULT_ALLOWED_AWS_REGIONS: readonly string[] = Object.freeze(["ap-northeast-1", "ap-northeast-3"]);

/**
 * The `allowedRegions` setting every AWS data-region policy takes (the same key and rules in each, so that one
 * `--policy-pack-config` snippet can be copied to all of them). Names outside the provider's region list are
 * rejected naming the key, so a typo cannot silently narrow or widen the residency boundary.
 */
export const ALLOWED_AWS_REGIONS_CONFIG = {
    type: "array",
    items: { type: "string", pattern: AWS_REGION_PATTERN, enum: AWS_REGIONS },
    default: DEFAULT_ALLOWED_AWS_REGIONS,
    description:
        "AWS regions where data may reside (default: ap-northeast-1, ap-northeast-3). Region names as AWS writes " +
        "them, e.g. ap-northeast-1; names the AWS provider does not know are rejected. An empty list allows no region.",
} as const satisfies ConfigProperty;

// The resolved config array is frozen and reused for as long as the config does not change (core/policy.ts), so
// the set built from it is built once, not per resource.
const allowedSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const allowedTexts = new WeakMap<readonly string[], string>();

/** Whether `region` (lower case, as `awsRegion` and `regionOfTarget` return it) is one of `allowed`. */
export function isAllowedAwsRegion(region: string, allowed: readonly string[]): boolean {
    let set = allowedSets.get(allowed);
    if (!set) allowedSets.set(allowed, (set = new Set(allowed.map((r) => r.toLowerCase()))));
    return set.has(region);
}

/** "ap-northeast-1, ap-northeast-3" (config values, safe to print), or "none". */
export function allowedRegionsText(allowed: readonly string[]): string {
    let text = allowedTexts.get(allowed);
    if (text === undefined) allowedTexts.set(allowed, (text = allowed.length ? allowed.join(", ") : "none"));
    return text;
}

/** "`<what>` is not an allowed region (allowed: ...)". Never prints the region itself (it may be a secret). */
export function notAllowedRegion(what: string, allowed: readonly string[]): string {
    return `${what} is not an allowed region (allowed: ${allowedRegionsText(allowed)}).`;
}

/**
 * The region a region-valued field names: a region name as is, or the region part of an ARN (a backup vault or an
 * Outpost ARN). `undefined` when the value names no region (not a string, empty, or an ARN without a region).
 */
export function regionOfTarget(value: unknown): string | undefined {
    if (typeof value !== "string") return undefined;
    const v = value.trim();
    if (v.startsWith("arn:")) {
        // arn:partition:service:region:account:resource
        const start = v.indexOf(":", v.indexOf(":", 4) + 1) + 1;
        const end = v.indexOf(":", start);
        if (start <= 0 || end < 0 || end === start) return undefined;
        return v.slice(start, end).toLowerCase();
    }
    return v === "" ? undefined : v.toLowerCase();
}

/** What reads a resource's own `region` (the typed properties of any regional resource). */
interface HasRegion {
    get(key: "region"): Value;
}

/**
 * Where an AWS resource lives: its own `region` (provider v7), else its provider's `region` (an explicit provider, or
 * the default provider the engine builds from `aws:region` stack config); or, when the region that decides is unknown
 * during preview, the `unknown` verdict for it.
 */
export function awsPlacement(props: HasRegion, provider: ProviderRef | undefined): Placement | Verdict {
    const own = props.get("region");
    if (own.isUnknown) return unknown(own);
    if (own.isText()) return { found: true, region: (own.text() ?? "").trim().toLowerCase(), from: "resource" };
    if (!provider) return { found: false };
    const fromProvider = Value.of(provider.props, "region");
    if (fromProvider.isUnknown) return unknown(fromProvider);
    if (fromProvider.isText()) return { found: true, region: (fromProvider.text() ?? "").trim().toLowerCase(), from: "provider" };
    return { found: false };
}

/** Whether a provider is one the engine built from stack config (`aws:region`), not one the program declared. */
export function isDefaultProvider(provider: ProviderRef): boolean {
    return provider.name === "default" || provider.name.startsWith("default_");
}
