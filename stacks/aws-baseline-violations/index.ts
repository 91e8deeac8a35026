// srguard sample stack: the violating twin of ../aws-baseline. Its stack config puts everything in us-east-1, and the
// bucket and log group skip the customer managed key. Every violation is listed in expected.json.
import * as aws from "@pulumi/aws";

// violates: aws-regional-resource-restrict-region, aws-s3-bucket-require-customer-managed-key
// violates: aws-s3-bucket-enable-server-access-logging (advisory, FSBP S3.9)
const bucket = new aws.s3.Bucket("data");

// violates: aws-regional-resource-restrict-region
new aws.s3.BucketPublicAccessBlock("data", {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});

// violates: aws-regional-resource-restrict-region, aws-cloudwatch-log-group-configure-retention, aws-cloudwatch-log-group-require-kms-key
new aws.cloudwatch.LogGroup("app", {
    retentionInDays: 7,
});

export const bucketName = bucket.bucket;
