// srguard sample stack: the violating twin of ../aws-msp-delegation. The same customer (111111111111) and MSP
// (222222222222), with the mistakes that turn an MSP relationship into standing, over-privileged remote access — one
// per resource. Every violation is listed in expected.json.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const accountId = config.require("accountId");
const mspAccountId = config.require("mspAccountId");
const externalId = config.require("mspExternalId");
const region = "ap-northeast-1";

const auditBucketName = `srguard-msp-audit-${accountId}`;
const auditBucketArn = `arn:aws:s3:::${auditBucketName}`;
const trailName = "msp-audit";
const trailArn = `arn:aws:cloudtrail:${region}:${accountId}:trail/${trailName}`;

type Conditions = Record<string, Record<string, string>>;

/** A trust policy letting one principal of another account assume the role under `conditions`. */
function trust(principal: string, conditions: Conditions): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", Condition: conditions }],
    });
}

/** The conditions of a role for the MSP's people, done right. */
const forPeople: Conditions = {
    StringEquals: { "sts:ExternalId": externalId },
    Bool: { "aws:MultiFactorAuthPresent": "true" },
    NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" },
};
const operator = `arn:aws:iam::${mspAccountId}:role/msp-operator`;

// ---------------------------------------------------------------------------------------------------------------
// The audit trail

const auditKey = new aws.kms.Key("msp-audit", {
    description: "srguard sample: encrypts the MSP audit trail",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
});

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

// Someone "saved on storage": the logs of an MSP session are gone before anyone asks about it.
// violates: aws-cloudtrail-trail-configure-log-retention, aws-cloudtrail-trail-require-msp-audit-logging
new aws.s3.BucketLifecycleConfiguration("msp-audit", {
    bucket: auditBucket.id,
    rules: [{ id: "expire-logs", status: "Enabled", filter: { prefix: "AWSLogs/" }, expiration: { days: 90 } }],
});

const auditBucketPolicy = new aws.s3.BucketPolicy("msp-audit", {
    bucket: auditBucket.id,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: auditBucketArn,
                Condition: { StringEquals: { "aws:SourceArn": trailArn } },
            },
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${auditBucketArn}/AWSLogs/${accountId}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
            },
        ],
    }),
});

// A single-region trail: what the MSP's session does in any other region goes unrecorded. (It also delivers only to
// S3, not to CloudWatch Logs: an advisory.)
// violates: aws-cloudtrail-trail-enable-logging, aws-cloudtrail-trail-require-msp-audit-logging, aws-cloudtrail-trail-enable-cloudwatch-logs
// violates: aws-cloudtrail-trail-enable-s3-data-events
new aws.cloudtrail.Trail(
    "msp-audit",
    {
        name: trailName,
        s3BucketName: auditBucket.id,
        isMultiRegionTrail: false,
        enableLogFileValidation: true,
        kmsKeyId: auditKey.arn,
    },
    { dependsOn: [auditBucketPolicy] },
);

// ---------------------------------------------------------------------------------------------------------------
// The permissions boundary

const boundary = new aws.iam.Policy("msp-boundary", {
    name: "msp-boundary",
    path: "/msp/",
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["cloudwatch:Get*", "cloudwatch:List*", "ec2:Describe*", "ssm:StartSession"], Resource: "*" }],
    }),
});

// ---------------------------------------------------------------------------------------------------------------
// MSP roles, one mistake each

// The ExternalId is matched with StringLike and a wildcard: any caller of the MSP's role passes any id (confused deputy).
// violates: aws-iam-role-restrict-msp-trust
const operations = new aws.iam.Role("msp-operations", {
    name: "msp-operations",
    maxSessionDuration: 3600,
    permissionsBoundary: boundary.arn,
    assumeRolePolicy: trust(operator, { ...forPeople, StringEquals: {}, StringLike: { "sts:ExternalId": "srguard-*" } }),
});

new aws.iam.RolePolicyAttachment("msp-operations-view-only", {
    role: operations.name,
    policyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
});

// "Just so they can fix roles themselves": full IAM, with which the MSP can grant itself anything.
// violates: aws-iam-role-disallow-msp-admin-access
new aws.iam.RolePolicy("msp-operations-iam", {
    role: operations.name,
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] }),
});

// MFA through BoolIfExists: long-term access keys (no MFA context at all) pass.
// violates: aws-iam-role-restrict-msp-trust, aws-iam-role-require-mfa
new aws.iam.Role("msp-support", {
    name: "msp-support",
    maxSessionDuration: 3600,
    permissionsBoundary: boundary.arn,
    assumeRolePolicy: trust(operator, {
        StringEquals: { "sts:ExternalId": externalId },
        BoolIfExists: { "aws:MultiFactorAuthPresent": "true" },
    }),
});

// 12-hour sessions: a stolen session outlives the MSP being cut off by half a day.
// violates: aws-iam-role-require-msp-session-limits
new aws.iam.Role("msp-engineer", {
    name: "msp-engineer",
    maxSessionDuration: 43200,
    permissionsBoundary: boundary.arn,
    assumeRolePolicy: trust(operator, forPeople),
});

// The MSP's automation without a permissions boundary: whatever gets attached later, it gets.
// violates: aws-iam-role-require-msp-permissions-boundary
const monitoring = new aws.iam.Role("msp-monitoring", {
    name: "msp-monitoring",
    maxSessionDuration: 3600,
    assumeRolePolicy: trust(`arn:aws:iam::${mspAccountId}:role/msp-monitoring-collector`, { StringEquals: { "sts:ExternalId": externalId } }),
    tags: { "srguard:role-kind": "third-party-automation" },
});

const automation = new aws.iam.Policy("msp-automation", {
    name: "msp-automation",
    path: "/msp/",
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }] }),
});

// Everything but IAM and Organizations (PowerUserAccess by another name), attached through a PolicyAttachment.
// violates: aws-iam-role-disallow-msp-admin-access
new aws.iam.PolicyAttachment("msp-automation", {
    roles: [monitoring.name],
    policyArn: automation.arn,
});

// A boundary that bounds nothing.
// violates: aws-iam-role-require-msp-permissions-boundary
new aws.iam.Role("msp-network", {
    name: "msp-network",
    maxSessionDuration: 3600,
    permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess",
    assumeRolePolicy: trust(operator, forPeople),
});

const deploy = new aws.iam.Role("msp-deploy", {
    name: "msp-deploy",
    maxSessionDuration: 3600,
    permissionsBoundary: boundary.arn,
    assumeRolePolicy: trust(operator, forPeople),
});

// AdministratorAccess attached separately, where a review of the role alone does not see it.
// violates: aws-iam-role-disallow-msp-admin-access
new aws.iam.RolePolicyAttachment("msp-deploy-admin", {
    role: deploy.name,
    policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
});

// A vendor's tool installed "temporarily", trusting an account nobody approved.
// violates: aws-iam-role-restrict-msp-trust
new aws.iam.Role("msp-vendor-tool", {
    name: "msp-vendor-tool",
    maxSessionDuration: 3600,
    permissionsBoundary: boundary.arn,
    assumeRolePolicy: trust("arn:aws:iam::999999999999:role/remote-agent", forPeople),
});

// The MSP's whole account (the console's default for "another AWS account"), not its approved roles.
// violates: aws-iam-role-restrict-msp-trust
new aws.iam.Role("msp-helpdesk", {
    name: "msp-helpdesk",
    maxSessionDuration: 3600,
    permissionsBoundary: boundary.arn,
    assumeRolePolicy: trust(`arn:aws:iam::${mspAccountId}:root`, forPeople),
});

// Break glass that is always there, with AdministratorAccess: standing emergency access is standing access.
// violates: aws-iam-role-disallow-msp-admin-access
new aws.iam.Role("msp-break-glass", {
    name: "msp-break-glass",
    maxSessionDuration: 3600,
    permissionsBoundary: boundary.arn,
    managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
    assumeRolePolicy: trust(`arn:aws:iam::${mspAccountId}:role/msp-incident-responder`, forPeople),
});

export const auditBucketId = auditBucket.id;
