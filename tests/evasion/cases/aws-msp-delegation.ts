// AWS msp-delegation: roles another account (an MSP) can assume — whom they trust and on what conditions, what
// permissions reach them by every attachment route, their boundary and session limits, and the audit trail of what
// the MSP does. The session's config approves MSP_ROLE and names ORGANIZATION_ACCOUNT as the organisation's own
// (tests/evasion/config.ts).

import { type EvasionCase, type JsonObject, type ResourceSpec, omit, policyJson } from "../model";
import { MSP_ROLE, ORGANIZATION_ACCOUNT, UNAPPROVED_ACCOUNT } from "../config";
import { T, bucket, bucketName, doc, publicAccessBlock, role, trail } from "./aws-fixtures";

const TRUST = "aws-iam-role-restrict-msp-trust";
const ADMIN = "aws-iam-role-disallow-msp-admin-access";
const BOUNDARY = "aws-iam-role-require-msp-permissions-boundary";
const SESSION = "aws-iam-role-require-msp-session-limits";
const AUDIT = "aws-cloudtrail-trail-require-msp-audit-logging";

const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const EXCLUSIVE_ATTACHMENTS = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";

const EXTERNAL_ID = "msp-7d0e5a9c";
const awsManaged = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const BOUNDARY_ARN = `arn:aws:iam::${ORGANIZATION_ACCOUNT}:policy/msp-boundary`;

/** The conditions an MSP operator's statement needs: exact ExternalId, MFA, a bounded MFA age. */
const OPERATOR_CONDITION: JsonObject = {
    StringEquals: { "sts:ExternalId": EXTERNAL_ID },
    Bool: { "aws:MultiFactorAuthPresent": "true" },
    NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" },
};

function mspStatement(s: JsonObject = {}): JsonObject {
    return { Effect: "Allow", Principal: { AWS: MSP_ROLE }, Action: "sts:AssumeRole", Condition: OPERATOR_CONDITION, ...s };
}

/** The MSP operator role, compliant: approved principal, operator conditions, boundary, ReadOnlyAccess, 1-hour sessions. */
function mspRole(trust: JsonObject | string = doc(mspStatement()), inputs: JsonObject = {}): ResourceSpec {
    return {
        ...role("msp-operator", trust, { permissionsBoundary: BOUNDARY_ARN, managedPolicyArns: [awsManaged("ReadOnlyAccess")], maxSessionDuration: 3600, ...inputs }),
        propertyDependencies: { permissionsBoundary: ["msp-boundary"] },
    };
}

const boundary: ResourceSpec = {
    type: POLICY,
    name: "msp-boundary",
    inputs: { name: "msp-boundary", policy: policyJson(doc({ Effect: "Allow", Action: ["ec2:Describe*", "s3:Get*", "cloudwatch:*"], Resource: "*" })) },
    outputs: { arn: BOUNDARY_ARN },
};

/** The audit trail an MSP stack needs: a multi-region, validated trail into a private bucket of the stack. */
function auditTrail(trailInputs: JsonObject = {}): ResourceSpec[] {
    return [bucket("audit"), publicAccessBlock("audit-block", "audit"), trail("audit-trail", "audit", { includeGlobalServiceEvents: true, ...trailInputs })];
}

/** A compliant MSP stack with `changes` applied: the role replaced, resources added. */
function mspStack(theRole: ResourceSpec = mspRole(), ...extra: ResourceSpec[]): { resources: ResourceSpec[] } {
    return { resources: [boundary, theRole, ...auditTrail(), ...extra] };
}

const base = { cloud: "aws", control: "msp-delegation" } as const;

export const cases: readonly EvasionCase[] = [
    // ---- trust
    {
        ...base,
        id: "aws-msp-delegation-external-id-string-like",
        kind: "evasion",
        title: "approved MSP role, `sts:ExternalId` under `StringLike` with a wildcard",
        stack: mspStack(mspRole(doc(mspStatement({ Condition: { ...OPERATOR_CONDITION, StringEquals: {}, StringLike: { "sts:ExternalId": "msp-*" } } })))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-msp-delegation-external-id-if-exists",
        kind: "evasion",
        title: "`StringEqualsIfExists sts:ExternalId` (passes a request without an ExternalId)",
        stack: mspStack(mspRole(doc(mspStatement({ Condition: { ...omit(OPERATOR_CONDITION, "StringEquals"), StringEqualsIfExists: { "sts:ExternalId": EXTERNAL_ID } } })))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-unapproved-second-statement",
        kind: "evasion",
        title: "a second, otherwise compliant statement trusting an unapproved account",
        stack: mspStack(mspRole(doc(mspStatement(), mspStatement({ Principal: { AWS: [`arn:aws:iam::${UNAPPROVED_ACCOUNT}:root`] } })))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-anyone-pinned-to-unapproved-account",
        kind: "evasion",
        title: "`Principal: \"*\"` narrowed by `aws:PrincipalAccount` to an unapproved account",
        stack: mspStack(mspRole(doc(mspStatement({ Principal: "*", Condition: { ...OPERATOR_CONDITION, StringEquals: { "sts:ExternalId": EXTERNAL_ID, "aws:PrincipalAccount": UNAPPROVED_ACCOUNT } } })))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-not-principal",
        kind: "evasion",
        title: "`NotPrincipal` trust (everyone but the organisation), with ExternalId and MFA",
        stack: mspStack(mspRole(doc({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ORGANIZATION_ACCOUNT}:root` }, Action: "sts:AssumeRole", Condition: OPERATOR_CONDITION }))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-unique-id-principal",
        kind: "evasion",
        title: "a principal written as a unique id (`AROA…`), which cannot be tied to an approved account",
        stack: mspStack(mspRole(doc(mspStatement({ Principal: { AWS: "AROAEXAMPLEUNIQUEID01" } })))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-people-without-mfa",
        kind: "evasion",
        title: "a role for the MSP's people (not declared automation) with an exact ExternalId but no MFA, keys in odd case",
        stack: mspStack(mspRole(policyJson({ statement: [{ effect: "allow", principal: { aws: MSP_ROLE }, action: "sts:AssumeRole", condition: { stringequals: { "STS:ExternalId": EXTERNAL_ID } } }] }))),
        violations: [{ policy: TRUST, resource: "msp-operator" }],
        silent: [SESSION],
        decision: "A statement without MFA is reported once, by the trust policy; the session-limits policy bounds the MFA age of statements that require MFA.",
    },

    // ---- administrator access, by every route
    {
        ...base,
        id: "aws-msp-delegation-admin-role-policy-attachment",
        kind: "evasion",
        title: "AdministratorAccess attached through a separate RolePolicyAttachment",
        stack: mspStack(mspRole(), { type: ROLE_POLICY_ATTACHMENT, name: "msp-admin", inputs: { role: "msp-operator", policyArn: awsManaged("AdministratorAccess") }, propertyDependencies: { role: ["msp-operator"] } }),
        violations: [{ policy: ADMIN, resource: "msp-admin" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-msp-delegation-admin-policy-attachment-by-name",
        kind: "evasion",
        title: "PowerUserAccess through a PolicyAttachment whose `roles` list names the role literally",
        stack: mspStack(mspRole(), { type: POLICY_ATTACHMENT, name: "power", inputs: { name: "power", roles: ["msp-operator"], policyArn: awsManaged("PowerUserAccess") } }),
        violations: [{ policy: ADMIN, resource: "power" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-admin-exclusive-attachments",
        kind: "evasion",
        title: "IAMFullAccess among the `policyArns` of a RolePolicyAttachmentsExclusive",
        stack: mspStack(mspRole(), {
            type: EXCLUSIVE_ATTACHMENTS,
            name: "exclusive",
            inputs: { roleName: "msp-operator", policyArns: [awsManaged("ReadOnlyAccess"), awsManaged("IAMFullAccess")] },
            propertyDependencies: { roleName: ["msp-operator"] },
        }),
        violations: [{ policy: ADMIN, resource: "exclusive" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-admin-inline-not-action",
        kind: "evasion",
        title: "an inline policy on the role with `NotAction: [\"iam:*\"]` on every resource",
        stack: mspStack(mspRole(undefined, { inlinePolicies: [{ name: "ops", policy: policyJson(doc({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" })) }] })),
        violations: [{ policy: ADMIN, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-admin-customer-policy-iam-star",
        kind: "evasion",
        title: "a customer managed policy of the stack allowing `iam:*`, attached through `managedPolicyArns`",
        stack: {
            resources: [
                boundary,
                { type: POLICY, name: "iam-ops", inputs: { name: "iam-ops", policy: policyJson(doc({ Effect: "Allow", Action: "IAM:*", Resource: ["*"] })) }, outputs: { arn: `arn:aws:iam::${ORGANIZATION_ACCOUNT}:policy/iam-ops` } },
                { ...mspRole(undefined, { managedPolicyArns: [`arn:aws:iam::${ORGANIZATION_ACCOUNT}:policy/iam-ops`] }), propertyDependencies: { permissionsBoundary: ["msp-boundary"], managedPolicyArns: ["iam-ops"] } },
                ...auditTrail(),
            ],
        },
        violations: [{ policy: ADMIN, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-admin-role-policy-object",
        kind: "evasion",
        title: "a RolePolicy granting `*` on `*`, document as an object with lower-case keys",
        stack: mspStack(mspRole(), {
            type: ROLE_POLICY,
            name: "msp-everything",
            inputs: { role: "msp-operator", policy: { version: "2012-10-17", statement: { effect: "allow", action: "*", resource: "*" } } },
            propertyDependencies: { role: ["msp-operator"] },
        }),
        violations: [{ policy: ADMIN, resource: "msp-everything" }],
    },

    {
        ...base,
        id: "aws-msp-delegation-admin-star-colon-star",
        kind: "evasion",
        title: "a RolePolicy granting `*:*` (every action of every service) on `*`",
        stack: mspStack(mspRole(), {
            type: ROLE_POLICY,
            name: "msp-star",
            inputs: { role: "msp-operator", policy: policyJson(doc({ Effect: "Allow", Action: ["*:*"], Resource: "*" })) },
            propertyDependencies: { role: ["msp-operator"] },
        }),
        violations: [{ policy: ADMIN, resource: "msp-star" }],
    },

    // ---- boundary and session limits
    {
        ...base,
        id: "aws-msp-delegation-no-boundary",
        kind: "evasion",
        title: "an MSP role without a permissions boundary",
        stack: mspStack({ ...role("msp-operator", doc(mspStatement()), { managedPolicyArns: [awsManaged("ReadOnlyAccess")], maxSessionDuration: 3600 }) }),
        violations: [{ policy: BOUNDARY, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-admin-boundary",
        kind: "evasion",
        title: "a permissions boundary that is AdministratorAccess (bounds nothing)",
        stack: mspStack({ ...mspRole(undefined, { permissionsBoundary: awsManaged("AdministratorAccess") }), propertyDependencies: {} }),
        violations: [{ policy: BOUNDARY, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-twelve-hour-sessions",
        kind: "evasion",
        title: "`maxSessionDuration: 43200` (12-hour sessions)",
        stack: mspStack(mspRole(undefined, { maxSessionDuration: 43200 })),
        violations: [{ policy: SESSION, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-mfa-age-if-exists",
        kind: "evasion",
        title: "the MFA age bounded only with `NumericLessThanEqualsIfExists`",
        stack: mspStack(mspRole(doc(mspStatement({ Condition: { ...omit(OPERATOR_CONDITION, "NumericLessThanEquals"), NumericLessThanEqualsIfExists: { "aws:MultiFactorAuthAge": "3600" } } })))),
        violations: [{ policy: SESSION, resource: "msp-operator" }],
    },

    // ---- the audit trail
    {
        ...base,
        id: "aws-msp-delegation-no-trail",
        kind: "evasion",
        title: "an MSP role in a stack without any CloudTrail trail",
        stack: { resources: [boundary, mspRole()] },
        violations: [{ policy: AUDIT, resource: "msp-operator" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-trail-validation-off-string",
        kind: "evasion",
        title: "the stack's trail has `enableLogFileValidation: \"false\"` and excludes global service events",
        stack: { resources: [boundary, mspRole(), ...auditTrail({ enableLogFileValidation: "false", includeGlobalServiceEvents: "FALSE" })] },
        violations: [{ policy: AUDIT, resource: "audit-trail" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-trail-bucket-public-policy",
        kind: "evasion",
        title: "the trail's bucket has a bucket policy open to `Principal: {AWS: \"*\"}`",
        stack: mspStack(mspRole(), {
            type: T.bucketPolicy,
            name: "audit-policy",
            inputs: { bucket: bucketName("audit"), policy: policyJson(doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucketName("audit")}/*` })) },
            propertyDependencies: { bucket: ["audit"] },
        }),
        violations: [{ policy: AUDIT, resource: "audit-policy" }],
    },
    {
        ...base,
        id: "aws-msp-delegation-trail-read-only-events",
        kind: "evasion",
        title: "the trail's event selector records only read management events (`readWriteType: \"ReadOnly\"`)",
        stack: { resources: [boundary, mspRole(), ...auditTrail({ eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] })] },
        violations: [{ policy: AUDIT, resource: "audit-trail" }],
        found:
            "An event selector with `readWriteType: ReadOnly` (or WriteOnly), or an advanced selector narrowed by a `readOnly` " +
            "field, still counted as recording the MSP's sessions, though it drops every change (or every read) they make. " +
            "The audit-logging policy now requires the selectors together to cover read and write management events.",
    },
    {
        ...base,
        id: "aws-msp-delegation-trail-logs-expire",
        kind: "evasion",
        title: "the trail's logs expire after 30 days through a BucketLifecycleConfigurationV2",
        stack: mspStack(mspRole(), {
            type: T.lifecycleV2,
            name: "audit-lifecycle",
            inputs: { bucket: bucketName("audit"), rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 30 } }] },
            propertyDependencies: { bucket: ["audit"] },
        }),
        violations: [{ policy: AUDIT, resource: "audit-lifecycle" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "aws-msp-delegation-legit-compliant-operator",
        kind: "legitimate",
        title: "approved MSP role with exact ExternalId, MFA, MFA age, boundary, ReadOnlyAccess, 1-hour sessions and an audit trail",
        stack: mspStack(),
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "aws-msp-delegation-legit-approved-by-account",
        kind: "legitimate",
        title: "MSP approved as a role ARN, trusted as that role, plus the organisation's own account with AdministratorAccess on another role",
        stack: mspStack(
            mspRole(doc(mspStatement({ Principal: { AWS: [MSP_ROLE] } }))),
            role("org-admin", doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ORGANIZATION_ACCOUNT}:root` }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }), {
                managedPolicyArns: [awsManaged("AdministratorAccess")],
            }),
        ),
        silent: "control",
    },
    {
        ...base,
        id: "aws-msp-delegation-legit-principal-arn-condition",
        kind: "legitimate",
        title: "`Principal: {AWS: \"*\"}` pinned to the approved MSP role by `ArnEquals aws:PrincipalArn`, with ExternalId and MFA",
        stack: mspStack(mspRole(doc(mspStatement({ Principal: { AWS: "*" }, Condition: { ...OPERATOR_CONDITION, ArnEquals: { "aws:PrincipalArn": MSP_ROLE } } })))),
        silent: "control",
    },
    {
        ...base,
        id: "aws-msp-delegation-legit-automation",
        kind: "legitimate",
        title: "the MSP's automation role (tagged third-party automation): exact ExternalId, no MFA",
        stack: mspStack(
            mspRole(doc(mspStatement({ Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } })), { tags: { "srguard:role-kind": "third-party-automation" } }),
        ),
        silent: "control",
    },
    {
        ...base,
        id: "aws-msp-delegation-legit-service-role-admin",
        kind: "legitimate",
        title: "a service-principal role with AdministratorAccess and no trail (no other account can assume it)",
        stack: { resources: [role("deployer", doc({ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }), { managedPolicyArns: [awsManaged("AdministratorAccess")] })] },
        silent: "control",
    },
];
