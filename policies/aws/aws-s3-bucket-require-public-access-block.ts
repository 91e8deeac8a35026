import { defineStackPolicy } from "../core/policy";
import { ACCOUNT_BLOCK, BUCKET, BUCKET_BLOCK, PublicAccessBlocks } from "../core/s3-bucket";

const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

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
        fail: [
            { title: "a bucket without any block", resources: [{ type: BUCKET, name: "data", props: { bucket: "data" } }] },
            {
                title: "a block that allows public policies",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    { type: BUCKET_BLOCK, name: "data-block", props: { bucket: "data", ...ALL_ON, blockPublicPolicy: false }, propertyDependencies: { bucket: ["data"] } },
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
        for (const bucket of buckets) yield { urn: bucket.urn, verdict: blocks.verdict(bucket, config.acceptAccountLevelBlock) };
    },
});
