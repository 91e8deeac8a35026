// Says once, for the whole stack, that the msp-delegation policies had to judge AWS principals without knowing the
// organisation: `organizationAccountIds` is not configured, and a role trusts principals of accounts that are not
// known to be the stack's own (core/msp.ts: with no own account known they are not counted as another account's; with
// some known — the provider's `allowedAccountIds`, ARNs the stack's resources use — the others are). Advisory: it
// never blocks; it says what to configure so that the MSP verdicts rest on the organisation, not on a guess.

import { readPolicyDocument } from "../core/iam";
import { guessedPrincipals, ORGANIZATION_ACCOUNT_IDS, stackOrganization } from "../core/msp";
import { defineStackPolicy, type StackExampleResource } from "../core/policy";
import { fail } from "../core/verdict";

const ROLE = "aws:iam/role:Role";

const trust = (principal: Readonly<Record<string, string>>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
const deployRole: StackExampleResource = { type: ROLE, name: "deploy", props: { assumeRolePolicy: trust({ AWS: "arn:aws:iam::111111111111:user/deployer" }) } };

export default defineStackPolicy({
    name: "aws-iam-role-configure-organization-accounts",
    title: "The organisation's AWS accounts are configured when roles trust AWS principals",
    cloud: "aws",
    control: "msp-delegation",
    severity: "low",
    description:
        "When roles of the stack trust AWS principals and `organizationAccountIds` is not configured, the msp-delegation " +
        "policies cannot tell the organisation's accounts from an MSP's: they take the accounts the stack is known to " +
        "deploy into (the provider's `allowedAccountIds`, the accounts of ARNs its resources use) as the organisation's, and " +
        "do not call a principal another account's when no such account is known. Said once per stack.",
    remediation:
        "List the organisation's own AWS account ids once in the shared settings (`aws.organizationAccountIds`, written into " +
        "every policy's config by `srguard config` or `packArgs({ settings })`), or in `organizationAccountIds` of each " +
        "msp-delegation policy.",
    frameworks: [],
    enforcementLevel: "advisory",
    resourceTypes: [ROLE],
    config: { ...ORGANIZATION_ACCOUNT_IDS },
    examples: {
        pass: [
            { title: "the organisation's accounts are configured", resources: [deployRole], config: { organizationAccountIds: ["111111111111"] } },
            { title: "roles trust only services", resources: [{ ...deployRole, props: { assumeRolePolicy: trust({ Service: "lambda.amazonaws.com" }) } }] },
        ],
        fail: [{ title: "a role trusts an IAM user, and the organisation's accounts are not configured", resources: [deployRole] }],
    },
    *check(stack, config) {
        if (config.organizationAccountIds.length) return;
        const roles = stack.ofType(ROLE);
        if (!roles.length) return;
        const organization = stackOrganization(stack, []);
        const guessed = roles.filter((role) => {
            const read = readPolicyDocument(role.props.get("assumeRolePolicy"));
            return read.kind === "document" && guessedPrincipals(read.document.statements, organization).length > 0;
        });
        const [first] = guessed;
        if (!first) return;
        const known = organization.accounts.size;
        const judged = known
            ? `principals of accounts other than the ${known === 1 ? "account" : `${known} accounts`} this stack is known to deploy into ` +
              "(its provider's `allowedAccountIds`, ARNs its resources use) count as another account's"
            : "no account of this stack is known, so the msp-delegation policies do not count them as another account's";
        yield {
            urn: first.urn,
            verdict: fail(
                `${guessed.length === 1 ? "this role trusts" : `${guessed.length} roles of this stack (this one first) trust`} AWS principals, ` +
                    `and \`organizationAccountIds\` is not configured: ${judged}. Configure the organisation's account ids once ` +
                    "(`aws.organizationAccountIds` in the shared settings) so that the MSP verdicts rest on the organisation.",
            ),
        };
    },
});
