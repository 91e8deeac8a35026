// Joins each MSP role's `permissionsBoundary` to what it names: an AWS managed policy (judged by its name) or a
// customer managed policy of the stack (`aws:iam/policy:Policy`, by property dependency first, then by the path and
// name in a literal ARN; judged by its document). A boundary ARN of a customer managed policy outside the stack cannot
// be read here and passes.

import {
    ADMINISTRATOR_POLICY_NAMES,
    adminStatementsText,
    POLICY,
    PolicyIndex,
    policyResourceVerdict,
} from "../core/iam-admin";
import { mspRole, ORGANIZATION_ACCOUNT_IDS, stackOrganization, UNKNOWN_TRUST } from "../core/msp";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const ROLE = "aws:iam/role:Role";
/** The examples' organisation (the MSP's account is another). */
const EXAMPLE_CONFIG = { organizationAccountIds: ["111122223333"] };

const MSP_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:role/msp-operator" }, Action: "sts:AssumeRole" }],
});
const NARROW = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ec2:Describe*", "cloudwatch:Get*"], Resource: "*" }] });

function judge(role: StackResource<typeof ROLE>, policies: PolicyIndex): Verdict {
    const boundary = role.props.get("permissionsBoundary");
    const hasDeps = (role.resource.propertyDependencies["permissionsBoundary"] ?? []).length > 0;
    if (boundary.isUnset || boundary.text() === "") {
        return fail(
            "`permissionsBoundary` is not set; set it to a customer managed policy that caps what the MSP can ever do " +
                "in this account (the role's own policies can then only narrow it).",
        );
    }
    if (boundary.isUnknown && !hasDeps) return unknown("`permissionsBoundary`");
    for (const target of policies.targets(role, "permissionsBoundary")) {
        switch (target.kind) {
            case "aws-managed-admin":
                return fail(
                    `\`permissionsBoundary\` is the AWS managed policy ${target.name} (listed in \`administratorPolicyNames\`), ` +
                        "which bounds nothing; use a customer managed policy that allows only what the MSP's work needs.",
                );
            case "unknown":
                return unknown("`permissionsBoundary`");
            case "policy": {
                const verdict = policyResourceVerdict(target.resource);
                if (verdict.kind === "admin") {
                    return fail(
                        `\`permissionsBoundary\` names the customer managed policy "${target.resource.name}" whose ` +
                            `${adminStatementsText(verdict)}, so it bounds nothing; narrow that policy to what the MSP's work needs.`,
                    );
                }
                if (verdict.kind === "invalid") {
                    return fail(
                        `\`permissionsBoundary\` names the customer managed policy "${target.resource.name}" whose \`policy\` ${verdict.error}; write it as a JSON policy document.`,
                    );
                }
                if (verdict.kind === "unknown") return unknown(`the \`policy\` of the boundary policy "${target.resource.name}"`);
                break;
            }
        }
    }
    return pass;
}

export default defineStackPolicy({
    name: "aws-iam-role-require-msp-permissions-boundary",
    title: "MSP roles have a permissions boundary that is not an administrator policy",
    cloud: "aws",
    control: "msp-delegation",
    severity: "high",
    description:
        "A role that principals of another AWS account can assume (an MSP role) must have a permissions boundary " +
        "(`permissionsBoundary`), so that whatever policies are attached to it later — by mistake, or by an attacker who " +
        "took over the MSP — it can never do more than the boundary allows. The boundary must not itself be an administrator " +
        "policy (an AWS managed policy in `administratorPolicyNames`, or a customer managed policy of the stack whose document " +
        "allows `*`, `iam:*` or NotAction on every resource).",
    remediation:
        "Create an `aws.iam.Policy` that allows only the services and actions the MSP's work needs (e.g. read-only plus " +
        "the few write actions agreed in the contract) and set the role's `permissionsBoundary` to its ARN " +
        "(`boundary.arn`). Never use AdministratorAccess, PowerUserAccess or IAMFullAccess as a boundary.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.2" },
        { framework: "iso27001", version: "2022", id: "A.5.18" },
        { framework: "iso27001", version: "2022", id: "A.5.19" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ROLE, POLICY],
    config: {
        ...ORGANIZATION_ACCOUNT_IDS,
        ...ADMINISTRATOR_POLICY_NAMES,
    },
    examples: {
        pass: [
            {
                title: "an MSP role bounded by a narrow policy of the stack",
                resources: [
                    { type: POLICY, name: "msp-boundary", props: { name: "msp-boundary", policy: NARROW } },
                    { type: ROLE, name: "msp", props: { assumeRolePolicy: MSP_TRUST, permissionsBoundary: "arn:aws:iam::111122223333:policy/msp-boundary" } },
                ],
            },
        ],
        fail: [
            { title: "an MSP role without a permissions boundary", config: EXAMPLE_CONFIG, resources: [{ type: ROLE, name: "msp", props: { assumeRolePolicy: MSP_TRUST } }] },
            {
                title: "an MSP role bounded by AdministratorAccess",
                config: EXAMPLE_CONFIG,
                resources: [{ type: ROLE, name: "msp", props: { assumeRolePolicy: MSP_TRUST, permissionsBoundary: "arn:aws:iam::aws:policy/AdministratorAccess" } }],
            },
        ],
    },
    *check(stack, config) {
        const roles = stack.ofType(ROLE);
        if (!roles.length) return;
        const organization = stackOrganization(stack, config.organizationAccountIds);
        const policies = new PolicyIndex(stack.ofType(POLICY), config.administratorPolicyNames);
        for (const role of roles) {
            const kind = mspRole(role.props.get("assumeRolePolicy"), organization);
            if (kind.kind === "not-msp" || kind.kind === "invalid") continue;
            const verdict = judge(role, policies);
            if (verdict.kind === "pass") continue;
            // It would fail (or wait) if another account can assume it: that waits for the trust policy.
            yield { urn: role.urn, verdict: kind.kind === "unknown" ? unknown(UNKNOWN_TRUST) : verdict };
        }
    },
});
