// AWS public-access: public ACLs, public bucket/access-point policies, Block Public Access, publicly accessible
// databases — written every other way a program, an old state or a hand-edited export can write them.

import { encryptedSecret, type EvasionCase, policyJson } from "../model";
import {
    ACCOUNT,
    ALL_FOUR,
    ORG_ID,
    T,
    VPCE,
    allow,
    blockedBucket,
    bucket,
    bucketName,
    bucketPolicy,
    doc,
    objectArn,
    publicAccessBlock,
} from "./aws-fixtures";

const ACL = "aws-s3-bucket-disallow-public-acl";
const POLICY = "aws-s3-bucket-policy-disallow-public-access";
const BLOCK = "aws-s3-bucket-require-public-access-block";
const DECLARE = "aws-s3-bucket-configure-public-access-block";
const ACCOUNT_BLOCK = "aws-s3-account-public-access-block-enable-all-settings";
const OBJECT_ACL = "aws-s3-object-disallow-public-acl";
const ACCESS_POINT = "aws-s3-access-point-disallow-public-access";
const RDS = "aws-rds-instance-disallow-public-access";
const REDSHIFT = "aws-redshift-cluster-disallow-public-access";
const WORKGROUP = "aws-redshiftserverless-workgroup-disallow-public-access";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const base = { cloud: "aws", control: "public-access" } as const;

export const cases: readonly EvasionCase[] = [
    // ---- ACLs: inline on the (deprecated) bucket, on a separate BucketAcl, on objects
    {
        ...base,
        id: "aws-public-access-bucketv2-inline-canned-acl",
        kind: "evasion",
        title: "public-read canned ACL inline on a BucketV2 (deprecated alias token)",
        stack: { resources: blockedBucket("site", { acl: "public-read" }, T.bucketV2) },
        violations: [{ policy: ACL, resource: "site" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-public-access-bucket-acl-v2-resource",
        kind: "evasion",
        title: "public-read-write on a separate BucketAclV2 resource (alias token), not on the bucket",
        stack: {
            resources: [
                ...blockedBucket("uploads"),
                { type: T.bucketAclV2, name: "uploads-acl", inputs: { bucket: bucketName("uploads"), acl: "public-read-write" }, propertyDependencies: { bucket: ["uploads"] } },
            ],
        },
        violations: [{ policy: ACL, resource: "uploads-acl" }],
    },
    {
        ...base,
        id: "aws-public-access-bucket-acl-grant-uri-case",
        kind: "evasion",
        title: "BucketAcl grant to the AllUsers group, URI in upper case and without the scheme's usual spelling",
        stack: {
            resources: [
                ...blockedBucket("reports"),
                {
                    type: T.bucketAcl,
                    name: "reports-acl",
                    inputs: {
                        bucket: bucketName("reports"),
                        accessControlPolicy: {
                            owner: { id: "owner-canonical-id" },
                            grants: [
                                { grantee: { type: "CanonicalUser", id: "owner-canonical-id" }, permission: "FULL_CONTROL" },
                                { grantee: { type: "Group", uri: "HTTPS://ACS.AMAZONAWS.COM/groups/global/AllUsers/" }, permission: "READ" },
                            ],
                        },
                    },
                    propertyDependencies: { bucket: ["reports"] },
                },
            ],
        },
        violations: [{ policy: ACL, resource: "reports-acl" }],
    },
    {
        ...base,
        id: "aws-public-access-bucket-inline-grant-authenticated-users",
        kind: "evasion",
        title: "deprecated inline `grants` on the bucket to AuthenticatedUsers (every AWS account)",
        stack: {
            resources: blockedBucket("shared", {
                grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", permissions: ["READ"] }],
            }),
        },
        violations: [{ policy: ACL, resource: "shared" }],
    },
    {
        ...base,
        id: "aws-public-access-object-v2-canned-acl",
        kind: "evasion",
        title: "public-read object uploaded as BucketObjectv2 (alias token)",
        stack: {
            resources: [
                ...blockedBucket("assets"),
                { type: T.objectV2, name: "logo", inputs: { bucket: bucketName("assets"), key: "logo.png", acl: "public-read" }, propertyDependencies: { bucket: ["assets"] } },
            ],
        },
        violations: [{ policy: OBJECT_ACL, resource: "logo" }],
    },
    {
        ...base,
        id: "aws-public-access-object-legacy-alias-token",
        kind: "evasion",
        title: "public-read object under `aws:s3/BucketObject:BucketObject`, the old token BucketObjectv2 declares as its alias",
        stack: {
            resources: [
                ...blockedBucket("assets"),
                { type: T.objectLegacy, name: "banner", inputs: { bucket: bucketName("assets"), key: "banner.png", acl: "public-read" } },
            ],
        },
        violations: [{ policy: OBJECT_ACL, resource: "banner" }],
        found:
            "`aws:s3/BucketObject:BucketObject` (declared by @pulumi/aws as an alias of BucketObjectv2, so old states and exports " +
            "hold it) was not folded onto `aws:s3/bucketObject:BucketObject`: the object-ACL policy never saw it. Added to the " +
            "AWS aliases in core/tokens.ts.",
    },
    {
        ...base,
        id: "aws-public-access-object-copy-grant",
        kind: "evasion",
        title: "ObjectCopy granting READ to the AllUsers group through `grants` instead of a canned ACL",
        stack: {
            resources: [
                ...blockedBucket("assets"),
                {
                    type: T.objectCopy,
                    name: "copy",
                    inputs: { bucket: bucketName("assets"), key: "copy.png", source: "other-bucket/src.png", grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }] },
                },
            ],
        },
        violations: [{ policy: OBJECT_ACL, resource: "copy" }],
    },

    // ---- bucket policies: string vs object, single vs array, NotPrincipal, several Allows, weak conditions, case
    {
        ...base,
        id: "aws-public-access-policy-string-principal-star",
        kind: "evasion",
        title: "bucket policy as a JSON string, `Principal: \"*\"`, Statement as a single object",
        stack: {
            resources: [...blockedBucket("web"), bucketPolicy("web-policy", "web", policyJson({ Version: "2012-10-17", Statement: allow("web", { Principal: "*" }) }))],
        },
        violations: [{ policy: POLICY, resource: "web-policy" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-public-access-policy-object-aws-star-array",
        kind: "evasion",
        title: "bucket policy as an object, `Principal: {AWS: [\"*\"]}`, `Action: [\"s3:*\"]`",
        stack: { resources: [...blockedBucket("web"), bucketPolicy("web-policy", "web", doc(allow("web", { Principal: { AWS: ["*"] }, Action: ["s3:*"] })))] },
        violations: [{ policy: POLICY, resource: "web-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-notprincipal",
        kind: "evasion",
        title: "Allow with `NotPrincipal` (everyone except one account)",
        stack: { resources: [...blockedBucket("web"), bucketPolicy("web-policy", "web", doc(allow("web", { NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })))] },
        violations: [{ policy: POLICY, resource: "web-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-second-allow-unguarded",
        kind: "evasion",
        title: "two Allow statements, only the first restricted to a VPC endpoint",
        stack: {
            resources: [
                ...blockedBucket("data"),
                bucketPolicy(
                    "data-policy",
                    "data",
                    doc(
                        allow("data", { Principal: "*", Condition: { StringEquals: { "aws:SourceVpce": VPCE } } }),
                        allow("data", { Principal: "*", Action: "s3:ListBucket", Resource: `arn:aws:s3:::${bucketName("data")}` }),
                    ),
                ),
            ],
        },
        violations: [{ policy: POLICY, resource: "data-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-lower-case-keys",
        kind: "evasion",
        title: "statement keys and effect in lower case (`effect: \"allow\"`, `principal`, `action`)",
        stack: {
            resources: [
                ...blockedBucket("web"),
                bucketPolicy("web-policy", "web", policyJson({ version: "2012-10-17", statement: [{ effect: "allow", principal: "*", action: "s3:GetObject", resource: objectArn("web") }] })),
            ],
        },
        violations: [{ policy: POLICY, resource: "web-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-wildcard-vpce",
        kind: "evasion",
        title: "`StringLike aws:SourceVpce vpce-*`: a restricting key with a wildcard value restricts nothing",
        stack: { resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { StringLike: { "aws:SourceVpce": "vpce-*" } } })))] },
        violations: [{ policy: POLICY, resource: "data-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-ifexists-vpce",
        kind: "evasion",
        title: "`StringEqualsIfExists aws:SourceVpce`: passes every request that does not come through an endpoint",
        stack: { resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { StringEqualsIfExists: { "aws:SourceVpce": VPCE } } })))] },
        violations: [{ policy: POLICY, resource: "data-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-forallvalues-orgid",
        kind: "evasion",
        title: "`ForAllValues:StringEquals aws:PrincipalOrgID`: true when the key is absent (anonymous callers)",
        stack: {
            resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": [ORG_ID] } } })))],
        },
        violations: [{ policy: POLICY, resource: "data-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-source-ip-halves",
        kind: "evasion",
        title: "`IpAddress aws:SourceIp [0.0.0.0/1, 128.0.0.0/1]`: the whole internet, split so that no range is a /0",
        stack: {
            resources: [
                ...blockedBucket("data"),
                bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } } }))),
            ],
        },
        violations: [{ policy: POLICY, resource: "data-policy" }],
        found:
            "Only a `/0` range counted as open, so `0.0.0.0/1` + `128.0.0.0/1` (every IPv4 address) passed as \"restricted to an " +
            "IP range\". core/cidr.ts now judges whether a range is bounded (IPv4 at most a /8, IPv6 at most a /32) and " +
            "core/iam.ts (aws:SourceIp) and core/azure.ts (firewall IP rules) use it.",
    },
    {
        ...base,
        id: "aws-public-access-policy-not-ip-address",
        kind: "evasion",
        title: "`NotIpAddress aws:SourceIp`: everyone except one range",
        stack: { resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })))] },
        violations: [{ policy: POLICY, resource: "data-policy" }],
    },
    {
        ...base,
        id: "aws-public-access-policy-for-any-value-orgid",
        kind: "evasion",
        title: "`ForAnyValue:StringEquals aws:PrincipalOrgID`: a set operator on a single-valued key",
        stack: {
            resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": ORG_ID } } })))],
        },
        violations: [{ policy: POLICY, resource: "data-policy" }],
        decision:
            "Set operators (`ForAnyValue:` / `ForAllValues:`) never count as restricting: with a single-valued key they are a " +
            "mistake the IAM User Guide warns about, and `ForAllValues:` passes a request without the key. Write `StringEquals`.",
    },
    {
        ...base,
        id: "aws-public-access-policy-allow-star-deny-outside-vpce",
        kind: "evasion",
        title: "Allow `Principal: \"*\"` paired with a Deny for requests outside a VPC endpoint",
        stack: {
            resources: [
                ...blockedBucket("data"),
                bucketPolicy(
                    "data-policy",
                    "data",
                    doc(allow("data", { Principal: "*" }), { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: objectArn("data"), Condition: { StringNotEquals: { "aws:SourceVpce": VPCE } } }),
                ),
            ],
        },
        violations: [{ policy: POLICY, resource: "data-policy" }],
        decision:
            "Each Allow statement must be non-public on its own, as S3 judges \"public\" (and as Block Public Access refuses " +
            "such a policy): put the aws:SourceVpce condition on the Allow statement itself.",
    },
    {
        ...base,
        id: "aws-public-access-bucketv2-inline-policy",
        kind: "evasion",
        title: "public policy inline on a BucketV2 (deprecated `policy` argument), no BucketPolicy resource",
        stack: { resources: blockedBucket("web", { policy: policyJson(doc(allow("web", { Principal: { AWS: "*" } }))) }, T.bucketV2) },
        violations: [{ policy: POLICY, resource: "web" }],
    },

    // ---- Block Public Access split across resources
    {
        ...base,
        id: "aws-public-access-block-one-setting-off",
        kind: "evasion",
        title: "a BucketPublicAccessBlock with `restrictPublicBuckets: false`",
        stack: { resources: [bucket("data"), publicAccessBlock("data-block", "data", { ...ALL_FOUR, restrictPublicBuckets: false })] },
        violations: [{ policy: BLOCK, resource: "data" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-public-access-block-setting-left-out",
        kind: "evasion",
        title: "a BucketPublicAccessBlock that leaves `ignorePublicAcls` out (a setting left out is false), flags as strings",
        stack: {
            resources: [bucket("data"), publicAccessBlock("data-block", "data", { blockPublicAcls: "true", blockPublicPolicy: "true", restrictPublicBuckets: "true" })],
        },
        violations: [{ policy: BLOCK, resource: "data" }],
    },
    {
        ...base,
        id: "aws-public-access-block-for-another-bucket",
        kind: "evasion",
        title: "the stack's only BucketPublicAccessBlock names another bucket (by literal name)",
        stack: {
            resources: [
                bucket("data"),
                bucket("logs"),
                { type: T.publicAccessBlock, name: "logs-block", inputs: { bucket: bucketName("logs"), ...ALL_FOUR } },
            ],
        },
        violations: [{ policy: DECLARE, resource: "data", level: "advisory" }],
        silent: [BLOCK],
        decision:
            "A bucket that no block covers has S3's default Block Public Access (all four on for every new bucket since " +
            "April 2023): the mandatory policy passes it, the advisory one asks to declare the block (issue 11).",
    },
    {
        ...base,
        id: "aws-public-access-block-all-off-for-another-bucket",
        kind: "evasion",
        title: "a block that turns everything off, joined by property dependency to the bucket beside the one its literal name says",
        stack: {
            resources: [
                bucket("data"),
                bucket("logs"),
                { type: T.publicAccessBlock, name: "data-block", inputs: { bucket: bucketName("data") }, propertyDependencies: { bucket: ["data"] } },
            ],
        },
        violations: [{ policy: BLOCK, resource: "data" }],
    },
    {
        ...base,
        id: "aws-public-access-account-block-partial",
        kind: "evasion",
        title: "an AccountPublicAccessBlock with `blockPublicPolicy: false` as the buckets' only protection",
        stack: {
            resources: [
                bucket("data"),
                { type: T.accountPublicAccessBlock, name: "account", inputs: { ...ALL_FOUR, blockPublicPolicy: false } },
            ],
        },
        violations: [
            { policy: ACCOUNT_BLOCK, resource: "account" },
            { policy: DECLARE, resource: "data", level: "advisory" },
        ],
        silent: [BLOCK],
        decision:
            "S3 applies the most restrictive of the bucket and account settings: a bucket without a block of its own keeps " +
            "S3's default (all four on), so an account-level setting turned off fails the account block's policy, not the bucket.",
    },

    // ---- access points
    {
        ...base,
        id: "aws-public-access-access-point-block-off-string",
        kind: "evasion",
        title: "access point with `publicAccessBlockConfiguration.blockPublicPolicy: \"false\"` (string)",
        stack: {
            resources: [
                ...blockedBucket("data"),
                {
                    type: T.accessPoint,
                    name: "ap",
                    inputs: { bucket: bucketName("data"), name: "ap", publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: "false", ignorePublicAcls: true, restrictPublicBuckets: true } },
                },
            ],
        },
        violations: [{ policy: ACCESS_POINT, resource: "ap" }],
    },
    {
        ...base,
        id: "aws-public-access-access-point-policy-public",
        kind: "evasion",
        title: "a separate AccessPointPolicy allowing `{AWS: \"*\"}` as an object",
        stack: {
            resources: [
                {
                    type: T.accessPointPolicy,
                    name: "ap-policy",
                    inputs: {
                        accessPointArn: `arn:aws:s3:ap-northeast-1:${ACCOUNT}:accesspoint/ap`,
                        policy: policyJson(doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: `arn:aws:s3:ap-northeast-1:${ACCOUNT}:accesspoint/ap/object/*` })),
                    },
                },
            ],
        },
        violations: [{ policy: ACCESS_POINT, resource: "ap-policy" }],
    },

    {
        ...base,
        id: "aws-public-access-access-point-inline-policy-mixed-principals",
        kind: "evasion",
        title: "access point with an inline `policy` whose Principal lists a named account and `*`",
        stack: {
            resources: [
                ...blockedBucket("data"),
                {
                    type: T.accessPoint,
                    name: "ap",
                    inputs: {
                        bucket: bucketName("data"),
                        name: "ap",
                        policy: policyJson(doc({ Effect: "Allow", Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] }, Action: "s3:GetObject", Resource: `arn:aws:s3:ap-northeast-1:${ACCOUNT}:accesspoint/ap/object/*` })),
                    },
                },
            ],
        },
        violations: [{ policy: ACCESS_POINT, resource: "ap" }],
    },

    {
        ...base,
        id: "aws-public-access-multi-region-access-point-block-off",
        kind: "evasion",
        title: "Multi-Region Access Point whose `details.publicAccessBlock.restrictPublicBuckets` is false",
        stack: {
            resources: [
                ...blockedBucket("data"),
                {
                    type: "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
                    name: "global-ap",
                    inputs: { details: { name: "global-ap", publicAccessBlock: { ...ALL_FOUR, restrictPublicBuckets: false }, regions: [{ bucket: bucketName("data") }] } },
                },
            ],
        },
        violations: [{ policy: ACCESS_POINT, resource: "global-ap" }],
    },

    // ---- databases
    {
        ...base,
        id: "aws-public-access-rds-publicly-accessible-string",
        kind: "evasion",
        title: "RDS instance with `publiclyAccessible: \"true\"` (string)",
        stack: { resources: [{ type: T.rdsInstance, name: "db", inputs: { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true, publiclyAccessible: "true" } }] },
        violations: [{ policy: RDS, resource: "db" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-public-access-rds-cluster-instance",
        kind: "evasion",
        title: "Aurora ClusterInstance made public (the flag lives on the instance, not the cluster)",
        stack: { resources: [{ type: T.rdsClusterInstance, name: "writer", inputs: { clusterIdentifier: "aurora", engine: "aurora-postgresql", instanceClass: "db.r6g.large", publiclyAccessible: true } }] },
        violations: [{ policy: RDS, resource: "writer" }],
    },
    {
        ...base,
        id: "aws-public-access-redshift-publicly-accessible",
        kind: "evasion",
        title: "Redshift cluster with `publiclyAccessible: true`",
        stack: { resources: [{ type: T.redshift, name: "warehouse", inputs: { clusterIdentifier: "warehouse", nodeType: "ra3.large", publiclyAccessible: true } }] },
        violations: [{ policy: REDSHIFT, resource: "warehouse" }],
    },
    {
        ...base,
        id: "aws-public-access-redshift-serverless-string",
        kind: "evasion",
        title: "Redshift Serverless workgroup with `publiclyAccessible: \"TRUE\"`",
        stack: { resources: [{ type: "aws:redshiftserverless/workgroup:Workgroup", name: "analytics", inputs: { namespaceName: "analytics", workgroupName: "analytics", publiclyAccessible: "TRUE" } }] },
        violations: [{ policy: WORKGROUP, resource: "analytics" }],
    },
    {
        ...base,
        id: "aws-public-access-rds-flag-as-encrypted-secret",
        kind: "evasion",
        title: "`publiclyAccessible` wrapped in a secret, exported without --show-secrets",
        stack: { resources: [{ type: T.rdsInstance, name: "db", inputs: { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true, publiclyAccessible: encryptedSecret() } }] },
        violations: [{ policy: RDS, resource: "db", level: "advisory" }],
        decision:
            "An encrypted secret cannot be read offline: the gate hands it to the pack as unknown, and the SDK reports the " +
            "advisory \"can't run during preview\" naming the property (docs/gate.md). It does not pass silently; export with " +
            "--show-secrets, or run the real `pulumi preview`, to get the mandatory verdict.",
    },

    // ---- legitimate configurations that look alarming
    {
        ...base,
        id: "aws-public-access-legit-service-principal",
        kind: "legitimate",
        title: "bucket policy for the CloudTrail service principal, pinned with aws:SourceArn",
        stack: {
            resources: [
                ...blockedBucket("trail-logs"),
                bucketPolicy(
                    "trail-logs-policy",
                    "trail-logs",
                    doc(
                        { Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: `arn:aws:s3:::${bucketName("trail-logs")}` },
                        allow("trail-logs", {
                            Principal: { Service: "cloudtrail.amazonaws.com" },
                            Action: "s3:PutObject",
                            Condition: { StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/main`, "s3:x-amz-acl": "bucket-owner-full-control" } },
                        }),
                    ),
                ),
            ],
        },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "aws-public-access-legit-organization",
        kind: "legitimate",
        title: "`Principal: \"*\"` restricted to the organization (`aws:PrincipalOrgID`)",
        stack: { resources: [...blockedBucket("shared"), bucketPolicy("shared-policy", "shared", doc(allow("shared", { Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": ORG_ID } } })))] },
        silent: "control",
    },
    {
        ...base,
        id: "aws-public-access-legit-vpc-endpoint",
        kind: "legitimate",
        title: "`Principal: {AWS: \"*\"}` restricted to one VPC endpoint, condition key in odd case",
        stack: { resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: { AWS: "*" }, Condition: { stringequals: { "AWS:SOURCEVPCE": VPCE } } })))] },
        silent: "control",
    },
    {
        ...base,
        id: "aws-public-access-legit-deny-star",
        kind: "legitimate",
        title: "Deny statement with `Principal: \"*\"` (refuse plain HTTP)",
        stack: {
            resources: [
                ...blockedBucket("data"),
                bucketPolicy(
                    "data-policy",
                    "data",
                    doc({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${bucketName("data")}`, objectArn("data")], Condition: { Bool: { "aws:SecureTransport": "false" } } }),
                ),
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-public-access-legit-office-range",
        kind: "legitimate",
        title: "`Principal: \"*\"` restricted to an office /24 (`IpAddress aws:SourceIp`)",
        stack: { resources: [...blockedBucket("data"), bucketPolicy("data-policy", "data", doc(allow("data", { Principal: "*", Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/48"] } } })))] },
        silent: "control",
    },
    {
        ...base,
        id: "aws-public-access-legit-account-level-block",
        kind: "legitimate",
        title: "no bucket-level block: the account-level AccountPublicAccessBlock (all four on) covers every bucket",
        stack: {
            resources: [bucket("data"), bucket("logs", {}, T.bucketV2), { type: T.accountPublicAccessBlock, name: "account", inputs: { ...ALL_FOUR, accountId: ACCOUNT } }],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-public-access-legit-log-delivery-acl",
        kind: "legitimate",
        title: "`log-delivery-write` canned ACL (grants the LogDelivery group, which is not public)",
        stack: { resources: blockedBucket("access-logs", { acl: "log-delivery-write" }) },
        silent: "control",
    },
    // ---- resource policies and sharing beyond S3 (issue 13): one analyser, every service
    {
        ...base,
        id: "aws-public-access-sqs-queue-inline-policy-object",
        kind: "evasion",
        title: "an SQS queue's inline `policy` as an object (not a string) with `Principal: {AWS: [\"*\"]}`",
        stack: { resources: [{ type: "aws:sqs/queue:Queue", name: "jobs", inputs: { policy: doc({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sqs:SendMessage", Resource: "*" }) } }] },
        violations: [{ policy: "aws-sqs-queue-policy-disallow-public-access", resource: "jobs" }],
    },
    {
        ...base,
        id: "aws-public-access-sns-topic-source-owner-wildcard",
        kind: "evasion",
        title: "an SNS topic policy pinned by `StringLike aws:SourceOwner *` (a wildcard restricts nothing)",
        stack: {
            resources: [
                {
                    type: "aws:sns/topicPolicy:TopicPolicy",
                    name: "alerts",
                    inputs: { arn: "arn:aws:sns:ap-northeast-1:111122223333:alerts", policy: policyJson(doc({ Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*", Condition: { StringLike: { "aws:SourceOwner": "*" } } })) },
                },
            ],
        },
        violations: [{ policy: "aws-sns-topic-policy-disallow-public-access", resource: "alerts" }],
    },
    {
        ...base,
        id: "aws-public-access-sqs-s3-service-without-source",
        kind: "evasion",
        title: "a queue policy that lets `s3.amazonaws.com` send with no source condition (any account's bucket can)",
        stack: {
            resources: [
                {
                    type: "aws:sqs/queuePolicy:QueuePolicy",
                    name: "events",
                    inputs: { queueUrl: "https://sqs.ap-northeast-1.amazonaws.com/111122223333/events", policy: policyJson(doc({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" })) },
                },
            ],
        },
        violations: [{ policy: "aws-sqs-queue-policy-disallow-public-access", resource: "events" }],
    },
    {
        ...base,
        id: "aws-public-access-kms-key-notprincipal",
        kind: "evasion",
        title: "a KMS key policy that allows everyone but one account (NotPrincipal)",
        stack: { resources: [{ type: "aws:kms/key:Key", name: "data", inputs: { policy: policyJson(doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "kms:Decrypt", Resource: "*" })) } }] },
        violations: [{ policy: "aws-kms-key-policy-disallow-public-access", resource: "data" }],
    },
    {
        ...base,
        id: "aws-public-access-secret-policy-ip-halves",
        kind: "evasion",
        title: "a secret policy for `*` \"restricted\" to 0.0.0.0/1 and 128.0.0.0/1 (the whole internet)",
        stack: {
            resources: [
                {
                    type: "aws:secretsmanager/secretPolicy:SecretPolicy",
                    name: "db",
                    inputs: {
                        secretArn: "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db",
                        policy: policyJson(doc({ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } } })),
                    },
                },
            ],
        },
        violations: [{ policy: "aws-secretsmanager-secret-policy-disallow-public-access", resource: "db" }],
    },
    {
        ...base,
        id: "aws-public-access-ecr-registry-policy",
        kind: "evasion",
        title: "a registry-wide ECR policy (RegistryPolicy, not RepositoryPolicy) open to `*`",
        stack: { resources: [{ type: "aws:ecr/registryPolicy:RegistryPolicy", name: "registry", inputs: { policy: policyJson(doc({ Effect: "Allow", Principal: "*", Action: ["ecr:ReplicateImage"], Resource: "*" })) } }] },
        violations: [{ policy: "aws-ecr-repository-policy-disallow-public-access", resource: "registry" }],
    },
    {
        ...base,
        id: "aws-public-access-efs-mount-target-only",
        kind: "evasion",
        title: "an EFS policy for `*` whose only condition is AccessedViaMountTarget",
        stack: {
            resources: [
                {
                    type: "aws:efs/fileSystemPolicy:FileSystemPolicy",
                    name: "shared",
                    inputs: { fileSystemId: "fs-0123456789abcdef0", policy: policyJson(doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "elasticfilesystem:ClientMount", Resource: "*", Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } } })) },
                },
            ],
        },
        violations: [{ policy: "aws-efs-file-system-policy-disallow-public-access", resource: "shared" }],
    },
    {
        ...base,
        id: "aws-public-access-dynamodb-policy-variable",
        kind: "evasion",
        title: "a DynamoDB resource policy for `*` \"pinned\" by a policy variable (`aws:PrincipalAccount = ${aws:PrincipalAccount}`)",
        stack: {
            resources: [
                {
                    type: "aws:dynamodb/resourcePolicy:ResourcePolicy",
                    name: "orders",
                    inputs: {
                        resourceArn: "arn:aws:dynamodb:ap-northeast-1:111122223333:table/orders",
                        policy: policyJson(doc({ Effect: "Allow", Principal: "*", Action: "dynamodb:GetItem", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "${aws:PrincipalAccount}" } } })),
                    },
                },
            ],
        },
        violations: [{ policy: "aws-dynamodb-resource-policy-disallow-public-access", resource: "orders" }],
    },
    {
        ...base,
        id: "aws-public-access-elasticsearch-inline-access-policy",
        kind: "evasion",
        title: "a legacy Elasticsearch domain whose inline `accessPolicies` object allows `*`",
        stack: { resources: [{ type: "aws:elasticsearch/domain:Domain", name: "search", inputs: { accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "*" }) } }] },
        violations: [{ policy: "aws-opensearch-domain-policy-disallow-public-access", resource: "search" }],
    },
    {
        ...base,
        id: "aws-public-access-lambda-s3-without-account",
        kind: "evasion",
        title: "a Lambda permission for S3 pinned by bucket ARN only (bucket ARNs name no account)",
        stack: { resources: [{ type: "aws:lambda/permission:Permission", name: "thumbnails", inputs: { action: "lambda:InvokeFunction", function: "thumbnails", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" } }] },
        violations: [{ policy: "aws-lambda-function-disallow-public-access", resource: "thumbnails" }],
    },
    {
        ...base,
        id: "aws-public-access-lambda-url-none-lower-case",
        kind: "evasion",
        title: "a function URL with `authorizationType: \"none\"` in lower case",
        stack: { resources: [{ type: "aws:lambda/functionUrl:FunctionUrl", name: "hook", inputs: { functionName: "hook", authorizationType: "none" } }] },
        violations: [{ policy: "aws-lambda-function-disallow-public-access", resource: "hook" }],
    },
    {
        ...base,
        id: "aws-public-access-layer-everyone",
        kind: "evasion",
        title: "a layer version permission for ` * ` (spaces) without an organisation",
        stack: { resources: [{ type: "aws:lambda/layerVersionPermission:LayerVersionPermission", name: "layer", inputs: { layerName: "shared", versionNumber: 1, action: "lambda:GetLayerVersion", principal: " * ", statementId: "all" } }] },
        violations: [{ policy: "aws-lambda-layer-version-disallow-public-access", resource: "layer" }],
    },
    {
        ...base,
        id: "aws-public-access-ebs-block-new-sharing-only",
        kind: "evasion",
        title: "EBS snapshot block public access at `block-new-sharing` (snapshots already public stay public)",
        stack: { resources: [{ type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", name: "ebs", inputs: { state: "block-new-sharing" } }] },
        violations: [{ policy: "aws-ebs-snapshot-disallow-public-sharing", resource: "ebs" }],
    },
    {
        ...base,
        id: "aws-public-access-rds-cluster-snapshot-all-upper",
        kind: "evasion",
        title: "an RDS cluster snapshot shared with `ALL` (upper case) beside a named account",
        stack: { resources: [{ type: "aws:rds/clusterSnapshot:ClusterSnapshot", name: "final", inputs: { dbClusterIdentifier: "app", dbClusterSnapshotIdentifier: "final", sharedAccounts: ["444455556666", "ALL"] } }] },
        violations: [{ policy: "aws-rds-snapshot-disallow-public-sharing", resource: "final" }],
    },
    {
        ...base,
        id: "aws-public-access-dms-unset",
        kind: "evasion",
        title: "a DMS replication instance that leaves `publiclyAccessible` out (the API default is public)",
        stack: { resources: [{ type: "aws:dms/replicationInstance:ReplicationInstance", name: "migrate", inputs: { replicationInstanceClass: "dms.t3.micro", replicationInstanceId: "migrate" } }] },
        violations: [{ policy: "aws-dms-replication-instance-disallow-public-access", resource: "migrate" }],
    },
    {
        ...base,
        id: "aws-public-access-msk-eips",
        kind: "evasion",
        title: "an MSK cluster with public broker addresses (`SERVICE_PROVIDED_EIPS`)",
        stack: {
            resources: [
                {
                    type: "aws:msk/cluster:Cluster",
                    name: "events",
                    inputs: { clusterName: "events", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a"], connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } } } },
                },
            ],
        },
        violations: [{ policy: "aws-msk-cluster-disallow-public-access", resource: "events" }],
    },
    {
        ...base,
        id: "aws-public-access-emr-block-off-string",
        kind: "evasion",
        title: "EMR block public access turned off with the string \"false\"",
        stack: { resources: [{ type: "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration", name: "emr", inputs: { blockPublicSecurityGroupRules: "false" } }] },
        violations: [{ policy: "aws-emr-block-public-access-configuration-enable", resource: "emr" }],
    },
    {
        ...base,
        id: "aws-public-access-ssm-document-all-in-list",
        kind: "evasion",
        title: "an SSM document shared with `all` inside a comma-separated account list",
        stack: { resources: [{ type: "aws:ssm/document:Document", name: "runbook", inputs: { documentType: "Command", content: "{}", permissions: { type: "Share", account_ids: "444455556666, all" } } }] },
        violations: [{ policy: "aws-ssm-document-disallow-public-sharing", resource: "runbook" }],
    },
    {
        ...base,
        id: "aws-public-access-legit-service-resource-policies",
        kind: "legitimate",
        title: "resource policies for services pinned to the stack's own topic, bucket and account; a default KMS key; a private DMS instance",
        stack: {
            resources: [
                {
                    type: "aws:sqs/queuePolicy:QueuePolicy",
                    name: "fanout",
                    inputs: { queueUrl: "https://sqs.ap-northeast-1.amazonaws.com/111122223333/fanout", policy: policyJson(doc({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:ap-northeast-1:111122223333:orders" } } })) },
                },
                {
                    type: "aws:sns/topicPolicy:TopicPolicy",
                    name: "uploads",
                    inputs: {
                        arn: "arn:aws:sns:ap-northeast-1:111122223333:uploads",
                        policy: policyJson(doc({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sns:Publish", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } })),
                    },
                },
                { type: "aws:kms/key:Key", name: "data", inputs: { enableKeyRotation: true } },
                { type: "aws:dms/replicationInstance:ReplicationInstance", name: "migrate", inputs: { replicationInstanceClass: "dms.t3.micro", replicationInstanceId: "migrate", publiclyAccessible: false } },
                { type: "aws:lambda/permission:Permission", name: "api", inputs: { action: "lambda:InvokeFunction", function: "api", principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:ap-northeast-1:111122223333:abc/*" } },
            ],
        },
        silent: "control",
    },
];
