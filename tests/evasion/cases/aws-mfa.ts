// AWS mfa: role trust policies that let IAM principals (or anyone) assume a role without MFA, and federated trusts
// that do not pin who at the identity provider may assume it — written with weak operators, set qualifiers,
// NotAction / NotPrincipal, several statements, odd case.

import { type EvasionCase, policyJson } from "../model";
import { ACCOUNT, GITHUB_OIDC, MFA, ORG_ID, doc, role, trustAccount, trustGithub } from "./aws-fixtures";

const MFA_POLICY = "aws-iam-role-require-mfa";
const FEDERATED = "aws-iam-role-restrict-federated-trust";
const THIRD_PARTY_TAG = { "srguard:role-kind": "third-party-automation" };

const base = { cloud: "aws", control: "mfa" } as const;

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "aws-mfa-bool-if-exists",
        kind: "evasion",
        title: "`BoolIfExists aws:MultiFactorAuthPresent true`: passes long-term access keys, which carry no MFA key",
        stack: { resources: [role("admin", doc(trustAccount({ Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } })))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-mfa-for-any-value-bool",
        kind: "evasion",
        title: "`ForAnyValue:Bool` on the MFA key (a set operator on a single-valued key)",
        stack: { resources: [role("admin", doc(trustAccount({ Condition: { "ForAnyValue:Bool": { "aws:MultiFactorAuthPresent": "true" } } })))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-true-or-false",
        kind: "evasion",
        title: "`Bool aws:MultiFactorAuthPresent [\"true\", \"false\"]`: either value matches",
        stack: { resources: [role("admin", doc(trustAccount({ Condition: { Bool: { "aws:MultiFactorAuthPresent": ["true", "false"] } } })))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-second-statement-unguarded",
        kind: "evasion",
        title: "two Allow statements for the same account, only the first requires MFA",
        stack: { resources: [role("admin", doc(trustAccount(MFA), trustAccount({ Action: ["sts:AssumeRole", "sts:TagSession"] })))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-not-action",
        kind: "evasion",
        title: "`NotAction: \"iam:*\"` (grants sts:AssumeRole by omission), single-valued Principal string, no MFA",
        stack: { resources: [role("admin", doc({ Effect: "Allow", Principal: { AWS: ACCOUNT }, NotAction: "iam:*" }))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-action-wildcard",
        kind: "evasion",
        title: "`Action: \"sts:Assume*\"` in lower case keys (`effect`, `principal`, `action`), no MFA",
        stack: { resources: [role("admin", policyJson({ version: "2012-10-17", statement: [{ effect: "allow", principal: { aws: `arn:aws:iam::${ACCOUNT}:root` }, action: "sts:Assume*" }] }))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-not-principal",
        kind: "evasion",
        title: "trust with `NotPrincipal` (everyone but one account), even with an MFA condition",
        stack: { resources: [role("admin", doc({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole", ...MFA }))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-organization-without-mfa",
        kind: "evasion",
        title: "`Principal: {AWS: \"*\"}` narrowed to the organization but without MFA",
        stack: { resources: [role("admin", doc(trustAccount({ Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": ORG_ID } } })))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
    },
    {
        ...base,
        id: "aws-mfa-third-party-wildcard-external-id",
        kind: "evasion",
        title: "a role declared as third-party automation whose `sts:ExternalId` is `StringLike \"*\"`",
        stack: { resources: [role("vendor", doc(trustAccount({ Condition: { StringLike: { "sts:ExternalId": "*" } } })), { tags: THIRD_PARTY_TAG })] },
        violations: [{ policy: MFA_POLICY, resource: "vendor" }],
    },
    {
        ...base,
        id: "aws-mfa-external-id-undeclared-role",
        kind: "evasion",
        title: "an exact `sts:ExternalId` instead of MFA on a role that is not declared as third-party automation",
        stack: { resources: [role("ops", doc(trustAccount({ Condition: { StringEquals: { "sts:ExternalId": "7d0e5a9c-vendor" } } })))] },
        violations: [{ policy: MFA_POLICY, resource: "ops" }],
    },

    {
        ...base,
        id: "aws-mfa-string-operator-on-bool-key",
        kind: "evasion",
        title: "`StringEquals aws:MultiFactorAuthPresent \"true\"` (a string operator on the boolean MFA key)",
        stack: { resources: [role("admin", doc(trustAccount({ Condition: { StringEquals: { "aws:MultiFactorAuthPresent": "true" } } })))] },
        violations: [{ policy: MFA_POLICY, resource: "admin" }],
        decision:
            "Only the `Bool` operator (or an `aws:MultiFactorAuthAge` upper bound) counts as requiring MFA, as the IAM User Guide " +
            "writes it; a string operator on the boolean key is refused rather than second-guessed.",
    },

    // ---- federated trust
    {
        ...base,
        id: "aws-mfa-github-audience-only",
        kind: "evasion",
        title: "GitHub OIDC trust that pins only the audience (every repository's workflows can assume it)",
        stack: { resources: [role("deploy", doc(trustGithub({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } })))] },
        violations: [{ policy: FEDERATED, resource: "deploy" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-mfa-github-wildcard-repository",
        kind: "evasion",
        title: "GitHub OIDC subject `repo:octo-org/*` (every repository of the owner), key in odd case",
        stack: {
            resources: [role("deploy", doc(trustGithub({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, StringLike: { "Token.Actions.GitHubUserContent.com:sub": "repo:octo-org/*" } })))],
        },
        violations: [{ policy: FEDERATED, resource: "deploy" }],
    },
    {
        ...base,
        id: "aws-mfa-github-for-any-value-subject",
        kind: "evasion",
        title: "GitHub OIDC subject under `ForAnyValue:StringEquals` (true when the key is absent)",
        stack: { resources: [role("deploy", doc(trustGithub({ "ForAnyValue:StringEquals": { "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main" } })))] },
        violations: [{ policy: FEDERATED, resource: "deploy" }],
    },
    {
        ...base,
        id: "aws-mfa-federated-wildcard-provider",
        kind: "evasion",
        title: "`Federated: \"*\"` with `Action: \"sts:*\"`",
        stack: { resources: [role("deploy", doc({ Effect: "Allow", Principal: { Federated: "*" }, Action: "sts:*" }))] },
        violations: [{ policy: FEDERATED, resource: "deploy" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "aws-mfa-legit-case-variants",
        kind: "legitimate",
        title: "MFA required, written `{\"bool\": {\"AWS:MultiFactorAuthPresent\": \"TRUE\"}}` with `effect: \"allow\"`",
        stack: { resources: [role("admin", doc({ effect: "allow", principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] }, action: ["sts:AssumeRole"], condition: { bool: { "AWS:MultiFactorAuthPresent": "TRUE" } } }))] },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "aws-mfa-legit-boolean-true-statement-object",
        kind: "legitimate",
        title: "MFA as a JSON boolean `true`, Statement as one object, trust policy given as an object",
        stack: { resources: [role("admin", { Version: "2012-10-17", Statement: trustAccount({ Condition: { Bool: { "aws:MultiFactorAuthPresent": true } } }) })] },
        silent: "control",
    },
    {
        ...base,
        id: "aws-mfa-legit-service-principal",
        kind: "legitimate",
        title: "role assumed only by a service principal (no IAM user can assume it)",
        stack: { resources: [role("lambda", doc({ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com"] }, Action: "sts:AssumeRole" }))] },
        silent: "control",
    },
    {
        ...base,
        id: "aws-mfa-legit-third-party-exact-external-id",
        kind: "legitimate",
        title: "vendor role tagged as third-party automation with an exact `sts:ExternalId` (tag key in odd case)",
        stack: {
            resources: [role("vendor", doc(trustAccount({ Condition: { StringEquals: { "sts:ExternalId": "7d0e5a9c-vendor" } } })), { tags: { "SRGuard:Role-Kind": "Third-Party-Automation" } })],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-mfa-legit-mfa-age-only",
        kind: "legitimate",
        title: "`NumericLessThan aws:MultiFactorAuthAge 3600` alone: the key only exists when MFA was used, so MFA is required",
        stack: { resources: [role("admin", doc(trustAccount({ Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } })))] },
        silent: "control",
        found:
            "A trust statement bounding `aws:MultiFactorAuthAge` (NumericLessThan[Equals], no IfExists) requires MFA — " +
            "the key is absent unless MFA was used, so the condition fails without it — but only the `Bool` form counted. " +
            "core/iam.ts `requiresMfa` now accepts either.",
    },
    {
        ...base,
        id: "aws-mfa-legit-github-pinned",
        kind: "legitimate",
        title: "GitHub OIDC trust pinned to one repository and branch (`StringLike` that still names the workload)",
        stack: {
            resources: [
                role(
                    "deploy",
                    doc(trustGithub({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, StringLike: { "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/*" } })),
                ),
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-mfa-legit-deny-anyone",
        kind: "legitimate",
        title: "a Deny statement with `Principal: \"*\"` beside an MFA-guarded Allow",
        stack: {
            resources: [role("admin", doc(trustAccount(MFA), { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Condition: { StringNotEquals: { "aws:PrincipalOrgID": ORG_ID } } }))],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-mfa-legit-github-provider-host",
        kind: "legitimate",
        title: "`Federated` written as the provider ARN, `Action` as a list including sts:TagSession",
        stack: {
            resources: [
                role("deploy", doc({ Effect: "Allow", Principal: { Federated: [GITHUB_OIDC] }, Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"], Condition: { StringEquals: { "token.actions.githubusercontent.com:sub": "repo:octo-org/app:environment:prod" } } })),
            ],
        },
        silent: "control",
    },
];
