// Joins each MSP role's `permissionsBoundary` to what it names: an AWS managed policy (judged by its name) or a
// customer managed policy of the stack (`aws:iam/policy:Policy`, by property dependency first, then by the path and
// name in a literal ARN; judged by its document). A boundary ARN of a customer managed policy outside the stack cannot
// be read here and passes.

import type { PolicyResource } from "@pulumi/policy";
import {
    ADMINISTRATOR_POLICY_NAMES,
    adminStatementsText,
    POLICY,
    PolicyIndex,
    policyResourceVerdict,
} from "../core/iam-admin";
import { mspRoleIfKnown, ORGANIZATION_ACCOUNT_IDS } from "../core/msp";
import { defineStackPolicy } from "../core/policy-legacy";
import { isKnown } from "../core/values";

const ROLE = "aws:iam/role:Role";

/** A role's boundary: a violation message, an unknown (what), or fine. */
type Verdict = { readonly kind: "fail"; readonly message: string } | { readonly kind: "unknown"; readonly what: string } | { readonly kind: "pass" };

function judge(role: PolicyResource, policies: PolicyIndex): Verdict {
    const props = role.props;
    const known = isKnown(props, "permissionsBoundary");
    const hasDeps = (role.propertyDependencies["permissionsBoundary"] ?? []).length > 0;
    if (known) {
        const value = props.permissionsBoundary;
        if (value === undefined || value === null || value === "") {
            return {
                kind: "fail",
                message:
                    "`permissionsBoundary` is not set; set it to a customer managed policy that caps what the MSP can ever do " +
                    "in this account (the role's own policies can then only narrow it).",
            };
        }
    } else if (!hasDeps) {
        return { kind: "unknown", what: "`permissionsBoundary`" };
    }
    for (const target of policies.targets(role, "permissionsBoundary")) {
        switch (target.kind) {
            case "aws-managed-admin":
                return {
                    kind: "fail",
                    message:
                        `\`permissionsBoundary\` is the AWS managed policy ${target.name} (listed in \`administratorPolicyNames\`), ` +
                        "which bounds nothing; use a customer managed policy that allows only what the MSP's work needs.",
                };
            case "unknown":
                return { kind: "unknown", what: "`permissionsBoundary`" };
            case "policy": {
                const verdict = policyResourceVerdict(target.resource);
                if (verdict.kind === "admin") {
                    return {
                        kind: "fail",
                        message:
                            `\`permissionsBoundary\` names the customer managed policy "${target.resource.name}" whose ` +
                            `${adminStatementsText(verdict)}, so it bounds nothing; narrow that policy to what the MSP's work needs.`,
                    };
                }
                if (verdict.kind === "invalid") {
                    return {
                        kind: "fail",
                        message: `\`permissionsBoundary\` names the customer managed policy "${target.resource.name}" whose \`policy\` ${verdict.error}; write it as a JSON policy document.`,
                    };
                }
                if (verdict.kind === "unknown") return { kind: "unknown", what: `the \`policy\` of the boundary policy "${target.resource.name}"` };
                break;
            }
        }
    }
    return { kind: "pass" };
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
    check(stack, config, report) {
        const roles = stack.ofType(ROLE);
        if (!roles.length) return;
        const policies = new PolicyIndex(stack.ofType(POLICY), config.administratorPolicyNames);
        for (const role of roles) {
            const kind = mspRoleIfKnown(role.props, config.organizationAccountIds);
            if (kind.kind === "not-msp" || kind.kind === "invalid") continue;
            const verdict = judge(role, policies);
            if (verdict.kind === "pass") continue;
            if (kind.kind === "unknown") {
                // It would fail (or wait) if another account can assume it: that waits for the trust policy.
                report.cannotKnow(role.urn, "`assumeRolePolicy` (whether another account can assume the role)");
            } else if (verdict.kind === "fail") {
                report.violation(role.urn, verdict.message);
            } else {
                report.cannotKnow(role.urn, verdict.what);
            }
        }
    },
});
