import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy } from "../core/policy";
import { JoinIndex, knownStrings } from "../core/stack";
import { isKnown, isTrue } from "../core/values";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
type Flag = (typeof FLAGS)[number];

/** A flag across one or more access blocks: on only if every block turns it on (a flag left out is false). */
type State = "on" | "off" | "unknown";

function flagOf(block: PolicyResource, flag: Flag): State {
    if (!isKnown(block.props, flag)) return "unknown";
    return isTrue(block.props[flag]) ? "on" : "off";
}

/** All blocks must turn the flag on; none at all is off. */
function allOf(blocks: readonly PolicyResource[], flag: Flag): State {
    if (!blocks.length) return "off";
    const states = blocks.map((b) => flagOf(b, flag));
    if (states.includes("off")) return "off";
    return states.includes("unknown") ? "unknown" : "on";
}

/** S3 applies the most restrictive combination of the bucket and account settings, flag by flag. */
function either(a: State, b: State): State {
    if (a === "on" || b === "on") return "on";
    return a === "unknown" || b === "unknown" ? "unknown" : "off";
}

export default defineStackPolicy({
    name: "aws-s3-bucket-require-public-access-block",
    title: "S3 buckets are covered by S3 Block Public Access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "Every S3 bucket must be covered by S3 Block Public Access with all four settings on (blockPublicAcls, " +
        "blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets), through its own BucketPublicAccessBlock or an " +
        "AccountPublicAccessBlock in the same stack, so that no ACL or bucket policy can make its data public.",
    remediation:
        "Add an `aws.s3.BucketPublicAccessBlock` with `bucket: <bucket>.id` (or the bucket name) and all four of " +
        "`blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` set to true, or manage " +
        "an `aws.s3.AccountPublicAccessBlock` with all four set to true in the same stack. A setting left out is false.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.8" },
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.1" },
        { framework: "cis-aws", version: "3.0.0", id: "2.1.4" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [BUCKET, BUCKET_BLOCK, ACCOUNT_BLOCK],
    config: {
        acceptAccountLevelBlock: {
            type: "boolean",
            default: true,
            description:
                "Whether an AccountPublicAccessBlock in the stack counts for its buckets. Set to false to require a " +
                "BucketPublicAccessBlock on every bucket (as FSBP S3.8 checks).",
        },
    },
    check(stack, config, report) {
        const buckets = stack.ofType(BUCKET);
        if (!buckets.length) return;
        const accountBlocks = config.acceptAccountLevelBlock ? stack.ofType(ACCOUNT_BLOCK) : [];

        // Which buckets each BucketPublicAccessBlock covers: property dependency on `bucket` first, then the
        // literal bucket name; never resource order.
        const index = new JoinIndex(buckets, (b) => knownStrings(b, "bucket"));
        const blocksOf = new Map<string, PolicyResource[]>();
        const ambiguous = new Set<string>(); // buckets an unresolved block may cover
        let unresolved = false; // some block refers to a bucket that cannot be known yet
        for (const block of stack.ofType(BUCKET_BLOCK)) {
            const ref = index.resolve(block, "bucket");
            if (ref.kind === "none") continue;
            if (ref.kind === "unknown") {
                unresolved = true;
                continue;
            }
            let targets = ref.targets;
            if (targets.length > 1 && isKnown(block.props, "bucket") && typeof block.props.bucket === "string") {
                const name = block.props.bucket;
                const byName = targets.filter((t) => knownStrings(t, "bucket").includes(name));
                if (byName.length) targets = byName;
            }
            const [only] = targets;
            if (targets.length === 1 && only) {
                const list = blocksOf.get(only.urn) ?? [];
                list.push(block);
                blocksOf.set(only.urn, list);
            } else {
                for (const t of targets) ambiguous.add(t.urn);
            }
        }

        for (const bucket of buckets) {
            const own = blocksOf.get(bucket.urn) ?? [];
            const ownMaybe = !own.length && (unresolved || ambiguous.has(bucket.urn));
            const missing: Flag[] = [];
            const unknown: Flag[] = [];
            for (const flag of FLAGS) {
                const bucketLevel: State = ownMaybe ? "unknown" : allOf(own, flag);
                const state = either(bucketLevel, allOf(accountBlocks, flag));
                if (state === "off") missing.push(flag);
                if (state === "unknown") unknown.push(flag);
            }
            if (missing.length) {
                const list = missing.map((f) => `\`${f}\``).join(", ");
                let message: string;
                if (own.length || accountBlocks.length) {
                    message =
                        `${list} ${missing.length === 1 ? "is" : "are"} not true for this bucket in its ` +
                        "BucketPublicAccessBlock or an AccountPublicAccessBlock; set all four settings to true.";
                } else if (config.acceptAccountLevelBlock) {
                    message =
                        "no BucketPublicAccessBlock refers to this bucket and the stack has no AccountPublicAccessBlock; " +
                        "add a BucketPublicAccessBlock for it with all four settings true.";
                } else {
                    message =
                        "no BucketPublicAccessBlock refers to this bucket (account-level blocks do not count: " +
                        "acceptAccountLevelBlock is false); add one for it with all four settings true.";
                }
                report.violation(bucket.urn, message);
            } else if (unknown.length) {
                report.cannotKnow(
                    bucket.urn,
                    ownMaybe
                        ? "the `bucket` of a BucketPublicAccessBlock (which bucket it covers)"
                        : `${unknown.map((f) => `\`${f}\``).join(", ")} of its public access block`,
                );
            }
        }
    },
});
