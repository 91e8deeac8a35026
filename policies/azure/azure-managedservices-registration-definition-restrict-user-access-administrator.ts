import { pendingOn } from "../core/azure";
import { AZURE_BUILTIN_ROLES, GUID_PATTERN, PRIVILEGED_ROLE_NAMES, isPrivilegedRole } from "../core/azure-roles";
import { type Grant, REGISTRATION_DEFINITION, lighthouseGrants, roleOf } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { fail } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-managedservices-registration-definition-restrict-user-access-administrator",
    title: "Lighthouse User Access Administrator may only assign unprivileged roles",
    cloud: "azure",
    control: "msp-delegation",
    severity: "high",
    description:
        "Azure Lighthouse accepts User Access Administrator only as a permanent authorization limited to assigning the " +
        "roles in its `delegatedRoleDefinitionIds` to managed identities of the customer's tenant. Those roles must not " +
        "include a privileged role (" + PRIVILEGED_ROLE_NAMES + ", or a configured extra role): a managed identity " +
        "holding one would be a standing privileged foothold the MSP controls outside just-in-time activation.",
    remediation:
        "Give the User Access Administrator authorization `delegatedRoleDefinitionIds` that list only the unprivileged " +
        "built-in roles the MSP's automation needs (e.g. Log Analytics Contributor, Monitoring Contributor), and never make " +
        "it an eligible authorization.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.2" },
        { framework: "mcsb", version: "v1", id: "PA-7" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REGISTRATION_DEFINITION],
    config: {
        extraPrivilegedRoleGuids: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Role definition GUIDs to treat as privileged besides Owner, Contributor, User Access Administrator and RBAC Administrator.",
        },
    },
    examples: {
        pass: [
            {
                title: "User Access Administrator limited to assigning Reader",
                type: REGISTRATION_DEFINITION,
                props: {
                    scope: "/subscriptions/00000000-0000-0000-0000-000000000001",
                    properties: {
                        managedByTenantId: "00000000-0000-0000-0000-0000000000aa",
                        authorizations: [{ principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.userAccessAdministrator, delegatedRoleDefinitionIds: [AZURE_BUILTIN_ROLES.reader] }],
                    },
                },
            },
        ],
        fail: [
            {
                title: "User Access Administrator without `delegatedRoleDefinitionIds`",
                type: REGISTRATION_DEFINITION,
                props: {
                    scope: "/subscriptions/00000000-0000-0000-0000-000000000001",
                    properties: { managedByTenantId: "00000000-0000-0000-0000-0000000000aa", authorizations: [{ principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.userAccessAdministrator }] },
                },
            },
        ],
    },
    check({ props }, config) {
        const { grants, unknown } = lighthouseGrants(props);
        const pending: Value[] = [...unknown];
        const problems: string[] = [];
        for (const g of grants) {
            const role = g.entry.get("roleDefinitionId");
            pending.push(role);
            if (role.isUnknown || roleOf(role) !== AZURE_BUILTIN_ROLES.userAccessAdministrator) continue;
            const problem = judge(g, pending, config.extraPrivilegedRoleGuids);
            if (problem) problems.push(problem);
        }
        return problems.length ? fail(problems.join(" ")) : pendingOn(...pending);
    },
});

/** What is wrong with a User Access Administrator grant; the unknown values it needed go to `pending`. */
function judge(g: Grant, pending: Value[], extra: readonly string[]): string | undefined {
    if (g.list === "eligibleAuthorizations") {
        return `\`${g.path}\` makes User Access Administrator eligible; Lighthouse accepts it only as a permanent authorization limited by \`delegatedRoleDefinitionIds\` to unprivileged roles.`;
    }
    const delegated = g.entry.get("delegatedRoleDefinitionIds");
    if (delegated.isUnknown) {
        pending.push(delegated);
        return undefined;
    }
    const ids = Array.isArray(delegated.value) ? delegated.items() : [];
    if (!ids.length) {
        return `\`${g.path}\` grants User Access Administrator without \`delegatedRoleDefinitionIds\`; list the unprivileged roles it may assign to managed identities.`;
    }
    let privileged = false;
    for (const id of ids) {
        if (id.isUnknown) pending.push(id);
        else if (isPrivilegedRole(id.value, extra)) privileged = true;
    }
    if (!privileged) return undefined;
    return (
        `\`${g.path}.delegatedRoleDefinitionIds\` lets User Access Administrator assign a privileged role (${PRIVILEGED_ROLE_NAMES} or a configured extra role); ` +
        "limit it to unprivileged roles."
    );
}
