// AWS data-region: where a resource is created (its own `region`, an explicit provider's, or the default provider's
// from `aws:region` stack config) and where it copies data to (replicas, replication, backup copies), in every
// spelling — and the global services that have no region of their own.

import type { EvasionCase, ProviderSpec } from "../model";
import { ACCOUNT, T, bucket, bucketName, doc, role, trustAccount, MFA } from "./aws-fixtures";

const REGION = "aws-regional-resource-restrict-region";
const TARGET = "aws-regional-resource-restrict-target-region";
const REPLICATION = "aws-s3-bucket-restrict-replication-region";

const VIRGINIA: ProviderSpec = { name: "virginia", cloud: "aws", inputs: { region: "us-east-1" } };
const base = { cloud: "aws", control: "data-region" } as const;

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "aws-data-region-resource-region-overrides-provider",
        kind: "evasion",
        title: "`region: \"us-east-1\"` on the resource itself (provider v7), under a Tokyo default provider",
        stack: { resources: [bucket("data", { region: "us-east-1" })] },
        violations: [{ policy: REGION, resource: "data" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-data-region-explicit-provider",
        kind: "evasion",
        title: "an explicit provider in us-east-1 for a regional resource",
        stack: { providers: [VIRGINIA], resources: [{ ...bucket("data"), provider: "virginia" }] },
        violations: [{ policy: REGION, resource: "data" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-data-region-stack-config",
        kind: "evasion",
        title: "stack config `aws:region: eu-west-1` (the default provider's region), upper case",
        stack: { defaultRegion: "EU-WEST-1", resources: [{ type: T.sqs, name: "jobs", inputs: {} }] },
        violations: [{ policy: REGION, resource: "jobs" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-data-region-no-region-anywhere",
        kind: "evasion",
        title: "no `aws:region` in stack config and none on the resource (it would land wherever AWS_REGION points)",
        stack: { defaultRegion: null, resources: [{ type: T.sns, name: "alerts", inputs: { kmsMasterKeyId: "alias/aws/sns" } }] },
        violations: [{ policy: REGION, resource: "alerts" }],
    },
    {
        ...base,
        id: "aws-data-region-alb-alias-token",
        kind: "evasion",
        title: "load balancer under the `aws:alb/...` mirror token, `region: \"us-west-2\"`",
        stack: { resources: [{ type: T.albV1, name: "web", inputs: { loadBalancerType: "application", region: "us-west-2" } }] },
        violations: [{ policy: REGION, resource: "web" }],
    },
    {
        ...base,
        id: "aws-data-region-dynamodb-replica-upper-case",
        kind: "evasion",
        title: "DynamoDB global-table replica in `US-WEST-2`",
        stack: { resources: [{ type: T.dynamodb, name: "orders", inputs: { hashKey: "id", attributes: [{ name: "id", type: "S" }], replicas: [{ regionName: "ap-northeast-3" }, { regionName: "US-WEST-2" }] } }] },
        violations: [{ policy: TARGET, resource: "orders" }],
    },
    {
        ...base,
        id: "aws-data-region-secret-replica",
        kind: "evasion",
        title: "Secrets Manager secret replicated to eu-central-1",
        stack: { resources: [{ type: T.secret, name: "db-password", inputs: { name: "db-password", replicas: [{ region: "eu-central-1" }] } }] },
        violations: [{ policy: TARGET, resource: "db-password" }],
    },
    {
        ...base,
        id: "aws-data-region-backup-copy-arn",
        kind: "evasion",
        title: "backup plan copying recovery points to a vault ARN in us-east-1",
        stack: {
            resources: [
                {
                    type: T.backupPlan,
                    name: "daily",
                    inputs: { name: "daily", rules: [{ ruleName: "daily", targetVaultName: "main", schedule: "cron(0 3 * * ? *)", copyActions: [{ destinationVaultArn: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-vault:dr` }] }] },
                },
            ],
        },
        violations: [{ policy: TARGET, resource: "daily" }],
    },
    {
        ...base,
        id: "aws-data-region-replication-config-to-other-region",
        kind: "evasion",
        title: "separate BucketReplicationConfig to a bucket of the stack created in us-west-2 (destination as ARN)",
        stack: {
            resources: [
                bucket("source"),
                bucket("replica", { region: "us-west-2" }),
                {
                    type: T.replication,
                    name: "source-replication",
                    inputs: {
                        bucket: bucketName("source"),
                        role: `arn:aws:iam::${ACCOUNT}:role/replication`,
                        rules: [{ id: "all", status: "Enabled", filter: {}, destination: { bucket: `arn:aws:s3:::${bucketName("replica")}` } }],
                    },
                    propertyDependencies: { bucket: ["source"], rules: ["replica"] },
                },
            ],
        },
        violations: [
            { policy: REPLICATION, resource: "source-replication" },
            { policy: REGION, resource: "replica" },
        ],
    },
    {
        ...base,
        id: "aws-data-region-bucketv2-inline-replication",
        kind: "evasion",
        title: "BucketV2's list-shaped inline `replicationConfigurations[].rules[].destinations[]` to a bucket outside the stack",
        stack: {
            resources: [
                bucket(
                    "source",
                    {
                        replicationConfigurations: [
                            { role: `arn:aws:iam::${ACCOUNT}:role/replication`, rules: [{ id: "all", status: "Enabled", destinations: [{ bucket: "arn:aws:s3:::dr-copy-in-virginia" }] }] },
                        ],
                    },
                    T.bucketV2,
                ),
            ],
        },
        violations: [{ policy: REPLICATION, resource: "source" }],
        found:
            "BucketV2 writes replication inline as `replicationConfigurations[].rules[].destinations[]` (lists), but the " +
            "replication-region policy only read Bucket's `replicationConfiguration.rules[].destination`: a BucketV2 could " +
            "replicate anywhere. The policy now reads both shapes.",
    },

    // ---- legitimate
    {
        ...base,
        id: "aws-data-region-legit-iam-in-us-east-1",
        kind: "legitimate",
        title: "IAM role and CloudFront distribution through a us-east-1 provider (global services)",
        stack: {
            providers: [VIRGINIA],
            resources: [
                { ...role("admin", doc(trustAccount(MFA))), provider: "virginia" },
                { type: T.cloudfront, name: "cdn", inputs: { enabled: true }, provider: "virginia" },
                { type: T.accountPublicAccessBlock, name: "account", inputs: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, provider: "virginia" },
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-data-region-legit-spellings",
        kind: "legitimate",
        title: "allowed regions in any spelling: provider `AP-NORTHEAST-1`, resource ` ap-northeast-3 ` over a us-east-1 provider",
        stack: {
            defaultRegion: "AP-NORTHEAST-1",
            providers: [VIRGINIA],
            resources: [
                { type: T.sqs, name: "jobs", inputs: {} },
                { ...bucket("osaka", { region: " ap-northeast-3 " }), provider: "virginia" },
                { type: T.dynamodb, name: "orders", inputs: { hashKey: "id", attributes: [{ name: "id", type: "S" }], replicas: [{ regionName: "AP-NORTHEAST-3" }] } },
            ],
        },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "aws-data-region-legit-replication-to-osaka",
        kind: "legitimate",
        title: "replication (BucketV2 inline and a separate configuration) to a stack bucket in Osaka",
        stack: {
            resources: [
                bucket("replica", { region: "ap-northeast-3" }),
                bucket(
                    "source",
                    { replicationConfigurations: [{ role: `arn:aws:iam::${ACCOUNT}:role/replication`, rules: [{ id: "all", status: "Enabled", destinations: [{ bucket: `arn:aws:s3:::${bucketName("replica")}` }] }] }] },
                    T.bucketV2,
                ),
                {
                    type: T.replication,
                    name: "source-replication",
                    inputs: { bucket: bucketName("source"), role: `arn:aws:iam::${ACCOUNT}:role/replication`, rules: [{ id: "all", status: "Enabled", destination: { bucket: bucketName("replica") } }] },
                    propertyDependencies: { bucket: ["source"], rules: ["replica"] },
                },
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-data-region-legit-cloudfront-us-east-1-pieces",
        kind: "legitimate",
        title: "CloudFront's us-east-1 pieces: an ACM certificate, its validation, a CLOUDFRONT-scope web ACL (scope in lower case)",
        stack: {
            providers: [VIRGINIA],
            resources: [
                { type: "aws:acm/certificate:Certificate", name: "site", inputs: { domainName: "www.example.com", validationMethod: "DNS" }, provider: "virginia" },
                { type: "aws:acm/certificateValidation:CertificateValidation", name: "site-validation", inputs: { certificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/1" }, provider: "virginia" },
                { type: "aws:wafv2/webAcl:WebAcl", name: "site-waf", inputs: { scope: "cloudfront", defaultAction: { allow: {} } }, provider: "virginia" },
            ],
        },
        silent: [REGION],
        decision:
            "A certificate holds no customer data and a validation creates nothing; a CLOUDFRONT-scope WAF object is " +
            "CloudFront's (global) — `globalServiceExceptions` (default: acm-certificates, cloudfront-waf) turns the first and last off (issue 11).",
    },
    {
        ...base,
        id: "aws-data-region-legit-components-without-region",
        kind: "legitimate",
        title: "the on* helpers' components (EventRuleEventSubscription, LogGroupEventSubscription) in a stack with no region",
        stack: {
            defaultRegion: null,
            resources: [
                { type: "aws:cloudwatch:EventRuleEventSubscription", name: "nightly", inputs: {} },
                { type: "aws:cloudwatch:LogGroupEventSubscription", name: "errors", inputs: {} },
            ],
        },
        silent: [REGION],
        decision: "Components create nothing and have no region: only custom resources (`aws:<module>/<file>:<Type>`) are checked (issue 11).",
    },
    {
        ...base,
        id: "aws-data-region-regional-waf-in-us-east-1",
        kind: "evasion",
        title: "a REGIONAL-scope web ACL through a us-east-1 provider (only CLOUDFRONT scope is CloudFront's)",
        stack: { providers: [VIRGINIA], resources: [{ type: "aws:wafv2/webAcl:WebAcl", name: "api", inputs: { scope: "REGIONAL", defaultAction: { allow: {} } }, provider: "virginia" }] },
        violations: [{ policy: REGION, resource: "api" }],
    },
    {
        ...base,
        id: "aws-data-region-lambda-in-us-east-1-not-edge",
        kind: "evasion",
        title: "a Lambda function in us-east-1 that publishes versions, like a Lambda@Edge function, but is not listed in `edgeFunctions`",
        stack: { providers: [VIRGINIA], resources: [{ type: "aws:lambda/function:Function", name: "api", inputs: { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::111122223333:role/api", publish: true }, provider: "virginia" }] },
        violations: [{ policy: REGION, resource: "api" }],
    },
];
