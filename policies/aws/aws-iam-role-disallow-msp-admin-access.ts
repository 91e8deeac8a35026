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

import {
    ADMINISTRATOR_POLICY_NAMES,
    adminDocument,
    adminStatementsText,
    type DocumentVerdict,
    POLICY,
    PolicyIndex,
    policyResourceVerdict,
} from "../core/iam-admin";
import { type MspRole, mspRole, ORGANIZATION_ACCOUNT_IDS, stackOrganization, UNKNOWN_TRUST } from "../core/msp";
import { defineStackPolicy, type Finding, type StackResource } from "../core/policy";
import { Value } from "../core/read";
import { Join, type PropertyOf, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const ROLE = "aws:iam/role:Role";
/** The examples' organisation (the MSP's account is another). */
const EXAMPLE_CONFIG = { organizationAccountIds: ["111122223333"] };
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

const MSP_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:role/msp-operator" }, Action: "sts:AssumeRole" }],
});

// A grant is judged as a verdict for the roles it reaches: `fail` (one message: it grants administrator access),
// `unknown` (one description of the value it waits for) or `pass`.

function documentGrant(verdict: DocumentVerdict, property: string, unknownWhat: string): Verdict {
    switch (verdict.kind) {
        case "admin":
            return fail(
                `\`${property}\` ${adminStatementsText(verdict)}; an MSP role must not hold administrator-level permissions — ` +
                    "grant only the actions and resources the MSP's work needs.",
            );
        case "unknown":
            return unknown(unknownWhat);
        default:
            // An invalid document grants nothing (IAM refuses it).
            return pass;
    }
}

/** The administrator grants among the policies `from`'s `property` (an ARN or a list of ARNs) names. */
function arnGrants<F extends string>(from: StackResource<F>, property: PropertyOf<F>, policies: PolicyIndex): Verdict[] {
    return policies.targets(from, property).map((target): Verdict => {
        switch (target.kind) {
            case "aws-managed-admin":
                return fail(
                    `\`${property}\` attaches the AWS managed policy ${target.name} (listed in \`administratorPolicyNames\`); an MSP ` +
                        "role must not hold administrator-level permissions — attach ReadOnlyAccess or a customer managed policy " +
                        "scoped to the MSP's work instead.",
                );
            case "unknown":
                return unknown(`\`${property}\` of ${from.type.split(":").pop() ?? "a resource"} "${from.name}"`);
            case "policy": {
                const verdict = policyResourceVerdict(target.resource);
                if (verdict.kind === "admin") {
                    return fail(
                        `\`${property}\` attaches the customer managed policy "${target.resource.name}" whose ` +
                            `${adminStatementsText(verdict)}; an MSP role must not hold administrator-level permissions — narrow ` +
                            "that policy to the MSP's work.",
                    );
                }
                if (verdict.kind === "unknown") return unknown(`the \`policy\` of the policy "${target.resource.name}"`);
                return pass;
            }
        }
    });
}

function isObject(v: Value): boolean {
    return v.isSet && typeof v.value === "object" && !Array.isArray(v.value);
}

/** The role's own inline policies (`inlinePolicies[i].policy`). */
function inlineGrants(role: StackResource<typeof ROLE>): Verdict[] {
    const list = role.props.get("inlinePolicies");
    if (list.isUnknown) return [unknown("`inlinePolicies`")];
    if (!Array.isArray(list.value)) return [];
    return list.items().flatMap((item, i): Verdict[] => {
        const path = `inlinePolicies[${i}].policy`;
        if (item.isUnknown) return [unknown(`\`inlinePolicies[${i}]\``)];
        if (!isObject(item)) return [];
        const policy = item.get("policy");
        if (policy.isUnknown) return [unknown(`\`${path}\``)];
        return [documentGrant(adminDocument(policy), path, `\`${path}\``)];
    });
}

/** The roles a property refers to: one name (`role`, `roleName`) or a list of names (`roles`). */
type RoleRef = { readonly kind: "roles"; readonly roles: readonly StackResource<typeof ROLE>[] } | { readonly kind: "unknown" };

function roleRefs<F extends string>(from: StackResource<F>, property: PropertyOf<F>, index: Join<typeof ROLE>): RoleRef {
    const deps = index.dependencies(from, property);
    const value = (from.props as Value<Readonly<Record<string, unknown>>>).get(property);
    if (value.isUnknown) return deps.length ? { kind: "roles", roles: deps } : { kind: "unknown" };
    const roles = new Set(deps);
    let unknownElement = false;
    for (const item of value.items()) {
        if (item.isUnknown) {
            unknownElement = true;
            continue;
        }
        const name = item.text();
        if (name !== undefined) index.lookup(name).forEach((r) => roles.add(r));
    }
    // An unknown element is one of the dependencies when there are any; otherwise it may be any role.
    if (unknownElement && !deps.length) return { kind: "unknown" };
    return { kind: "roles", roles: [...roles] };
}

/** The one description an unknown grant verdict carries (core/verdict.ts keeps string needs as they are). */
function what(verdict: Verdict): string {
    return verdict.kind === "unknown" ? verdict.needs.map((n) => (typeof n === "string" ? n : n.path)).join(", ") : "";
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
    examples: {
        pass: [
            {
                title: "an MSP role with ReadOnlyAccess",
                config: EXAMPLE_CONFIG,
                resources: [{ type: ROLE, name: "msp", props: { assumeRolePolicy: MSP_TRUST, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] } }],
            },
        ],
        fail: [
            {
                title: "an MSP role with AdministratorAccess attached",
                config: EXAMPLE_CONFIG,
                resources: [
                    { type: ROLE, name: "msp", props: { name: "msp", assumeRolePolicy: MSP_TRUST } },
                    {
                        type: ROLE_POLICY_ATTACHMENT,
                        name: "msp-admin",
                        props: { role: "msp", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
                        propertyDependencies: { role: ["msp"] },
                    },
                ],
            },
        ],
    },
    *check(stack, config) {
        const roles = stack.ofType(ROLE);
        if (!roles.length) return;
        const organization = stackOrganization(stack, config.organizationAccountIds);
        const policies = new PolicyIndex(stack.ofType(POLICY), config.administratorPolicyNames);
        // By `name`, and by the engine's `id` (not an input: present on resources read from state).
        const roleIndex = new Join(roles, (r) => texts(r.props.get("name"), Value.of(r.resource.props, "id")));
        const kinds = new Map<string, MspRole>(roles.map((r) => [r.urn, mspRole(r.props.get("assumeRolePolicy"), organization)]));
        const anyMsp = [...kinds.values()].some((k) => k.kind === "msp" || k.kind === "unknown");
        if (!anyMsp) return;

        const reported = new Set<string>();
        const once = (urn: string, verdict: Verdict, key: string): Finding[] => {
            const k = `${verdict.kind}\n${urn}\n${key}`;
            if (reported.has(k)) return [];
            reported.add(k);
            return [{ urn, verdict }];
        };
        const cannotKnow = (urn: string, description: string) => once(urn, unknown(description), description);

        /** The findings of the grants of `source` on the roles it reaches. */
        const apply = (source: { readonly urn: string }, targets: RoleRef, grants: () => readonly Verdict[]): Finding[] => {
            if (targets.kind === "unknown") {
                // Which role it reaches waits for a value: only an administrator (or unknown) grant makes that matter.
                return grants().some((g) => g.kind !== "pass") ? cannotKnow(source.urn, "the role it attaches to") : [];
            }
            const msp = targets.roles.filter((r) => kinds.get(r.urn)?.kind === "msp");
            const undecided = targets.roles.filter((r) => kinds.get(r.urn)?.kind === "unknown");
            if (!msp.length && !undecided.length) return [];
            const out: Finding[] = [];
            for (const g of grants()) {
                if (g.kind === "pass") continue;
                for (const role of undecided) out.push(...cannotKnow(role.urn, UNKNOWN_TRUST));
                if (g.kind === "unknown") {
                    for (const role of msp) out.push(...cannotKnow(role.urn, what(g)));
                    continue;
                }
                if (msp.length) out.push(...once(source.urn, g, g.messages.join("\n")));
            }
            return out;
        };

        for (const role of roles) {
            const self: RoleRef = { kind: "roles", roles: [role] };
            yield* apply(role, self, () => arnGrants(role, "managedPolicyArns", policies));
            yield* apply(role, self, () => inlineGrants(role));
        }
        for (const a of stack.ofType(ROLE_POLICY_ATTACHMENT)) {
            yield* apply(a, roleRefs(a, "role", roleIndex), () => arnGrants(a, "policyArn", policies));
        }
        for (const a of stack.ofType(POLICY_ATTACHMENT)) {
            yield* apply(a, roleRefs(a, "roles", roleIndex), () => arnGrants(a, "policyArn", policies));
        }
        for (const a of stack.ofType(ROLE_POLICY_ATTACHMENTS_EXCLUSIVE)) {
            yield* apply(a, roleRefs(a, "roleName", roleIndex), () => arnGrants(a, "policyArns", policies));
        }
        for (const p of stack.ofType(ROLE_POLICY)) {
            yield* apply(p, roleRefs(p, "role", roleIndex), () => {
                const policy = p.props.get("policy");
                const description = `\`policy\` of RolePolicy "${p.name}"`;
                if (policy.isUnknown) return [unknown(description)];
                return [documentGrant(adminDocument(policy), "policy", description)];
            });
        }
    },
});
