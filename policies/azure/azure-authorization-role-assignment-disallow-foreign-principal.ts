import { isAzureText } from "../core/azure";
import { AZURE_BUILTIN_ROLES, GUID_PATTERN } from "../core/azure-roles";
import { REGISTRATION_DEFINITION, lighthousePrincipalIds, normalizeGuid } from "../core/lighthouse";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

// How a role assignment reveals a principal of another tenant:
// - `principalType: "ForeignGroup"`: a group of another tenant, e.g. a CSP partner's Admin Agents group (the
//   "foreign principal" that CSP subscriptions are created with, as Owner);
// - a principal id the customer lists as the MSP's (`foreignPrincipalIds`: the MSP's guest users, its multi-tenant
//   applications' service principals, its partner groups);
// - a principal id that a Lighthouse registration definition in the same stack names: the MSP's own principals,
//   which belong in the delegation, not in a direct assignment.
// `delegatedManagedIdentityResourceId` is not a sign of a foreign principal: Lighthouse sets it when the MSP's User
// Access Administrator assigns a role to a managed identity of the customer's own tenant.

export default defineStackPolicy({
    name: "azure-authorization-role-assignment-disallow-foreign-principal",
    title: "MSP principals get access only through Azure Lighthouse, never by direct role assignment",
    cloud: "azure",
    control: "msp-delegation",
    severity: "high",
    description:
        "A role assignment must not grant a role to a principal of another tenant — a ForeignGroup (a CSP partner's " +
        "Admin Agents), a principal listed in `foreignPrincipalIds`, or a principal that a Lighthouse registration " +
        "definition in this stack names. Direct assignments sit outside the delegation: they are not just-in-time, are not " +
        "shown with the MSP's other access, and survive removing the Lighthouse assignment.",
    remediation:
        "Remove the role assignment and give the MSP that access in its Lighthouse registration definition (privileged roles " +
        "as eligible authorizations with MFA). A principal that must keep a direct assignment for now (during a migration " +
        "off CSP foreign-principal access) goes in `allowedPrincipalIds`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.19" },
        { framework: "iso27001", version: "2022", id: "A.5.18" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ROLE_ASSIGNMENT, REGISTRATION_DEFINITION],
    config: {
        foreignPrincipalIds: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description:
                "Object ids of principals that belong to an MSP: its guest users in this tenant, its multi-tenant applications' service principals, its partner groups.",
        },
        allowedPrincipalIds: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Object ids of foreign principals that may keep a direct role assignment (an exception with an end date, e.g. during a migration to Lighthouse).",
        },
    },
    examples: {
        pass: [
            {
                title: "a role assignment to a principal of the customer's tenant",
                resources: [{ type: ROLE_ASSIGNMENT, name: "ops", props: { principalId: "00000000-0000-0000-0000-0000000000dd", principalType: "Group", roleDefinitionId: AZURE_BUILTIN_ROLES.reader, scope: "/subscriptions/00000000-0000-0000-0000-000000000001" } }],
            },
        ],
        fail: [
            {
                title: "a role assignment to a group of another tenant",
                resources: [{ type: ROLE_ASSIGNMENT, name: "msp", props: { principalId: "00000000-0000-0000-0000-0000000000ee", principalType: "ForeignGroup", roleDefinitionId: AZURE_BUILTIN_ROLES.reader, scope: "/subscriptions/00000000-0000-0000-0000-000000000001" } }],
            },
        ],
    },
    *check(stack, config) {
        const assignments = stack.ofType(ROLE_ASSIGNMENT);
        if (!assignments.length) return;
        const foreign = new Set(config.foreignPrincipalIds.map(normalizeGuid));
        for (const d of stack.ofType(REGISTRATION_DEFINITION)) for (const id of lighthousePrincipalIds(d.props)) foreign.add(id);
        const allowed = new Set(config.allowedPrincipalIds.map(normalizeGuid));
        for (const a of assignments) yield { urn: a.urn, verdict: judge(a, foreign, allowed) };
    },
});

const DIRECT =
    "is granted a role directly, outside Azure Lighthouse; give the MSP this access in its Lighthouse registration definition and remove the assignment (or list the principal in `allowedPrincipalIds`).";

function judge(a: StackResource<typeof ROLE_ASSIGNMENT>, foreign: ReadonlySet<string>, allowed: ReadonlySet<string>): Verdict {
    const principalType = a.props.get("principalType");
    const principalId = a.props.get("principalId");
    const foreignGroup = !principalType.isUnknown && isAzureText(principalType, "ForeignGroup");
    if (!principalId.isUnknown) {
        const text = principalId.text();
        const id = text !== undefined ? normalizeGuid(text) : undefined;
        if (id !== undefined && allowed.has(id)) return pass;
        if (foreignGroup) return fail(`\`principalType\` is ForeignGroup: a group of another tenant ${DIRECT}`);
        if (id !== undefined && foreign.has(id)) return fail(`\`principalId\` is an MSP's principal (listed in \`foreignPrincipalIds\` or named by a Lighthouse registration definition in this stack) and ${DIRECT}`);
        return principalType.isUnknown ? unknown(principalType) : pass;
    }
    // The principal id is computed. A ForeignGroup is foreign whatever its id (unless exceptions exist to compare with).
    if (foreignGroup) return allowed.size ? unknown(principalId) : fail(`\`principalType\` is ForeignGroup: a group of another tenant ${DIRECT}`);
    // An id computed from a resource of this stack (a group, a managed identity) is a principal of the customer's
    // tenant; with no foreign id to compare with there is nothing to decide either.
    if ((a.resource.propertyDependencies["principalId"] ?? []).length || !foreign.size) return principalType.isUnknown ? unknown(principalType) : pass;
    return unknown(principalId);
}
