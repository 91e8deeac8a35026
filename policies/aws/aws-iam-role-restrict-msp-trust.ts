import { judgeMfa, requiresExactExternalId, statementPosition } from "../core/iam";
import { isApproved, MSP_PRINCIPAL_PATTERN, mspRole, ORGANIZATION_ACCOUNT_IDS, roleOrganization, THIRD_PARTY_ROLE_NAMES } from "../core/msp";
import { defineResourcePolicy } from "../core/policy";
import { byRoleKind, ROLE_KIND_TAG, THIRD_PARTY_AUTOMATION } from "../core/role-kind";
import { ASSUME_ROLE } from "../core/trust";
import { all, each, fail, failIf, pass, unknown } from "../core/verdict";

const TYPE = "aws:iam/role:Role";
const MSP = "arn:aws:iam::444455556666:role/msp-operator";
const trustingMsp = (condition: Readonly<Record<string, unknown>>) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: MSP }, Action: "sts:AssumeRole", Condition: condition }] });
const CONFIG = { organizationAccountIds: ["111122223333"], approvedMspPrincipals: [MSP] };

export default defineResourcePolicy({
    name: "aws-iam-role-restrict-msp-trust",
    title: "IAM roles trust only approved MSPs, with an exact ExternalId and MFA for people",
    cloud: "aws",
    control: "msp-delegation",
    severity: "critical",
    description:
        "A role that principals of another AWS account can assume (an MSP role: an AWS principal outside " +
        "`organizationAccountIds`) may trust only the MSP accounts or roles listed in `approvedMspPrincipals`; every Allow " +
        "statement that lets them in must require the exact `sts:ExternalId` agreed with the MSP (against the confused " +
        "deputy), and a role for people must also require MFA (`Bool aws:MultiFactorAuthPresent true`). A role declared " +
        "as the MSP's automation needs no MFA.",
    remediation:
        "Name the MSP's approved role ARN (or account) in `Principal.AWS`, and give each statement " +
        "`\"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<id the customer issued>\"}, \"Bool\": " +
        "{\"aws:MultiFactorAuthPresent\": \"true\"}}` (`StringLike`, wildcards, `...IfExists` and `ForAnyValue:` do not " +
        "count). List the organisation's own accounts in `organizationAccountIds` and the MSP in `approvedMspPrincipals`; " +
        `tag a role for the MSP's automation \`${ROLE_KIND_TAG}\` = \`${THIRD_PARTY_AUTOMATION}\` (or list it in ` +
        "`thirdPartyRoleNames`). To cut an MSP off, remove it from `approvedMspPrincipals`: every role that still trusts it fails.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.19" },
        { framework: "iso27001", version: "2022", id: "A.5.20" },
        { framework: "iso27001", version: "2022", id: "A.5.21" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [TYPE],
    config: {
        ...ORGANIZATION_ACCOUNT_IDS,
        approvedMspPrincipals: {
            type: "array",
            items: { type: "string", pattern: MSP_PRINCIPAL_PATTERN },
            default: [],
            description:
                "The MSPs the organisation has approved: AWS account ids (12 digits; any principal of the account) or IAM role " +
                "ARNs (`arn:aws:iam::<account>:role/<path/name>`; that role only). A role trusting any other external principal fails.",
        },
        ...THIRD_PARTY_ROLE_NAMES,
    },
    examples: {
        pass: [
            {
                title: "the approved MSP role, with an exact ExternalId and MFA",
                type: TYPE,
                props: { assumeRolePolicy: trustingMsp({ StringEquals: { "sts:ExternalId": "msp-7f3a9c" }, Bool: { "aws:MultiFactorAuthPresent": "true" } }) },
                config: CONFIG,
            },
        ],
        fail: [
            {
                title: "the approved MSP role, with MFA but without an ExternalId",
                type: TYPE,
                props: { assumeRolePolicy: trustingMsp({ Bool: { "aws:MultiFactorAuthPresent": "true" } }) },
                config: CONFIG,
            },
        ],
    },
    check(resource, config) {
        const { props } = resource;
        const trustPolicy = props.get("assumeRolePolicy");
        const role = mspRole(trustPolicy, roleOrganization(resource, config.organizationAccountIds));
        if (role.kind === "unknown") return unknown(...role.needs);
        if (role.kind === "invalid") return fail(`\`assumeRolePolicy\` ${role.error}; it must be a JSON policy document.`);
        if (role.kind !== "msp") return pass;
        const statements = each(role.statements, ({ statement, external }) => {
            const where = `\`assumeRolePolicy\` ${statementPosition(statement)}`;
            return all([
                failIf(
                    !external.every((p) => isApproved(p, config.approvedMspPrincipals)),
                    `${where} lets a principal of another account assume the role that is neither in \`organizationAccountIds\` ` +
                        "nor in `approvedMspPrincipals` (or cannot be tied to an account: `*`, NotPrincipal, a unique id); " +
                        "trust only the approved MSP's role ARN or account, or approve the MSP in the policy config.",
                ),
                failIf(
                    !requiresExactExternalId(statement),
                    `${where} lets another account assume the role without an exact \`sts:ExternalId\`; add ` +
                        "`StringEquals` `sts:ExternalId` with the id agreed with the MSP (no wildcard, no `StringLike`, no `IfExists`).",
                ),
                // MFA from the statement's own condition, or from an explicit Deny of the trust policy.
                judgeMfa(statement, role.document, ASSUME_ROLE, (mfa) =>
                    mfa.required
                        ? pass
                        : byRoleKind(
                              props,
                              config.thirdPartyRoleNames,
                              () => pass,
                              () =>
                                  fail(
                                      `${where} lets the MSP's people assume the role without MFA; add \`Bool\` \`aws:MultiFactorAuthPresent\` = true ` +
                                          `(\`BoolIfExists\` does not count), or, for the MSP's automation, tag the role \`${ROLE_KIND_TAG}\` = ` +
                                          `\`${THIRD_PARTY_AUTOMATION}\` (or list its name in \`thirdPartyRoleNames\`).`,
                                  ),
                          ),
                ),
            ]);
        });
        // Statements that are unknown during preview may let other accounts in too; a known violation still fails.
        return role.undecided.length ? all([statements, unknown(...role.undecided)]) : statements;
    },
});
