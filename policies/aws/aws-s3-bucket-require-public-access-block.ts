import { defineStackPolicy } from "../core/policy";
import { ACCOUNT_BLOCK, BUCKET, BUCKET_BLOCK, PublicAccessBlocks } from "../core/s3-bucket";

const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

export default defineStackPolicy({
    name: "aws-s3-bucket-require-public-access-block",
    title: "S3 buckets do not turn S3 Block Public Access off",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "No S3 bucket may have a Block Public Access setting (blockPublicAcls, blockPublicPolicy, ignorePublicAcls, " +
        "restrictPublicBuckets) turned off: S3 turns all four on for every new bucket (since April 2023), so a bucket " +
        "that declares no BucketPublicAccessBlock is private and passes; one whose BucketPublicAccessBlock sets a " +
        "setting to false or leaves it out (the block then writes false) fails, unless an AccountPublicAccessBlock in " +
        "the same stack turns that setting on. Public ACLs and public bucket policies are checked by " +
        "aws-s3-bucket-disallow-public-acl and aws-s3-bucket-policy-disallow-public-access; declaring the block so " +
        "that drift is caught is the advisory aws-s3-bucket-configure-public-access-block.",
    remediation:
        "Set all four of `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` to true " +
        "on the bucket's `aws.s3.BucketPublicAccessBlock` (a setting left out is false), or remove the block to keep " +
        "S3's default (all four on). An `aws.s3.AccountPublicAccessBlock` with the setting true in the same stack also " +
        "covers it (acceptAccountLevelBlock).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.8" },
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.1" },
        { framework: "cis-aws", version: "3.0.0", id: "2.1.4" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-s3-bucket-block"],
    resourceTypes: [BUCKET, BUCKET_BLOCK, ACCOUNT_BLOCK],
    config: {
        acceptAccountLevelBlock: {
            type: "boolean",
            default: true,
            description:
                "Whether an AccountPublicAccessBlock in the stack that turns a setting on covers a bucket whose own " +
                "BucketPublicAccessBlock turns it off (S3 applies the most restrictive combination). Set to false to " +
                "judge each bucket's own settings alone (as FSBP S3.8 does).",
        },
    },
    examples: {
        pass: [
            { title: "a bucket that declares no block (S3 turns all four settings on)", resources: [{ type: BUCKET, name: "data", props: { bucket: "data" } }] },
            {
                title: "a bucket with its own block, all four settings on",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: BUCKET_BLOCK, name: "data-block", props: { bucket: "data", ...ALL_ON }, propertyDependencies: { bucket: ["data"] } },
                ],
            },
            {
                title: "a block that allows public policies, covered by the account-level block",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: BUCKET_BLOCK, name: "data-block", props: { bucket: "data", ...ALL_ON, blockPublicPolicy: false }, propertyDependencies: { bucket: ["data"] } },
                    { type: ACCOUNT_BLOCK, name: "account", props: ALL_ON },
                ],
            },
        ],
        fail: [
            {
                title: "a block that allows public policies",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: BUCKET_BLOCK, name: "data-block", props: { bucket: "data", ...ALL_ON, blockPublicPolicy: false }, propertyDependencies: { bucket: ["data"] } },
                ],
            },
            {
                title: "a block that leaves settings out (written as false)",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: BUCKET_BLOCK, name: "data-block", props: { bucket: "data", blockPublicAcls: true }, propertyDependencies: { bucket: ["data"] } },
                ],
            },
        ],
    },
    *check(stack, config) {
        const buckets = stack.ofType(BUCKET);
        if (!buckets.length) return;
        // Which buckets each BucketPublicAccessBlock covers: property dependency on `bucket` first, then the
        // literal bucket name; never resource order (core/s3-bucket.ts).
        const blocks = new PublicAccessBlocks(stack, buckets, config.acceptAccountLevelBlock);
        for (const bucket of buckets) yield { urn: bucket.urn, verdict: blocks.turnedOffVerdict(bucket) };
    },
});
