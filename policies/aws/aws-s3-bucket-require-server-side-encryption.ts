import { defineResourcePolicy } from "../core/policy";
import { s3ConfigurationEncryption, s3DefaultEncryption, s3InlineEncryption } from "../core/encryption";
import { BUCKET, SSE_CONFIGURATION } from "../core/s3-bucket";

export default defineResourcePolicy({
    name: "aws-s3-bucket-require-server-side-encryption",
    title: "S3 buckets keep default server-side encryption",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "S3 buckets must encrypt new objects at rest by default. S3 applies SSE-S3 (AES256) to every bucket since " +
        "January 2023, so a bucket without an encryption configuration passes; a configuration that is declared — the " +
        "deprecated inline block of Bucket/BucketV2 or a BucketServerSideEncryptionConfiguration — must apply AES256, " +
        "aws:kms or aws:kms:dsse in every rule.",
    remediation:
        "Give every rule an `applyServerSideEncryptionByDefault` block whose `sseAlgorithm` is AES256, aws:kms or " +
        "aws:kms:dsse, or remove the configuration to keep the SSE-S3 default. Prefer the " +
        "BucketServerSideEncryptionConfiguration resource over the deprecated inline `serverSideEncryptionConfiguration`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [BUCKET, SSE_CONFIGURATION],
    config: {},
    examples: {
        pass: [
            { title: "a bucket that says nothing (SSE-S3 is the default)", type: BUCKET, props: {} },
            {
                title: "a configuration that applies SSE-KMS",
                type: SSE_CONFIGURATION,
                props: { bucket: "data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
            },
        ],
        fail: [
            { title: "a configuration rule without default encryption", type: SSE_CONFIGURATION, props: { bucket: "data", rules: [{ bucketKeyEnabled: true }] } },
            {
                title: "an unknown algorithm",
                type: SSE_CONFIGURATION,
                props: { bucket: "data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "none" } }] },
            },
        ],
    },
    check(r) {
        return s3DefaultEncryption(r.canonicalType === BUCKET ? s3InlineEncryption(r.props) : [s3ConfigurationEncryption(r.props)]);
    },
});
