// srguard sample stack: an S3 bucket and an application log group done right, in Tokyo. No mandatory violation;
// one advisory (S3.9 server access logs, listed in expected.json). Its twin, ../aws-baseline-violations, breaks the
// rules on purpose.
import * as aws from "@pulumi/aws";

// One customer managed key for the stack's data at rest, rotated yearly.
const key = new aws.kms.Key("data", {
    description: "srguard sample: encrypts the bucket and the log group",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
});

// violates: aws-s3-bucket-enable-server-access-logging (advisory, FSBP S3.9: no server access logs, which most
// buckets legitimately do without; the pack reports it and does not block)
const bucket = new aws.s3.Bucket("data");

new aws.s3.BucketServerSideEncryptionConfiguration("data", {
    bucket: bucket.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
});

new aws.s3.BucketPublicAccessBlock("data", {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});

new aws.cloudwatch.LogGroup("app", {
    retentionInDays: 365,
    kmsKeyId: key.arn,
});

export const bucketName = bucket.bucket;
