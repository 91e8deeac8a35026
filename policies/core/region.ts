// Where a resource lives. AWS: the resource's own `region` (provider v7), else its provider's `region` (an
// explicit provider, or the default provider the engine builds from `aws:region` stack config). Azure: the
// resource's `location`, else its provider's `location` (`azure-native:location` stack config).
// Reads go through the SDK's proxy: an unknown region stays unknown (the SDK reports "can't run during preview").

import type { Props } from "./values";
import { canonicalType, moduleOf } from "./tokens";

export interface ProviderRef {
    readonly type: string;
    readonly props: Props;
    readonly urn: string;
    readonly name: string;
}

export type Placement =
    | { readonly found: true; readonly region: string; readonly from: "resource" | "provider" }
    | { readonly found: false };

function nonEmpty(v: unknown): string | undefined {
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export function awsRegion(props: Props, provider: ProviderRef | undefined): Placement {
    const own = nonEmpty(props["region"]);
    if (own) return { found: true, region: own.toLowerCase(), from: "resource" };
    const fromProvider = provider ? nonEmpty(provider.props["region"]) : undefined;
    if (fromProvider) return { found: true, region: fromProvider.toLowerCase(), from: "provider" };
    return { found: false };
}

/** "Japan East", "japan east", "JapanEast" → "japaneast" (how Azure writes location names). */
export function normalizeAzureLocation(location: string): string {
    return location.replace(/[\s_-]/g, "").toLowerCase();
}

export function azureLocation(props: Props, provider: ProviderRef | undefined): Placement {
    const own = nonEmpty(props["location"]);
    if (own) return { found: true, region: normalizeAzureLocation(own), from: "resource" };
    const fromProvider = provider ? nonEmpty(provider.props["location"]) : undefined;
    if (fromProvider) return { found: true, region: normalizeAzureLocation(fromProvider), from: "provider" };
    return { found: false };
}

/** AWS modules whose resources are global or account-wide, so they have no data region of their own. */
const GLOBAL_AWS_MODULES: ReadonlySet<string> = new Set([
    "iam",
    "cloudfront",
    "route53domains",
    "organizations",
    "budgets",
    "costexplorer",
    "globalaccelerator",
    "waf",
    "shield",
    "account",
]);

const GLOBAL_AWS_TYPES: ReadonlySet<string> = new Set([
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
]);

/** Whether an AWS resource type is global (IAM, CloudFront, Route 53 zones and records, account-level settings). */
export function isGlobalAwsType(type: string): boolean {
    const c = canonicalType(type);
    if (GLOBAL_AWS_TYPES.has(c)) return true;
    const m = moduleOf(c);
    // Route 53 hosted zones and records are global; Route 53 Resolver resources are regional.
    if (m === "route53") return !/^aws:route53\/resolver/.test(c);
    return GLOBAL_AWS_MODULES.has(m);
}
