import type { PolicyResource } from "@pulumi/policy";
import {
    ALLOWED_AWS_REGIONS_CONFIG,
    allowedRegionsText,
    awsRegionIfKnown,
    isAllowedAwsRegion,
    notAllowedRegion,
} from "../core/aws-regions";
import { defineStackPolicy, type StackReport } from "../core/policy-legacy";
import { JoinIndex, knownStrings } from "../core/stack";
import { canonicalType } from "../core/tokens";
import { isKnown, isObject, type Props } from "../core/values";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION_CONFIG = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

/** `arn:aws:s3:::name` (any partition) or `name` → `name`. */
function bucketName(value: string): string {
    const m = /^arn:[a-z-]+:s3:::(.+)$/.exec(value.trim());
    return m && m[1] ? m[1] : value.trim();
}

/** Join keys of a bucket: its name, from `bucket`, `id` (the name) and `arn`. */
function bucketKeys(r: PolicyResource): readonly string[] {
    const keys = new Set<string>();
    for (const v of knownStrings(r, "bucket", "id", "arn")) keys.add(bucketName(v));
    return [...keys];
}

type Destination = { readonly kind: "value"; readonly name: string } | { readonly kind: "unknown" } | { readonly kind: "none" };

/** One destination a replication rule names (its path for messages), or a rule block that is unknown as a whole. */
interface Target {
    readonly path: string;
    readonly destination: Destination;
}

const UNKNOWN: Destination = { kind: "unknown" };
const NONE: Destination = { kind: "none" };

/** Where the replication rules live on each resource type: the top-level property and the destinations in it. */
interface RuleSource {
    /** Top-level property (property dependencies are recorded per top-level property). */
    readonly property: string;
    /** Every destination the rules name, without reading anything unknown. */
    targets(props: Props): readonly Target[];
}

/** The elements of an array-or-single block with their paths; an unknown block or element is one unknown entry. */
function elements(o: Props, key: string, path: string): readonly { readonly path: string; readonly value: unknown; readonly known: boolean }[] {
    if (!isKnown(o, key)) return [{ path, value: undefined, known: false }];
    const v: unknown = o[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return [{ path, value: v, known: true }];
    // Index by index: reading an unknown element through the SDK's proxy would throw.
    const list: readonly unknown[] = v;
    const out: { path: string; value: unknown; known: boolean }[] = [];
    for (let i = 0; i < list.length; i++) {
        const known = isKnown(list, String(i));
        out.push({ path: `${path}[${i}]`, value: known ? list[i] : undefined, known });
    }
    return out;
}

/** A destination block's bucket. */
function bucketOf(destination: unknown): Destination {
    if (!isObject(destination)) return NONE;
    if (!isKnown(destination, "bucket")) return UNKNOWN;
    const b: unknown = destination["bucket"];
    return typeof b === "string" && b.trim() !== "" ? { kind: "value", name: bucketName(b) } : NONE;
}

/** Disabled rules copy nothing. */
function disabled(rule: Props): boolean {
    return isKnown(rule, "status") && typeof rule["status"] === "string" && rule["status"].toLowerCase() === "disabled";
}

/**
 * The destinations of the rules in `o[key]`: each rule's `destination` (Bucket, BucketReplicationConfig) or list of
 * `destinations` (BucketV2), at paths under `path`.
 */
function ruleTargets(o: Props, key: string, path: string): Target[] {
    const out: Target[] = [];
    for (const rule of elements(o, key, path)) {
        if (!rule.known) {
            // The whole rule list, or one rule, is unknown.
            out.push({ path: rule.path === path ? path : `${rule.path}.destination.bucket`, destination: UNKNOWN });
            continue;
        }
        if (!isObject(rule.value) || disabled(rule.value)) continue;
        for (const destinationKey of ["destination", "destinations"]) {
            for (const d of elements(rule.value, destinationKey, `${rule.path}.${destinationKey}`)) {
                out.push({ path: `${d.path}.bucket`, destination: d.known ? bucketOf(d.value) : UNKNOWN });
            }
        }
    }
    return out;
}

/**
 * Replication configuration blocks in `props[property]` (Bucket: one object; BucketV2: a list), each holding `rules`.
 */
function inlineTargets(props: Props, property: string): Target[] {
    const out: Target[] = [];
    for (const conf of elements(props, property, property)) {
        if (!conf.known) out.push({ path: `${conf.path}.rules`, destination: UNKNOWN });
        else if (isObject(conf.value)) out.push(...ruleTargets(conf.value, "rules", `${conf.path}.rules`));
    }
    return out;
}

const SOURCES: Readonly<Record<string, readonly RuleSource[]>> = {
    [REPLICATION_CONFIG]: [{ property: "rules", targets: (p) => ruleTargets(p, "rules", "rules") }],
    // The deprecated inline blocks on the bucket itself: Bucket's `replicationConfiguration` (one object, each rule one
    // `destination`) and BucketV2's `replicationConfigurations` (lists all the way down: `rules[].destinations[]`).
    [BUCKET]: [
        { property: "replicationConfiguration", targets: (p) => inlineTargets(p, "replicationConfiguration") },
        { property: "replicationConfigurations", targets: (p) => inlineTargets(p, "replicationConfigurations") },
    ],
};

export default defineStackPolicy({
    name: "aws-s3-bucket-restrict-replication-region",
    title: "S3 replication copies objects only to buckets in allowed regions",
    cloud: "aws",
    control: "data-region",
    severity: "high",
    description:
        "S3 replication rules must copy objects only to buckets in an allowed region (default: the Japan regions). " +
        "A rule's destination is an ARN without a region, so the destination bucket is found in the stack (by " +
        "property dependency, then by name or ARN) and its region resolved; a destination outside the stack must be " +
        "listed as approved, because its region cannot be seen.",
    remediation:
        "Replicate to a bucket created in an allowed region. For a bucket managed elsewhere (another stack or " +
        "account), verify that it is in an allowed region and list its name or ARN in `approvedExternalBuckets`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.34" },
        { framework: "iso27001", version: "2022", id: "A.5.31" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REPLICATION_CONFIG, BUCKET],
    config: {
        allowedRegions: ALLOWED_AWS_REGIONS_CONFIG,
        approvedExternalBuckets: {
            type: "array",
            items: { type: "string", pattern: "^(arn:aws[a-z-]*:s3:::)?[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$" },
            default: [],
            description:
                "Destination buckets outside this stack that were verified to reside in an allowed region (bucket " +
                "names or S3 ARNs). Replication to any other bucket outside the stack is a violation.",
        },
    },
    check(stack, config, report) {
        const sources = stack.ofType(REPLICATION_CONFIG, BUCKET);
        if (!sources.length) return;
        const buckets = new JoinIndex(stack.ofType(BUCKET), bucketKeys);
        const approved = new Set(config.approvedExternalBuckets.map(bucketName));
        const allowed = config.allowedRegions;

        /** Reports the buckets a rule may replicate to that are not in an allowed region (or not decidable yet). */
        const checkTargets = (from: PolicyResource, path: string, targets: readonly PolicyResource[], r: StackReport): void => {
            for (const t of targets) {
                const placement = awsRegionIfKnown(t.props, t.provider);
                if (placement === "unknown") {
                    r.cannotKnow(from.urn, `the region of bucket \`${t.name}\` (destination of \`${path}\`)`);
                } else if (!placement.found) {
                    r.violation(from.urn, `\`${path}\` replicates to bucket \`${t.name}\`, which has no region set; pin one with \`region\` on the bucket or its provider (or \`pulumi config set aws:region <region>\`).`);
                } else if (!isAllowedAwsRegion(placement.region, allowed)) {
                    r.violation(from.urn, `\`${path}\` replicates to bucket \`${t.name}\`, whose ${notAllowedRegion("`region`", allowed)}`);
                }
            }
        };

        for (const from of sources) {
            for (const source of SOURCES[canonicalType(from.type)] ?? []) {
                let dependencies: readonly PolicyResource[] | undefined;
                const deps = () => (dependencies ??= buckets.dependencies(from, source.property).filter((b) => b.urn !== from.urn));
                for (const { path, destination } of source.targets(from.props)) {
                    if (destination.kind === "none") continue;
                    if (destination.kind === "unknown") {
                        // Unknown until the destination bucket exists (or the whole block is unknown): the engine still
                        // records which buckets the rules were built from.
                        if (deps().length) checkTargets(from, path, deps(), report);
                        else report.cannotKnow(from.urn, `\`${path}\``);
                        continue;
                    }
                    const inStack = buckets.lookup(destination.name);
                    if (inStack.length) {
                        checkTargets(from, path, inStack, report);
                    } else if (!approved.has(destination.name)) {
                        report.violation(
                            from.urn,
                            `\`${path}\` replicates to a bucket that is not in this stack, so its region cannot be checked; ` +
                                `replicate to a bucket in an allowed region (allowed: ${allowedRegionsText(allowed)}), or list it in ` +
                                "`approvedExternalBuckets` once verified to be in one.",
                        );
                    }
                }
            }
        }
    },
});
