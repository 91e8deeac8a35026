import type { PolicyResource } from "@pulumi/policy";
import {
    ALLOWED_AWS_REGIONS_CONFIG,
    allowedRegionsText,
    awsRegionIfKnown,
    isAllowedAwsRegion,
    notAllowedRegion,
} from "../core/aws-regions";
import { defineStackPolicy, type StackReport } from "../core/policy";
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

/** Where a replication rule block lives on each resource type: the top-level property and the rules in it. */
interface RuleSource {
    /** Top-level property (property dependencies are recorded per top-level property). */
    readonly property: string;
    /** Prefix of the rule paths in messages. */
    readonly path: string;
    /** The rules, or "unknown" when the rule list itself is unknown during preview. */
    rules(props: Props): readonly unknown[] | "unknown";
}

const knownArray = (o: Props, key: string): readonly unknown[] | "unknown" => {
    if (!isKnown(o, key)) return "unknown";
    const v: unknown = o[key];
    return Array.isArray(v) ? v : [];
};

const SOURCES: Readonly<Record<string, RuleSource>> = {
    [REPLICATION_CONFIG]: { property: "rules", path: "rules", rules: (p) => knownArray(p, "rules") },
    // The deprecated inline block on the bucket itself.
    [BUCKET]: {
        property: "replicationConfiguration",
        path: "replicationConfiguration.rules",
        rules: (p) => {
            if (!isKnown(p, "replicationConfiguration")) return "unknown";
            const conf: unknown = p["replicationConfiguration"];
            return isObject(conf) ? knownArray(conf, "rules") : [];
        },
    },
};

type Destination = { readonly kind: "value"; readonly name: string } | { readonly kind: "unknown" } | { readonly kind: "none" };

/** A rule's destination bucket, without reading anything unknown. Disabled rules copy nothing: "none". */
function destinationOf(rule: unknown): Destination {
    if (!isObject(rule)) return { kind: "none" };
    if (isKnown(rule, "status") && typeof rule["status"] === "string" && rule["status"].toLowerCase() === "disabled") {
        return { kind: "none" };
    }
    if (!isKnown(rule, "destination")) return { kind: "unknown" };
    const d: unknown = rule["destination"];
    if (!isObject(d)) return { kind: "none" };
    if (!isKnown(d, "bucket")) return { kind: "unknown" };
    const b: unknown = d["bucket"];
    return typeof b === "string" && b.trim() !== "" ? { kind: "value", name: bucketName(b) } : { kind: "none" };
}

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
            const source = SOURCES[canonicalType(from.type)];
            if (!source) continue;
            const rules = source.rules(from.props);
            let dependencies: readonly PolicyResource[] | undefined;
            const deps = () => (dependencies ??= buckets.dependencies(from, source.property).filter((b) => b.urn !== from.urn));
            if (rules === "unknown") {
                // The whole rule list is unknown: judge the buckets it was built from, if any.
                if (deps().length) checkTargets(from, source.path, deps(), report);
                else report.cannotKnow(from.urn, `\`${source.path}\``);
                continue;
            }
            for (let i = 0; i < rules.length; i++) {
                const path = `${source.path}[${i}].destination.bucket`;
                const dest: Destination = isKnown(rules, String(i)) ? destinationOf(rules[i]) : { kind: "unknown" };
                if (dest.kind === "none") continue;
                if (dest.kind === "unknown") {
                    // Unknown until the destination bucket exists: the engine still records which buckets the
                    // rules were built from.
                    if (deps().length) checkTargets(from, path, deps(), report);
                    else report.cannotKnow(from.urn, `\`${path}\``);
                    continue;
                }
                const inStack = buckets.lookup(dest.name);
                if (inStack.length) {
                    checkTargets(from, path, inStack, report);
                } else if (!approved.has(dest.name)) {
                    report.violation(
                        from.urn,
                        `\`${path}\` replicates to a bucket that is not in this stack, so its region cannot be checked; ` +
                            `replicate to a bucket in an allowed region (allowed: ${allowedRegionsText(allowed)}), or list it in ` +
                            "`approvedExternalBuckets` once verified to be in one.",
                    );
                }
            }
        }
    },
});
