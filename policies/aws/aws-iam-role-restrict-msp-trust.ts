import { requiresExactExternalId, requiresMfa, statementPosition } from "../core/iam";
import { classify, isApproved, MSP_PRINCIPAL_PATTERN, ORGANIZATION_ACCOUNT_IDS, THIRD_PARTY_ROLE_NAMES } from "../core/msp";
import { defineResourcePolicy } from "../core/policy-legacy";
import { declaredThirdParty, ROLE_KIND_TAG, THIRD_PARTY_AUTOMATION } from "../core/role-kind";

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
    resourceTypes: ["aws:iam/role:Role"],
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
    check({ props }, config, report) {
        const role = classify(props.assumeRolePolicy, config.organizationAccountIds);
        if (role.kind === "invalid") {
            report(`\`assumeRolePolicy\` ${role.error}; it must be a JSON policy document.`);
            return;
        }
        if (role.kind !== "msp") return;
        let declared: boolean | undefined;
        const forAutomation = (): boolean => (declared ??= declaredThirdParty(props, config.thirdPartyRoleNames));
        for (const { statement, external } of role.statements) {
            const where = `\`assumeRolePolicy\` ${statementPosition(statement)}`;
            if (!external.every((p) => isApproved(p, config.approvedMspPrincipals))) {
                report(
                    `${where} lets a principal of another account assume the role that is neither in \`organizationAccountIds\` ` +
                        "nor in `approvedMspPrincipals` (or cannot be tied to an account: `*`, NotPrincipal, a unique id); " +
                        "trust only the approved MSP's role ARN or account, or approve the MSP in the policy config.",
                );
            }
            if (!requiresExactExternalId(statement)) {
                report(
                    `${where} lets another account assume the role without an exact \`sts:ExternalId\`; add ` +
                        "`StringEquals` `sts:ExternalId` with the id agreed with the MSP (no wildcard, no `StringLike`, no `IfExists`).",
                );
            }
            if (!requiresMfa(statement) && !forAutomation()) {
                report(
                    `${where} lets the MSP's people assume the role without MFA; add \`Bool\` \`aws:MultiFactorAuthPresent\` = true ` +
                        `(\`BoolIfExists\` does not count), or, for the MSP's automation, tag the role \`${ROLE_KIND_TAG}\` = ` +
                        `\`${THIRD_PARTY_AUTOMATION}\` (or list its name in \`thirdPartyRoleNames\`).`,
                );
            }
        }
    },
});
