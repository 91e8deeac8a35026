import {
    ALLOWED_AWS_REGIONS_CONFIG,
    allowedRegionsText,
    awsPlacement,
    isAllowedAwsRegion,
    notAllowedRegion,
} from "../core/aws-regions";
import { defineStackPolicy, type Finding, type StackResource } from "../core/policy";
import { Value } from "../core/read";
import { Join, texts } from "../core/stack";
import { fail, unknown } from "../core/verdict";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION_CONFIG = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

type Bucket = StackResource<typeof BUCKET>;

/** `arn:aws:s3:::name` (any partition) or `name` → `name`. */
function bucketName(value: string): string {
    const m = /^arn:[a-z-]+:s3:::(.+)$/.exec(value.trim());
    return m && m[1] ? m[1] : value.trim();
}

/** Join keys of a bucket: its name, from `bucket`, and the engine's `id` (the name) and `arn` (not inputs). */
function bucketKeys(r: Bucket): readonly string[] {
    const keys = new Set<string>();
    for (const v of texts(r.props.get("bucket"), Value.of(r.resource.props, "id"), Value.of(r.resource.props, "arn"))) keys.add(bucketName(v));
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

/** Field `key` of an object value, whatever its type (the rule blocks differ between Bucket, BucketV2 and the config). */
function field(o: Value, key: string): Value {
    return (o as Value<Readonly<Record<string, unknown>>>).get(key);
}

function isObject(v: Value): boolean {
    return v.isSet && typeof v.value === "object" && !Array.isArray(v.value);
}

/** Where the replication rules live on each resource type: the top-level property and the destinations in it. */
interface RuleSource {
    /** Top-level property (property dependencies are recorded per top-level property). */
    readonly property: string;
    /** Every destination the rules name, without reading anything unknown. */
    targets(props: Value): readonly Target[];
}

/** The elements of an array-or-single block with their paths; an unknown block or element is one unknown entry. */
function elements(v: Value, path: string): readonly { readonly path: string; readonly value: Value }[] {
    if (v.isUnknown) return [{ path, value: v }];
    if (!Array.isArray(v.value)) return v.isSet ? [{ path, value: v }] : [];
    return v.items().map((value, i) => ({ path: `${path}[${i}]`, value }));
}

/** A destination block's bucket. */
function bucketOf(destination: Value): Destination {
    if (!isObject(destination)) return NONE;
    const b = field(destination, "bucket");
    if (b.isUnknown) return UNKNOWN;
    const name = b.text();
    return name !== undefined && name.trim() !== "" ? { kind: "value", name: bucketName(name) } : NONE;
}

/** Disabled rules copy nothing. */
function disabled(rule: Value): boolean {
    return field(rule, "status").text()?.toLowerCase() === "disabled";
}

/**
 * The destinations of the rules in `rules`: each rule's `destination` (Bucket, BucketReplicationConfig) or list of
 * `destinations` (BucketV2), at paths under `path`.
 */
function ruleTargets(rules: Value, path: string): Target[] {
    const out: Target[] = [];
    for (const rule of elements(rules, path)) {
        if (rule.value.isUnknown) {
            // The whole rule list, or one rule, is unknown.
            out.push({ path: rule.path === path ? path : `${rule.path}.destination.bucket`, destination: UNKNOWN });
            continue;
        }
        if (!isObject(rule.value) || disabled(rule.value)) continue;
        for (const destinationKey of ["destination", "destinations"]) {
            for (const d of elements(field(rule.value, destinationKey), `${rule.path}.${destinationKey}`)) {
                out.push({ path: `${d.path}.bucket`, destination: d.value.isUnknown ? UNKNOWN : bucketOf(d.value) });
            }
        }
    }
    return out;
}

/**
 * Replication configuration blocks in `props[property]` (Bucket: one object; BucketV2: a list), each holding `rules`.
 */
function inlineTargets(props: Value, property: string): Target[] {
    const out: Target[] = [];
    for (const conf of elements(field(props, property), property)) {
        if (conf.value.isUnknown) out.push({ path: `${conf.path}.rules`, destination: UNKNOWN });
        else if (isObject(conf.value)) out.push(...ruleTargets(field(conf.value, "rules"), `${conf.path}.rules`));
    }
    return out;
}

const SOURCES: Readonly<Record<string, readonly RuleSource[]>> = {
    [REPLICATION_CONFIG]: [{ property: "rules", targets: (p) => ruleTargets(field(p, "rules"), "rules") }],
    // The deprecated inline blocks on the bucket itself: Bucket's `replicationConfiguration` (one object, each rule one
    // `destination`) and BucketV2's `replicationConfigurations` (lists all the way down: `rules[].destinations[]`).
    [BUCKET]: [
        { property: "replicationConfiguration", targets: (p) => inlineTargets(p, "replicationConfiguration") },
        { property: "replicationConfigurations", targets: (p) => inlineTargets(p, "replicationConfigurations") },
    ],
};

const REPLICATING = (destination: string) => ({
    role: "arn:aws:iam::111122223333:role/replication",
    bucket: "orders",
    rules: [{ status: "Enabled", destination: { bucket: `arn:aws:s3:::${destination}` } }],
});

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
    examples: {
        pass: [
            {
                title: "replication to a bucket of the stack in Osaka",
                resources: [
                    { type: BUCKET, name: "orders", props: { bucket: "orders", region: "ap-northeast-1" } },
                    { type: BUCKET, name: "orders-replica", props: { bucket: "orders-replica", region: "ap-northeast-3" } },
                    { type: REPLICATION_CONFIG, name: "orders-replication", props: REPLICATING("orders-replica") },
                ],
            },
        ],
        fail: [
            {
                title: "replication to a bucket of the stack in Virginia",
                resources: [
                    { type: BUCKET, name: "orders", props: { bucket: "orders", region: "ap-northeast-1" } },
                    { type: BUCKET, name: "orders-replica", props: { bucket: "orders-replica", region: "us-east-1" } },
                    { type: REPLICATION_CONFIG, name: "orders-replication", props: REPLICATING("orders-replica") },
                ],
            },
        ],
    },
    *check(stack, config) {
        const sources = stack.ofType(REPLICATION_CONFIG, BUCKET);
        if (!sources.length) return;
        const buckets = new Join(stack.ofType(BUCKET), bucketKeys);
        const approved = new Set(config.approvedExternalBuckets.map(bucketName));
        const allowed = config.allowedRegions;

        // Many rules may name one bucket (and buckets may share a name): each bucket's region is read once, and the
        // buckets a name finds are looked at only when they are not in an allowed region (or not decidable yet).
        const placements = new Map<Bucket, ReturnType<typeof awsPlacement>>();
        const placementOf = (t: Bucket): ReturnType<typeof awsPlacement> => {
            let placement = placements.get(t);
            if (!placement) placements.set(t, (placement = awsPlacement(t.props, t.provider)));
            return placement;
        };
        const outside = (t: Bucket): boolean => {
            const placement = placementOf(t);
            return "kind" in placement || !placement.found || !isAllowedAwsRegion(placement.region, allowed);
        };
        const outsideByName = new Map<string, readonly Bucket[]>();
        const outsideNamed = (name: string): readonly Bucket[] => {
            let found = outsideByName.get(name);
            if (!found) outsideByName.set(name, (found = buckets.lookup(name).filter(outside)));
            return found;
        };

        /** The buckets a rule may replicate to that are not in an allowed region (or not decidable yet). */
        function* checkTargets(from: StackResource, path: string, targets: readonly Bucket[]): Generator<Finding> {
            for (const t of targets) {
                const placement = placementOf(t);
                if ("kind" in placement) {
                    yield { urn: from.urn, verdict: unknown(`the region of bucket \`${t.name}\` (destination of \`${path}\`)`) };
                } else if (!placement.found) {
                    yield {
                        urn: from.urn,
                        verdict: fail(
                            `\`${path}\` replicates to bucket \`${t.name}\`, which has no region set; pin one with \`region\` on the bucket or its provider (or \`pulumi config set aws:region <region>\`).`,
                        ),
                    };
                } else if (!isAllowedAwsRegion(placement.region, allowed)) {
                    yield { urn: from.urn, verdict: fail(`\`${path}\` replicates to bucket \`${t.name}\`, whose ${notAllowedRegion("`region`", allowed)}`) };
                }
            }
        }

        for (const typed of sources) {
            // The rule blocks differ between Bucket, BucketV2 and BucketReplicationConfig: read them untyped.
            const from = stack.view(typed.resource);
            for (const source of SOURCES[from.canonicalType] ?? []) {
                let dependencies: readonly Bucket[] | undefined;
                const deps = () => (dependencies ??= buckets.dependencies(from, source.property).filter((b) => b.urn !== from.urn));
                for (const { path, destination } of source.targets(from.props)) {
                    if (destination.kind === "none") continue;
                    if (destination.kind === "unknown") {
                        // Unknown until the destination bucket exists (or the whole block is unknown): the engine still
                        // records which buckets the rules were built from.
                        if (deps().length) yield* checkTargets(from, path, deps());
                        else yield { urn: from.urn, verdict: unknown(`\`${path}\``) };
                        continue;
                    }
                    if (buckets.lookup(destination.name).length) {
                        yield* checkTargets(from, path, outsideNamed(destination.name));
                    } else if (!approved.has(destination.name)) {
                        yield {
                            urn: from.urn,
                            verdict: fail(
                                `\`${path}\` replicates to a bucket that is not in this stack, so its region cannot be checked; ` +
                                    `replicate to a bucket in an allowed region (allowed: ${allowedRegionsText(allowed)}), or list it in ` +
                                    "`approvedExternalBuckets` once verified to be in one.",
                            ),
                        };
                    }
                }
            }
        }
    },
});
