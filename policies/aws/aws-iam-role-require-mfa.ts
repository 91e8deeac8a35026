import { allows, allowsAnyOf, hasRestrictingCondition, judgeDocument, judgeMfa, reachesAnyone, requiresExactExternalId, type Statement, statementPosition } from "../core/iam";
import { defineResourcePolicy } from "../core/policy";
import { byRoleKind, ROLE_KIND_TAG, ROLE_NAME, THIRD_PARTY_AUTOMATION } from "../core/role-kind";
import { ASSUME_ACTIONS, ASSUME_ROLE } from "../core/trust";
import { fail, failIf, pass, type Verdict } from "../core/verdict";

const TYPE = "aws:iam/role:Role";
const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
const trust = (statement: Readonly<Record<string, unknown>>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const FROM_ACCOUNT = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" };

// The role-kind declaration is shared with the msp-delegation policies (core/role-kind.ts).
export { ROLE_KIND_TAG, THIRD_PARTY_AUTOMATION } from "../core/role-kind";

export default defineResourcePolicy({
    name: "aws-iam-role-require-mfa",
    title: "IAM roles that IAM users or other accounts can assume require MFA",
    cloud: "aws",
    control: "mfa",
    severity: "high",
    description:
        "A role whose trust policy lets IAM principals (users, roles, whole accounts) assume it must require MFA in every " +
        "Allow statement that grants sts:AssumeRole (`Bool aws:MultiFactorAuthPresent true`; `BoolIfExists` passes " +
        "when the key is absent, as it is for long-term access keys), or refuse every caller without MFA in an explicit " +
        "Deny (`BoolIfExists aws:MultiFactorAuthPresent false`, `Null aws:MultiFactorAuthAge true`), which wins over " +
        "every Allow. A role declared as third-party automation may " +
        "require an exact `sts:ExternalId` instead. A trust open to anyone is never acceptable.",
    remediation:
        "Add `\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}` to each statement that trusts AWS " +
        "principals (and `NumericLessThanEquals aws:MultiFactorAuthAge` when `maxMfaAgeSeconds` is set). For a role that " +
        `a vendor's automation assumes, tag it \`${ROLE_KIND_TAG}\` = \`${THIRD_PARTY_AUTOMATION}\` (or list its name in ` +
        "`thirdPartyRoleNames`) and require `StringEquals sts:ExternalId` with the exact id the vendor gave you. Replace " +
        "`Principal: \"*\"` / `NotPrincipal` with the accounts or roles you trust.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.5" }],
    enforcementLevel: "mandatory",
    resourceTypes: [TYPE],
    config: {
        maxMfaAgeSeconds: {
            type: "integer",
            default: 0,
            minimum: 0,
            maximum: 129600,
            description:
                "When above 0, every MFA statement must also bound `aws:MultiFactorAuthAge` (NumericLessThan[Equals]) to at " +
                "most this many seconds. 0 = no age bound required.",
        },
        thirdPartyRoleNames: {
            type: "array",
            items: { type: "string", pattern: ROLE_NAME },
            default: [],
            description:
                `IAM role names (the role's \`name\`) declared as third-party automation, besides roles tagged ` +
                `\`${ROLE_KIND_TAG}\` = \`${THIRD_PARTY_AUTOMATION}\`. Such roles may require an exact sts:ExternalId instead of MFA.`,
        },
    },
    examples: {
        pass: [
            { title: "another account, with MFA", type: TYPE, props: { assumeRolePolicy: trust({ ...FROM_ACCOUNT, Condition: MFA }) } },
            { title: "a service principal (no MFA needed)", type: TYPE, props: { assumeRolePolicy: trust({ ...FROM_ACCOUNT, Principal: { Service: "ec2.amazonaws.com" } }) } },
        ],
        fail: [
            { title: "another account, without MFA", type: TYPE, props: { assumeRolePolicy: trust(FROM_ACCOUNT) } },
            { title: "anyone", type: TYPE, props: { assumeRolePolicy: trust({ ...FROM_ACCOUNT, Principal: "*", Condition: MFA }) } },
        ],
    },
    check({ props }, config) {
        return judgeDocument(props.get("assumeRolePolicy"), "assumeRolePolicy", (s, document): Verdict => {
            if (s.effect !== "Allow") return pass;
            const where = `\`assumeRolePolicy\` ${statementPosition(s)}`;
            const open = reachesAnyone(s);
            if (open && !hasRestrictingCondition(s)) {
                return failIf(
                    allowsAnyOf(s, ASSUME_ACTIONS),
                    `${where} lets anyone assume the role (\`Principal: "*"\` or \`NotPrincipal\`), whatever its MFA condition; ` +
                        "name the trusted accounts or roles, or pin the caller with a fixed `aws:PrincipalOrgID` / `aws:PrincipalArn` condition.",
                );
            }
            if (!trustsAwsPrincipals(s, open) || !allows(s, ASSUME_ROLE)) return pass;
            // MFA from the statement's own condition, or from an explicit Deny of the document (explicit deny wins).
            return judgeMfa(s, document, ASSUME_ROLE, (mfa) => {
                if (mfa.required) {
                    const limit = config.maxMfaAgeSeconds;
                    return failIf(
                        limit > 0 && (mfa.maxAge === undefined || mfa.maxAge > limit),
                        `${where} does not bound \`aws:MultiFactorAuthAge\` to at most ${limit} seconds; ` +
                            `add \`NumericLessThanEquals\` \`aws:MultiFactorAuthAge\` ${limit} (or less) to its Condition.`,
                    );
                }
                const withoutMfa = (externalId: boolean) =>
                    fail(
                        `${where} lets IAM principals assume the role without MFA; add \`Bool\` \`aws:MultiFactorAuthPresent\` = true ` +
                            "to its Condition (`BoolIfExists` does not count), or deny callers without MFA in a Deny statement " +
                            "(`BoolIfExists` `aws:MultiFactorAuthPresent` = false)" +
                            (externalId
                                ? `. Its \`sts:ExternalId\` condition only counts for a role declared as third-party automation ` +
                                  `(tag \`${ROLE_KIND_TAG}\` = \`${THIRD_PARTY_AUTOMATION}\`, or its name in \`thirdPartyRoleNames\`).`
                                : "."),
                    );
                if (!requiresExactExternalId(s)) return withoutMfa(false);
                return byRoleKind(props, config.thirdPartyRoleNames, () => pass, () => withoutMfa(true));
            });
        });
    },
});

/** IAM users, roles or accounts (or, behind a restricting condition, anyone) may use this statement. */
function trustsAwsPrincipals(s: Statement, open: boolean): boolean {
    return open || (s.principal?.aws.length ?? 0) > 0;
}
