// Every route by which a permission policy reaches an IAM role, joined to the role by property dependency first, then
// by the role name written out; never by resource order:
// - the role's own `managedPolicyArns` and `inlinePolicies`;
// - `aws:iam/rolePolicyAttachment:RolePolicyAttachment` (`role`, `policyArn`);
// - `aws:iam/policyAttachment:PolicyAttachment` (`roles`, `policyArn`);
// - `aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive` (`roleName`, `policyArns`: it attaches the
//   listed policies and detaches the others);
// - `aws:iam/rolePolicy:RolePolicy` (`role`, `policy`).
// (`aws:iam/rolePoliciesExclusive:RolePoliciesExclusive` only names inline policies that RolePolicy resources define:
// it grants nothing of its own.)
// A policy ARN is an AWS managed administrator policy by its name, or a customer managed policy of the stack
// (`aws:iam/policy:Policy`) judged by its document; a customer managed policy outside the stack cannot be read here.
// The violation is reported on the resource that grants (where the fix is); a grant whose verdict waits for an unknown
// value makes only that role "can't decide".

import type { PolicyResource } from "@pulumi/policy";
import {
    ADMINISTRATOR_POLICY_NAMES,
    adminDocument,
    adminStatementsText,
    type DocumentVerdict,
    POLICY,
    PolicyIndex,
    policyResourceVerdict,
} from "../core/iam-admin";
import { type MspRole, mspRoleIfKnown, ORGANIZATION_ACCOUNT_IDS } from "../core/msp";
import { defineStackPolicy } from "../core/policy-legacy";
import { JoinIndex, knownStrings } from "../core/stack";
import { isKnown, isObject } from "../core/values";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

/** What one grant does for the role it reaches. */
type Grant = { readonly kind: "admin"; readonly message: string } | { readonly kind: "unknown"; readonly what: string } | { readonly kind: "none" };

const NONE: Grant = { kind: "none" };

function documentGrant(verdict: DocumentVerdict, property: string, unknownWhat: string): Grant {
    switch (verdict.kind) {
        case "admin":
            return {
                kind: "admin",
                message:
                    `\`${property}\` ${adminStatementsText(verdict)}; an MSP role must not hold administrator-level permissions — ` +
                    "grant only the actions and resources the MSP's work needs.",
            };
        case "unknown":
            return { kind: "unknown", what: unknownWhat };
        default:
            // An invalid document grants nothing (IAM refuses it).
            return NONE;
    }
}

/** The administrator grants among the policies `from.props[property]` (an ARN or a list of ARNs) names. */
function arnGrants(from: PolicyResource, property: string, policies: PolicyIndex): Grant[] {
    return policies.targets(from, property).map((target): Grant => {
        switch (target.kind) {
            case "aws-managed-admin":
                return {
                    kind: "admin",
                    message:
                        `\`${property}\` attaches the AWS managed policy ${target.name} (listed in \`administratorPolicyNames\`); an MSP ` +
                        "role must not hold administrator-level permissions — attach ReadOnlyAccess or a customer managed policy " +
                        "scoped to the MSP's work instead.",
                };
            case "unknown":
                return { kind: "unknown", what: `\`${property}\` of ${from.type.split(":").pop() ?? "a resource"} "${from.name}"` };
            case "policy": {
                const verdict = policyResourceVerdict(target.resource);
                if (verdict.kind === "admin") {
                    return {
                        kind: "admin",
                        message:
                            `\`${property}\` attaches the customer managed policy "${target.resource.name}" whose ` +
                            `${adminStatementsText(verdict)}; an MSP role must not hold administrator-level permissions — narrow ` +
                            "that policy to the MSP's work.",
                    };
                }
                if (verdict.kind === "unknown") return { kind: "unknown", what: `the \`policy\` of the policy "${target.resource.name}"` };
                return NONE;
            }
        }
    });
}

/** The role's own inline policies (`inlinePolicies[i].policy`). */
function inlineGrants(role: PolicyResource): Grant[] {
    const props = role.props;
    if (!isKnown(props, "inlinePolicies")) return [{ kind: "unknown", what: "`inlinePolicies`" }];
    const list: unknown = props.inlinePolicies;
    if (!Array.isArray(list)) return [];
    const items = list as readonly unknown[];
    const out: Grant[] = [];
    for (let i = 0; i < items.length; i++) {
        const path = `inlinePolicies[${i}].policy`;
        if (!isKnown(items, String(i))) {
            out.push({ kind: "unknown", what: `\`inlinePolicies[${i}]\`` });
            continue;
        }
        const item: unknown = items[i];
        if (!isObject(item)) continue;
        if (!isKnown(item, "policy")) {
            out.push({ kind: "unknown", what: `\`${path}\`` });
            continue;
        }
        out.push(documentGrant(adminDocument(item.policy), path, `\`${path}\``));
    }
    return out;
}

/** The roles a property refers to: one name (`role`, `roleName`) or a list of names (`roles`). */
type RoleRef = { readonly kind: "roles"; readonly roles: readonly PolicyResource[] } | { readonly kind: "unknown" };

function roleRefs(from: PolicyResource, property: string, index: JoinIndex): RoleRef {
    const deps = index.dependencies(from, property);
    if (!isKnown(from.props, property)) return deps.length ? { kind: "roles", roles: deps } : { kind: "unknown" };
    const value: unknown = from.props[property];
    const items: readonly unknown[] = Array.isArray(value) ? (value as readonly unknown[]) : value === undefined || value === null ? [] : [value];
    const roles = new Set<PolicyResource>(deps);
    let unknown = false;
    for (let i = 0; i < items.length; i++) {
        if (!isKnown(items, String(i))) {
            unknown = true;
            continue;
        }
        const item = items[i];
        if (typeof item === "string") index.lookup(item).forEach((r) => roles.add(r));
    }
    // An unknown element is one of the dependencies when there are any; otherwise it may be any role.
    if (unknown && !deps.length) return { kind: "unknown" };
    return { kind: "roles", roles: [...roles] };
}

export default defineStackPolicy({
    name: "aws-iam-role-disallow-msp-admin-access",
    title: "MSP roles hold no administrator-level permissions, by any route",
    cloud: "aws",
    control: "msp-delegation",
    severity: "critical",
    description:
        "A role that principals of another AWS account can assume (an MSP role) must not receive administrator-level " +
        "permissions by any route — AWS managed AdministratorAccess, PowerUserAccess or IAMFullAccess (`administratorPolicyNames`), " +
        "or a policy document that allows `*` on every resource, every IAM action (`iam:*`), or NotAction on every resource — " +
        "whether through the role's `managedPolicyArns` or `inlinePolicies`, a RolePolicyAttachment, PolicyAttachment, " +
        "RolePolicyAttachmentsExclusive or RolePolicy. Standing administrator access for a supplier is how one compromised " +
        "MSP becomes every customer's incident.",
    remediation:
        "Detach the administrator policy (or remove the `*`, `iam:*` or NotAction statement) and grant the MSP only what its " +
        "work needs: ReadOnlyAccess or ViewOnlyAccess plus a customer managed policy with the few write actions agreed in the " +
        "contract, scoped to the resources concerned. Keep emergency administrator access in a break-glass role that is only " +
        "deployed while an incident needs it.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.2" },
        { framework: "cis-aws", version: "3.0.0", id: "1.16" },
        { framework: "aws-fsbp", version: "1.0.0", id: "IAM.1" },
        { framework: "iso27001", version: "2022", id: "A.5.18" },
        { framework: "iso27001", version: "2022", id: "A.5.19" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ROLE, ROLE_POLICY_ATTACHMENT, POLICY_ATTACHMENT, ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, ROLE_POLICY, POLICY],
    config: {
        ...ORGANIZATION_ACCOUNT_IDS,
        ...ADMINISTRATOR_POLICY_NAMES,
    },
    check(stack, config, report) {
        const roles = stack.ofType(ROLE);
        if (!roles.length) return;
        const policies = new PolicyIndex(stack.ofType(POLICY), config.administratorPolicyNames);
        const roleIndex = new JoinIndex(roles, (r) => knownStrings(r, "name", "id"));
        const kinds = new Map<string, MspRole>(roles.map((r) => [r.urn, mspRoleIfKnown(r.props, config.organizationAccountIds)]));
        const anyMsp = [...kinds.values()].some((k) => k.kind === "msp" || k.kind === "unknown");
        if (!anyMsp) return;

        const violations = new Set<string>();
        const advisories = new Set<string>();
        const cannotKnow = (urn: string, what: string) => {
            const key = `${urn}\n${what}`;
            if (advisories.has(key)) return;
            advisories.add(key);
            report.cannotKnow(urn, what);
        };

        /** Applies the grants of `source` to the roles it reaches. */
        const apply = (source: PolicyResource, targets: RoleRef, grants: () => readonly Grant[]) => {
            if (targets.kind === "unknown") {
                // Which role it reaches waits for a value: only an administrator (or unknown) grant makes that matter.
                if (grants().some((g) => g.kind !== "none")) cannotKnow(source.urn, "the role it attaches to");
                return;
            }
            const msp = targets.roles.filter((r) => kinds.get(r.urn)?.kind === "msp");
            const undecided = targets.roles.filter((r) => kinds.get(r.urn)?.kind === "unknown");
            if (!msp.length && !undecided.length) return;
            const found = grants();
            for (const g of found) {
                if (g.kind === "none") continue;
                for (const role of undecided) cannotKnow(role.urn, "`assumeRolePolicy` (whether another account can assume the role)");
                if (g.kind === "unknown") {
                    for (const role of msp) cannotKnow(role.urn, g.what);
                    continue;
                }
                if (!msp.length) continue;
                const key = `${source.urn}\n${g.message}`;
                if (violations.has(key)) continue;
                violations.add(key);
                report.violation(source.urn, g.message);
            }
        };

        for (const role of roles) {
            const self: RoleRef = { kind: "roles", roles: [role] };
            apply(role, self, () => arnGrants(role, "managedPolicyArns", policies));
            apply(role, self, () => inlineGrants(role));
        }
        for (const a of stack.ofType(ROLE_POLICY_ATTACHMENT)) {
            apply(a, roleRefs(a, "role", roleIndex), () => arnGrants(a, "policyArn", policies));
        }
        for (const a of stack.ofType(POLICY_ATTACHMENT)) {
            apply(a, roleRefs(a, "roles", roleIndex), () => arnGrants(a, "policyArn", policies));
        }
        for (const a of stack.ofType(ROLE_POLICY_ATTACHMENTS_EXCLUSIVE)) {
            apply(a, roleRefs(a, "roleName", roleIndex), () => arnGrants(a, "policyArns", policies));
        }
        for (const p of stack.ofType(ROLE_POLICY)) {
            apply(p, roleRefs(p, "role", roleIndex), () => {
                if (!isKnown(p.props, "policy")) return [{ kind: "unknown", what: `\`policy\` of RolePolicy "${p.name}"` }];
                return [documentGrant(adminDocument(p.props.policy), "policy", `\`policy\` of RolePolicy "${p.name}"`)];
            });
        }
    },
});
