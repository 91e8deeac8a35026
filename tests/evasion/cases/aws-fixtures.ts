// Building blocks of the AWS cases: compliant resources to spread over, and policy-document pieces. Property names are
// the `...Args` of @pulumi/aws 7.48.0 (node_modules/@pulumi/aws/<module>/<resource>.d.ts).

import type { JsonObject, ResourceSpec } from "../model";

export const T = {
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketAcl: "aws:s3/bucketAcl:BucketAcl",
    bucketAclV2: "aws:s3/bucketAclV2:BucketAclV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    publicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    accountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    sseConfiguration: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    sseConfigurationV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    lifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    object: "aws:s3/bucketObject:BucketObject",
    objectV2: "aws:s3/bucketObjectv2:BucketObjectv2",
    objectLegacy: "aws:s3/BucketObject:BucketObject",
    objectCopy: "aws:s3/objectCopy:ObjectCopy",
    accessPoint: "aws:s3/accessPoint:AccessPoint",
    accessPointPolicy: "aws:s3control/accessPointPolicy:AccessPointPolicy",
    role: "aws:iam/role:Role",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    trail: "aws:cloudtrail/trail:Trail",
    rdsInstance: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    redshift: "aws:redshift/cluster:Cluster",
    volume: "aws:ebs/volume:Volume",
    encryptionByDefault: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    instance: "aws:ec2/instance:Instance",
    efs: "aws:efs/fileSystem:FileSystem",
    sqs: "aws:sqs/queue:Queue",
    sns: "aws:sns/topic:Topic",
    kinesis: "aws:kinesis/stream:Stream",
    opensearch: "aws:opensearch/domain:Domain",
    elasticsearch: "aws:elasticsearch/domain:Domain",
    elasticache: "aws:elasticache/replicationGroup:ReplicationGroup",
    dax: "aws:dax/cluster:Cluster",
    dynamodb: "aws:dynamodb/table:Table",
    secret: "aws:secretsmanager/secret:Secret",
    backupPlan: "aws:backup/plan:Plan",
    albV1: "aws:alb/loadBalancer:LoadBalancer",
    cloudfront: "aws:cloudfront/distribution:Distribution",
} as const;

export const ACCOUNT = "111122223333";
export const ORG_ID = "o-a1b2c3d4e5";
export const VPCE = "vpce-0a1b2c3d4e5f60718";

/** A bucket named after its resource (the name S3 knows it by: its `id` and `bucket`). */
export function bucketName(resource: string): string {
    return `${resource}-7c21e0`;
}

export function bucket(name: string, inputs: JsonObject = {}, type: string = T.bucket): ResourceSpec {
    return { type, name, inputs: { bucket: bucketName(name), forceDestroy: false, ...inputs } };
}

export const ALL_FOUR: JsonObject = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

/** A BucketPublicAccessBlock for `of`, joined the way a program writes `bucket: b.id` (property dependency + name). */
export function publicAccessBlock(name: string, of: string, flags: JsonObject = ALL_FOUR): ResourceSpec {
    return { type: T.publicAccessBlock, name, inputs: { bucket: bucketName(of), ...flags }, propertyDependencies: { bucket: [of] } };
}

/** A bucket with its own public access block (all four settings on): the compliant baseline of the S3 cases. */
export function blockedBucket(name: string, inputs: JsonObject = {}, type: string = T.bucket): ResourceSpec[] {
    return [bucket(name, inputs, type), publicAccessBlock(`${name}-block`, name)];
}

export function objectArn(resource: string): string {
    return `arn:aws:s3:::${bucketName(resource)}/*`;
}

/** An Allow statement on the objects of `resource`'s bucket; spread what differs over it. */
export function allow(resource: string, s: JsonObject = {}): JsonObject {
    return { Effect: "Allow", Action: "s3:GetObject", Resource: objectArn(resource), ...s };
}

export function doc(...statements: JsonObject[]): JsonObject {
    return { Version: "2012-10-17", Statement: statements };
}

export function bucketPolicy(name: string, of: string, policy: string | JsonObject): ResourceSpec {
    return { type: T.bucketPolicy, name, inputs: { bucket: bucketName(of), policy }, propertyDependencies: { bucket: [of] } };
}

/** An IAM role whose trust policy is `trust` (as the SDK sends it: a JSON string). */
export function role(name: string, trust: JsonObject | string, inputs: JsonObject = {}): ResourceSpec {
    return { type: T.role, name, inputs: { name, assumeRolePolicy: typeof trust === "string" ? trust : JSON.stringify(trust), ...inputs } };
}

/** A trust statement for another account's principals; spread the condition (or what else differs) over it. */
export function trustAccount(s: JsonObject = {}): JsonObject {
    return { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole", ...s };
}

export const MFA: JsonObject = { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } };

export const GITHUB_OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;

export function trustGithub(condition: JsonObject): JsonObject {
    return { Effect: "Allow", Principal: { Federated: GITHUB_OIDC }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition };
}

export function trail(name: string, of: string, inputs: JsonObject = {}): ResourceSpec {
    return {
        type: T.trail,
        name,
        inputs: {
            name,
            s3BucketName: bucketName(of),
            enableLogging: true,
            isMultiRegionTrail: true,
            enableLogFileValidation: true,
            // Delivered to CloudWatch Logs too (aws-cloudtrail-trail-enable-cloudwatch-logs, CloudTrail.5).
            cloudWatchLogsGroupArn: `arn:aws:logs:ap-northeast-1:${ACCOUNT}:log-group:${name}:*`,
            cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-to-logs`,
            ...inputs,
        },
        propertyDependencies: { s3BucketName: [of] },
    };
}

/** A BucketLifecycleConfiguration with `rules` for `of`'s bucket. */
export function lifecycle(name: string, of: string, rules: JsonObject[], type: string = T.lifecycle): ResourceSpec {
    return { type, name, inputs: { bucket: bucketName(of), rules }, propertyDependencies: { bucket: [of] } };
}
