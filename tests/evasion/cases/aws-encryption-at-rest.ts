// AWS encryption-at-rest: S3 default encryption (inline on old tokens, or a separate configuration resource), EBS,
// RDS, EFS, queues, topics, streams, search domains, caches — flags as strings, blocks as lists, legacy tokens.

import type { EvasionCase } from "../model";
import { T, bucket, bucketName } from "./aws-fixtures";

const SSE = "aws-s3-bucket-require-server-side-encryption";
const VOLUME = "aws-ebs-volume-require-encryption";
const DEFAULT_EBS = "aws-ebs-encryption-by-default-enable";
const TEMPLATE = "aws-ec2-launch-template-require-ebs-encryption";
const INSTANCE = "aws-ec2-instance-require-ebs-encryption";
const RDS_INSTANCE = "aws-rds-instance-require-storage-encryption";
const RDS_CLUSTER = "aws-rds-cluster-require-storage-encryption";
const EFS = "aws-efs-file-system-require-encryption";
const SQS = "aws-sqs-queue-require-encryption";
const SNS = "aws-sns-topic-require-encryption";
const KINESIS = "aws-kinesis-stream-require-encryption";
const OPENSEARCH = "aws-opensearch-domain-require-encryption-at-rest";
const ELASTICACHE = "aws-elasticache-replication-group-require-encryption-at-rest";
const DAX = "aws-dax-cluster-require-encryption";
const REDSHIFT = "aws-redshift-cluster-require-encryption";
const LOG_GROUP_KEY = "aws-cloudwatch-log-group-require-kms-key";
const DYNAMODB_KEY = "aws-dynamodb-table-require-customer-managed-key";
const S3_KEY = "aws-s3-bucket-require-customer-managed-key";

const base = { cloud: "aws", control: "encryption-at-rest" } as const;

export const cases: readonly EvasionCase[] = [
    // ---- S3 default encryption
    {
        ...base,
        id: "aws-encryption-at-rest-bucketv2-inline-no-default",
        kind: "evasion",
        title: "BucketV2 with the list-shaped inline `serverSideEncryptionConfigurations` whose rule applies no default",
        stack: { resources: [bucket("data", { serverSideEncryptionConfigurations: [{ rules: [{ bucketKeyEnabled: true }] }] }, T.bucketV2)] },
        violations: [{ policy: SSE, resource: "data" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-sse-configuration-v2-no-default",
        kind: "evasion",
        title: "separate BucketServerSideEncryptionConfigurationV2 (alias token) whose rule applies no default encryption",
        stack: {
            resources: [
                bucket("data"),
                { type: T.sseConfigurationV2, name: "data-sse", inputs: { bucket: bucketName("data"), rules: [{ bucketKeyEnabled: true }] }, propertyDependencies: { bucket: ["data"] } },
            ],
        },
        violations: [{ policy: SSE, resource: "data-sse" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-encryption-at-rest-sse-configuration-second-rule",
        kind: "evasion",
        title: "a configuration whose first rule encrypts and whose second rule does not",
        stack: {
            resources: [
                bucket("data"),
                {
                    type: T.sseConfiguration,
                    name: "data-sse",
                    inputs: { bucket: bucketName("data"), rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }, { bucketKeyEnabled: false }] },
                    propertyDependencies: { bucket: ["data"] },
                },
            ],
        },
        violations: [{ policy: SSE, resource: "data-sse" }],
    },

    // ---- EBS
    {
        ...base,
        id: "aws-encryption-at-rest-volume-encrypted-string-false",
        kind: "evasion",
        title: "EBS volume with `encrypted: \"false\"` (string)",
        stack: { resources: [{ type: T.volume, name: "data", inputs: { availabilityZone: "ap-northeast-1a", size: 100, encrypted: "false" } }] },
        violations: [{ policy: VOLUME, resource: "data" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-volume-encrypted-unset",
        kind: "evasion",
        title: "EBS volume that leaves `encrypted` out (EBS does not encrypt by default unless the account says so)",
        stack: { resources: [{ type: T.volume, name: "data", inputs: { availabilityZone: "ap-northeast-1a", size: 100 } }] },
        violations: [{ policy: VOLUME, resource: "data" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-ebs-default-off-string",
        kind: "evasion",
        title: "EncryptionByDefault with `enabled: \"FALSE\"`",
        stack: { resources: [{ type: T.encryptionByDefault, name: "ebs-default", inputs: { enabled: "FALSE" } }] },
        violations: [{ policy: DEFAULT_EBS, resource: "ebs-default" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-launch-template-string-false",
        kind: "evasion",
        title: "launch template block device with `encrypted: \"false\"` (launch templates carry strings)",
        stack: {
            resources: [
                {
                    type: T.launchTemplate,
                    name: "web",
                    inputs: { imageId: "ami-0123456789abcdef0", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }, { deviceName: "/dev/xvdb", ebs: { encrypted: "false" } }] },
                },
            ],
        },
        violations: [{ policy: TEMPLATE, resource: "web" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-instance-extra-device",
        kind: "evasion",
        title: "instance with an encrypted root device and an unencrypted extra `ebsBlockDevices` entry",
        stack: {
            resources: [
                {
                    type: T.instance,
                    name: "app",
                    inputs: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false, volumeSize: 50 }] },
                },
            ],
        },
        violations: [{ policy: INSTANCE, resource: "app" }],
    },

    // ---- databases, file systems, queues, streams, caches
    {
        ...base,
        id: "aws-encryption-at-rest-rds-storage-encrypted-string",
        kind: "evasion",
        title: "RDS instance with `storageEncrypted: \"false\"` and an engine name in odd case",
        stack: { resources: [{ type: T.rdsInstance, name: "db", inputs: { engine: "Postgres", instanceClass: "db.t4g.micro", storageEncrypted: "false" } }] },
        violations: [{ policy: RDS_INSTANCE, resource: "db" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-rds-cluster-unset-provisioned",
        kind: "evasion",
        title: "provisioned Aurora cluster that leaves `storageEncrypted` out",
        stack: { resources: [{ type: T.rdsCluster, name: "aurora", inputs: { engine: "aurora-postgresql", engineMode: "provisioned", masterUsername: "admin" } }] },
        violations: [{ policy: RDS_CLUSTER, resource: "aurora" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-efs-string-false",
        kind: "evasion",
        title: "EFS file system with `encrypted: \"False\"`",
        stack: { resources: [{ type: T.efs, name: "shared", inputs: { encrypted: "False" } }] },
        violations: [{ policy: EFS, resource: "shared" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-sqs-managed-off-empty-key",
        kind: "evasion",
        title: "queue with `sqsManagedSseEnabled: false` and an empty `kmsMasterKeyId`",
        stack: { resources: [{ type: T.sqs, name: "jobs", inputs: { sqsManagedSseEnabled: false, kmsMasterKeyId: "" } }] },
        violations: [{ policy: SQS, resource: "jobs" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-sns-blank-key",
        kind: "evasion",
        title: "topic whose `kmsMasterKeyId` is blank (whitespace)",
        stack: { resources: [{ type: T.sns, name: "alerts", inputs: { kmsMasterKeyId: "  " } }] },
        violations: [{ policy: SNS, resource: "alerts" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-kinesis-none-lower-case",
        kind: "evasion",
        title: "stream with `encryptionType: \"none\"`",
        stack: { resources: [{ type: T.kinesis, name: "events", inputs: { shardCount: 1, encryptionType: "none" } }] },
        violations: [{ policy: KINESIS, resource: "events" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-elasticsearch-legacy-token",
        kind: "evasion",
        title: "search domain under the legacy `aws:elasticsearch/domain:Domain` token, `encryptAtRest.enabled: false`",
        stack: { resources: [{ type: T.elasticsearch, name: "search", inputs: { domainName: "search", encryptAtRest: { enabled: false } } }] },
        violations: [{ policy: OPENSEARCH, resource: "search" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-elasticache-string-false",
        kind: "evasion",
        title: "replication group with `atRestEncryptionEnabled: \"false\"`",
        stack: { resources: [{ type: T.elasticache, name: "cache", inputs: { description: "cache", engine: "redis", nodeType: "cache.t4g.micro", atRestEncryptionEnabled: "false" } }] },
        violations: [{ policy: ELASTICACHE, resource: "cache" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-dax-block-as-list",
        kind: "evasion",
        title: "DAX cluster whose `serverSideEncryption` block is written as a list, disabled",
        stack: { resources: [{ type: T.dax, name: "dax", inputs: { clusterName: "dax", nodeType: "dax.t3.small", replicationFactor: 1, iamRoleArn: "arn:aws:iam::111122223333:role/dax", serverSideEncryption: [{ enabled: false }] } }] },
        violations: [{ policy: DAX, resource: "dax" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-redshift-string-false",
        kind: "evasion",
        title: "Redshift cluster with `encrypted: \"false\"` (the provider carries it as a string)",
        stack: { resources: [{ type: T.redshift, name: "warehouse", inputs: { clusterIdentifier: "warehouse", nodeType: "ra3.large", encrypted: "false" } }] },
        violations: [{ policy: REDSHIFT, resource: "warehouse" }],
    },


    // ---- customer managed keys (advisory)
    {
        ...base,
        id: "aws-encryption-at-rest-s3-aws-managed-key-alias-arn",
        kind: "evasion",
        title: "SSE-KMS \"with a KMS key\" that is the AWS managed `alias/aws/s3`, written as an alias ARN",
        stack: {
            resources: [
                bucket("data"),
                {
                    type: T.sseConfigurationV2,
                    name: "data-sse",
                    inputs: { bucket: bucketName("data"), rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:ap-northeast-1:111122223333:alias/aws/s3" } }] },
                    propertyDependencies: { bucket: ["data"] },
                },
            ],
        },
        violations: [{ policy: S3_KEY, resource: "data" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-dynamodb-aws-managed-key",
        kind: "evasion",
        title: "DynamoDB table encrypted with `kmsKeyArn: \"alias/aws/dynamodb\"` (the AWS managed key)",
        stack: { resources: [{ type: T.dynamodb, name: "orders", inputs: { hashKey: "id", attributes: [{ name: "id", type: "S" }], serverSideEncryption: { enabled: true, kmsKeyArn: "alias/aws/dynamodb" } } }] },
        violations: [{ policy: DYNAMODB_KEY, resource: "orders" }],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-log-group-blank-key",
        kind: "evasion",
        title: "log group whose `kmsKeyId` is an empty string",
        stack: { resources: [{ type: T.logGroup, name: "app", inputs: { name: "/app/audit", retentionInDays: 400, kmsKeyId: "" } }] },
        violations: [{ policy: LOG_GROUP_KEY, resource: "app" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "aws-encryption-at-rest-legit-s3-default",
        kind: "legitimate",
        title: "bucket without any encryption configuration (S3 applies SSE-S3 to every new object)",
        stack: { resources: [bucket("data")] },
        silent: [SSE],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-legit-sse-spellings",
        kind: "legitimate",
        title: "AES256 inline on a BucketV2 and aws:kms:dsse in a separate configuration (V2 token)",
        stack: {
            resources: [
                bucket("a", { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] }] }, T.bucketV2),
                bucket("b"),
                {
                    type: T.sseConfigurationV2,
                    name: "b-sse",
                    inputs: { bucket: bucketName("b"), rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0" } }] },
                    propertyDependencies: { bucket: ["b"] },
                },
            ],
        },
        silent: [SSE],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-legit-aurora-instance",
        kind: "legitimate",
        title: "Aurora DB instance with `storageEncrypted: false` (its encrypted cluster decides; the instance flag is ignored)",
        stack: {
            resources: [
                { type: T.rdsCluster, name: "aurora", inputs: { engine: "aurora-mysql", storageEncrypted: true } },
                { type: T.rdsInstance, name: "aurora-1", inputs: { engine: "Aurora-MySQL", instanceClass: "db.r6g.large", storageEncrypted: false } },
            ],
        },
        silent: [RDS_INSTANCE, RDS_CLUSTER],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-legit-string-flags",
        kind: "legitimate",
        title: "flags written as strings the providers accept (`\"true\"`), SSE-SQS by default, KMS in upper case",
        stack: {
            resources: [
                { type: T.launchTemplate, name: "web", inputs: { imageId: "ami-0123456789abcdef0", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "TRUE" } }] } },
                { type: T.efs, name: "shared", inputs: { encrypted: "true" } },
                { type: T.sqs, name: "jobs", inputs: {} },
                { type: T.kinesis, name: "events", inputs: { shardCount: 1, encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" } },
                { type: T.redshift, name: "warehouse", inputs: { clusterIdentifier: "warehouse", nodeType: "ra3.large" } },
            ],
        },
        silent: [TEMPLATE, EFS, SQS, KINESIS, REDSHIFT],
    },
    {
        ...base,
        id: "aws-encryption-at-rest-legit-serverless-cluster",
        kind: "legitimate",
        title: "Aurora Serverless v1 cluster (always encrypted) that leaves `storageEncrypted` out, engine mode in odd case",
        stack: { resources: [{ type: T.rdsCluster, name: "aurora", inputs: { engine: "aurora-postgresql", engineMode: "Serverless" } }] },
        silent: [RDS_CLUSTER],
    },
];
