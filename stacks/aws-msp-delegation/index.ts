// srguard sample stack: a customer account (111111111111) delegating day-to-day operations to its managed service
// provider (222222222222), the customer's half done right. Zero diagnostics of any level with its policy-config.json.
// Its twin, ../aws-msp-delegation-violations, makes one realistic mistake per resource.
//
// - Who: the MSP's people come in through `msp-operations` (MFA no older than an hour, the ExternalId the customer
//   issued, a source identity naming the person), its automation through `msp-monitoring` (ExternalId only, tagged as
//   third-party automation). Both trust one named MSP role each, never the MSP's whole account.
// - What: view-only access plus a short runbook of write actions, under a permissions boundary that also denies
//   touching the audit trail. No administrator policy by any route.
// - How long: 1-hour sessions, so cutting the MSP off takes effect within the hour.
// - Proof: a multi-region CloudTrail with log file validation into a KMS-encrypted, private bucket that keeps the logs
//   400 days, and a CloudWatch log group (365 days, KMS) for alerting.
// - Emergencies: `msp-break-glass` exists only while `breakGlassEnabled` is true.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const accountId = config.require("accountId");
const mspAccountId = config.require("mspAccountId");
const externalId = config.require("mspExternalId");
const breakGlassEnabled = config.getBoolean("breakGlassEnabled") ?? false;
const region = "ap-northeast-1";

// Names written out, so that policy documents can name the resources without waiting for their ARNs.
const auditBucketName = `srguard-msp-audit-${accountId}`;
const auditBucketArn = `arn:aws:s3:::${auditBucketName}`;
const trailName = "msp-audit";
const trailArn = `arn:aws:cloudtrail:${region}:${accountId}:trail/${trailName}`;
const logGroupName = "/srguard/msp-audit";

// ---------------------------------------------------------------------------------------------------------------
// The audit trail

const auditKey = new aws.kms.Key("msp-audit", {
    description: "srguard sample: encrypts the MSP audit trail (S3 and CloudWatch Logs)",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
            {
                Sid: "CloudTrailEncrypts",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceArn": trailArn } },
            },
            {
                Sid: "CloudWatchLogsEncrypts",
                Effect: "Allow",
                Principal: { Service: `logs.${region}.amazonaws.com` },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}` } },
            },
        ],
    }),
});

// Its server access logs would go to a log-archive account's bucket, outside this stack (an advisory, CIS 3.4).
// violates: aws-cloudtrail-trail-bucket-enable-access-logging
const auditBucket = new aws.s3.Bucket("msp-audit", { bucket: auditBucketName });

new aws.s3.BucketServerSideEncryptionConfiguration("msp-audit", {
    bucket: auditBucket.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: auditKey.arn }, bucketKeyEnabled: true }],
});

new aws.s3.BucketPublicAccessBlock("msp-audit", {
    bucket: auditBucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});

new aws.s3.BucketOwnershipControls("msp-audit", {
    bucket: auditBucket.id,
    rule: { objectOwnership: "BucketOwnerEnforced" },
});

// MFA delete needs the root user's MFA device, which no pipeline holds (an advisory, CIS 2.1.2).
// violates: aws-s3-bucket-versioning-enable-mfa-delete
new aws.s3.BucketVersioning("msp-audit", {
    bucket: auditBucket.id,
    versioningConfiguration: { status: "Enabled" },
});

// Colder storage after 90 days; nothing (current or noncurrent) is deleted before 400 days.
new aws.s3.BucketLifecycleConfiguration("msp-audit", {
    bucket: auditBucket.id,
    rules: [
        {
            id: "keep-audit-logs",
            status: "Enabled",
            filter: { prefix: "AWSLogs/" },
            transitions: [{ days: 90, storageClass: "GLACIER" }],
            expiration: { days: 400 },
            noncurrentVersionExpiration: { noncurrentDays: 400 },
        },
    ],
});

// Only this trail may write, only over TLS.
const auditBucketPolicy = new aws.s3.BucketPolicy("msp-audit", {
    bucket: auditBucket.id,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: auditBucketArn,
                Condition: { StringEquals: { "aws:SourceArn": trailArn } },
            },
            {
                Sid: "CloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${auditBucketArn}/AWSLogs/${accountId}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
            },
            {
                Sid: "TlsOnly",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [auditBucketArn, `${auditBucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    }),
});

const auditLogGroup = new aws.cloudwatch.LogGroup("msp-audit", {
    name: logGroupName,
    retentionInDays: 365,
    kmsKeyId: auditKey.arn,
});

// CloudTrail's own role for delivering to CloudWatch Logs (a service role: not an MSP role).
const trailToLogs = new aws.iam.Role("msp-audit-to-logs", {
    name: "msp-audit-to-logs",
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceArn": trailArn } },
            },
        ],
    }),
});

new aws.iam.RolePolicy("msp-audit-to-logs", {
    role: trailToLogs.name,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}:log-stream:*`,
            },
        ],
    }),
});

// S3 object-level data events are left to the organisation trail (an advisory, CIS 3.8/3.9).
// violates: aws-cloudtrail-trail-enable-s3-data-events
new aws.cloudtrail.Trail(
    "msp-audit",
    {
        name: trailName,
        s3BucketName: auditBucket.id,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        kmsKeyId: auditKey.arn,
        cloudWatchLogsGroupArn: pulumi.interpolate`${auditLogGroup.arn}:*`,
        cloudWatchLogsRoleArn: trailToLogs.arn,
    },
    { dependsOn: [auditBucketPolicy] },
);

// ---------------------------------------------------------------------------------------------------------------
// What the MSP may ever do: the permissions boundary of every MSP role

/** Statements every MSP boundary carries: hands off the audit trail, its key and its bucket. */
const protectAudit = [
    {
        Sid: "KeepTheAuditTrail",
        Effect: "Deny",
        Action: [
            "cloudtrail:DeleteTrail",
            "cloudtrail:StopLogging",
            "cloudtrail:UpdateTrail",
            "cloudtrail:PutEventSelectors",
            "kms:DisableKey",
            "kms:ScheduleKeyDeletion",
            "kms:PutKeyPolicy",
            "logs:DeleteLogGroup",
            "logs:PutRetentionPolicy",
            "s3:DeleteObject*",
            "s3:PutBucketPolicy",
            "s3:PutLifecycleConfiguration",
        ],
        Resource: "*",
    },
];

const operationsBoundary = new aws.iam.Policy("msp-boundary", {
    name: "msp-boundary",
    path: "/msp/",
    description: "srguard sample: the most any MSP role may do in this account",
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ObserveAndRunbook",
                Effect: "Allow",
                Action: [
                    "cloudwatch:Describe*",
                    "cloudwatch:Get*",
                    "cloudwatch:List*",
                    "logs:Describe*",
                    "logs:Get*",
                    "logs:FilterLogEvents",
                    "logs:StartQuery",
                    "logs:GetQueryResults",
                    "ec2:Describe*",
                    "rds:Describe*",
                    "ssm:Describe*",
                    "ssm:Get*",
                    "ssm:List*",
                    "ssm:StartSession",
                    "ssm:ResumeSession",
                    "ssm:TerminateSession",
                    "ec2:RebootInstances",
                    "rds:RebootDBInstance",
                ],
                Resource: "*",
            },
            ...protectAudit,
        ],
    }),
});

// ---------------------------------------------------------------------------------------------------------------
// The MSP's people: operations

const operations = new aws.iam.Role("msp-operations", {
    name: "msp-operations",
    path: "/msp/",
    description: "srguard sample: the MSP's operators (people: MFA, ExternalId, source identity)",
    maxSessionDuration: 3600,
    permissionsBoundary: operationsBoundary.arn,
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "MspOperators",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${mspAccountId}:role/msp-operator` },
                Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
                Condition: {
                    StringEquals: { "sts:ExternalId": externalId },
                    Bool: { "aws:MultiFactorAuthPresent": "true" },
                    NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" },
                    // Every session names the person behind it (it stays on role chains and in CloudTrail).
                    Null: { "sts:SourceIdentity": "false" },
                },
            },
        ],
    }),
    tags: { msp: mspAccountId, access: "operations" },
});

new aws.iam.RolePolicyAttachment("msp-operations-view-only", {
    role: operations.name,
    policyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
});

// The runbook: the few write actions the contract allows, on the instances and databases the MSP manages.
new aws.iam.RolePolicy("msp-operations-runbook", {
    role: operations.name,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "SessionsAndReboots",
                Effect: "Allow",
                Action: ["ssm:StartSession", "ec2:RebootInstances"],
                Resource: `arn:aws:ec2:${region}:${accountId}:instance/*`,
                Condition: { StringEquals: { "aws:ResourceTag/msp-managed": "true" } },
            },
            {
                Sid: "OwnSessions",
                Effect: "Allow",
                Action: ["ssm:ResumeSession", "ssm:TerminateSession"],
                Resource: `arn:aws:ssm:${region}:${accountId}:session/*`,
            },
            {
                Sid: "DatabaseReboots",
                Effect: "Allow",
                Action: "rds:RebootDBInstance",
                Resource: `arn:aws:rds:${region}:${accountId}:db:*`,
                Condition: { StringEquals: { "aws:ResourceTag/msp-managed": "true" } },
            },
        ],
    }),
});

// ---------------------------------------------------------------------------------------------------------------
// The MSP's automation: monitoring

const monitoring = new aws.iam.Role("msp-monitoring", {
    name: "msp-monitoring",
    path: "/msp/",
    description: "srguard sample: the MSP's monitoring collector (automation: ExternalId, no MFA)",
    maxSessionDuration: 3600,
    permissionsBoundary: operationsBoundary.arn,
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "MspCollector",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${mspAccountId}:role/msp-monitoring-collector` },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
        ],
    }),
    tags: { msp: mspAccountId, access: "monitoring", "srguard:role-kind": "third-party-automation" },
});

new aws.iam.RolePolicyAttachment("msp-monitoring-cloudwatch-read-only", {
    role: monitoring.name,
    policyArn: "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess",
});

// ---------------------------------------------------------------------------------------------------------------
// Break glass: broader, still bounded, and only while an incident needs it

if (breakGlassEnabled) {
    const breakGlassBoundary = new aws.iam.Policy("msp-break-glass-boundary", {
        name: "msp-break-glass-boundary",
        path: "/msp/",
        description: "srguard sample: the most the MSP may do during an incident",
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "RecoverWorkloads",
                    Effect: "Allow",
                    Action: ["ec2:*", "rds:*", "elasticloadbalancing:*", "autoscaling:*", "ssm:*", "cloudwatch:*", "logs:*"],
                    Resource: "*",
                },
                ...protectAudit,
            ],
        }),
    });

    const breakGlass = new aws.iam.Role("msp-break-glass", {
        name: "msp-break-glass",
        path: "/msp/",
        description: "srguard sample: the MSP's incident responders, deployed only during an incident",
        maxSessionDuration: 3600,
        permissionsBoundary: breakGlassBoundary.arn,
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "MspIncidentResponders",
                    Effect: "Allow",
                    Principal: { AWS: `arn:aws:iam::${mspAccountId}:role/msp-incident-responder` },
                    Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
                    Condition: {
                        StringEquals: { "sts:ExternalId": externalId },
                        Bool: { "aws:MultiFactorAuthPresent": "true" },
                        NumericLessThanEquals: { "aws:MultiFactorAuthAge": "900" },
                        Null: { "sts:SourceIdentity": "false" },
                    },
                },
            ],
        }),
        tags: { msp: mspAccountId, access: "break-glass" },
    });

    new aws.iam.RolePolicyAttachment("msp-break-glass-recovery", {
        role: breakGlass.name,
        policyArn: breakGlassBoundary.arn,
    });
}

export const operationsRoleArn = operations.arn;
export const monitoringRoleArn = monitoring.arn;
export const auditBucketId = auditBucket.id;
