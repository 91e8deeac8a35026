import { defineStackPolicy } from "../core/policy";
import { ACCOUNT_BLOCK, BUCKET, BUCKET_BLOCK, PublicAccessBlocks, unknownBlockWhat } from "../core/s3-bucket";
import { fail, pass, unknown } from "../core/verdict";

const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

const DECLARE =
    "this bucket declares no BucketPublicAccessBlock and no AccountPublicAccessBlock of the stack turns all four " +
    "settings on. It is private today — S3 turns Block Public Access on for every new bucket — but nothing in the " +
    "program says so: declare an `aws.s3.BucketPublicAccessBlock` for it with all four settings true, so that a " +
    "change made outside Pulumi shows as drift in `pulumi refresh` and the setting is reviewed with the code.";

export default defineStackPolicy({
    name: "aws-s3-bucket-configure-public-access-block",
    title: "S3 buckets declare their Block Public Access settings",
    cloud: "aws",
    control: "public-access",
    severity: "low",
    description:
        "Every S3 bucket should declare S3 Block Public Access with all four settings on — its own " +
        "BucketPublicAccessBlock, or an AccountPublicAccessBlock in the same stack — so that the program states what " +
        "S3 defaults to and drift (a setting turned off in the console) is caught. Advisory: a bucket that declares " +
        "nothing has S3's default (all four on) and is private; a block that turns a setting off is the mandatory " +
        "aws-s3-bucket-require-public-access-block.",
    remediation:
        "Add an `aws.s3.BucketPublicAccessBlock` with `bucket: <bucket>.id` and all four of `blockPublicAcls`, " +
        "`blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` set to true, or manage an " +
        "`aws.s3.AccountPublicAccessBlock` with all four true in the same stack.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.8" },
        { framework: "cis-aws", version: "3.0.0", id: "2.1.4" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [BUCKET, BUCKET_BLOCK, ACCOUNT_BLOCK],
    config: {
        acceptAccountLevelBlock: {
            type: "boolean",
            default: true,
            description: "Whether an AccountPublicAccessBlock in the stack with all four settings on counts as the declaration for its buckets.",
        },
    },
    examples: {
        pass: [
            {
                title: "a bucket with its own block, all four settings on",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: BUCKET_BLOCK, name: "data-block", props: { bucket: "data", ...ALL_ON }, propertyDependencies: { bucket: ["data"] } },
                ],
            },
            {
                title: "a bucket covered by the account-level block",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: ACCOUNT_BLOCK, name: "account", props: ALL_ON },
                ],
            },
        ],
        fail: [{ title: "a bucket that declares no block (private by S3's default, but undeclared)", resources: [{ type: BUCKET, name: "data", props: { bucket: "data" } }] }],
    },
    *check(stack, config) {
        const buckets = stack.ofType(BUCKET);
        if (!buckets.length) return;
        const blocks = new PublicAccessBlocks(stack, buckets, config.acceptAccountLevelBlock);
        for (const bucket of buckets) {
            const c = blocks.coverage(bucket);
            // A block of its own (or one that may be) is declared: what it says is the mandatory policy's concern.
            if (c.own.length || c.ownMaybe) yield { urn: bucket.urn, verdict: pass };
            else if (c.missing.length) yield { urn: bucket.urn, verdict: fail(DECLARE) };
            else yield { urn: bucket.urn, verdict: c.unknown.length ? unknown(unknownBlockWhat(c)) : pass };
        }
    },
});
