import { AZURE_BUILTIN_ROLES, GUID_PATTERN, PRIVILEGED_ROLE_NAMES, isPrivilegedRole } from "../core/azure-roles";
import { KnownValues } from "../core/known";
import { type Grant, REGISTRATION_DEFINITION, grantRole, lighthouseGrants } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isKnown } from "../core/values";

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
    check({ props }, config, report) {
        const kv = new KnownValues();
        const problems: string[] = [];
        for (const g of lighthouseGrants(props, kv)) {
            if (grantRole(g, kv) !== AZURE_BUILTIN_ROLES.userAccessAdministrator) continue;
            const problem = judge(g, kv, config.extraPrivilegedRoleGuids);
            if (problem) problems.push(problem);
        }
        if (problems.length) {
            report(problems.join(" "));
            return;
        }
        kv.settle();
    },
});

function judge(g: Grant, kv: KnownValues, extra: readonly string[]): string | undefined {
    if (g.list === "eligibleAuthorizations") {
        return `\`${g.path}\` makes User Access Administrator eligible; Lighthouse accepts it only as a permanent authorization limited by \`delegatedRoleDefinitionIds\` to unprivileged roles.`;
    }
    const d = kv.get(g.entry, "delegatedRoleDefinitionIds");
    if (!d.known) return undefined;
    const ids: readonly unknown[] = Array.isArray(d.value) ? d.value : [];
    if (!ids.length) {
        return `\`${g.path}\` grants User Access Administrator without \`delegatedRoleDefinitionIds\`; list the unprivileged roles it may assign to managed identities.`;
    }
    let privileged = false;
    for (let i = 0; i < ids.length; i++) {
        if (!isKnown(ids, String(i))) {
            kv.defer(() => ids[i]);
            continue;
        }
        if (isPrivilegedRole(ids[i], extra)) privileged = true;
    }
    if (!privileged) return undefined;
    return (
        `\`${g.path}.delegatedRoleDefinitionIds\` lets User Access Administrator assign a privileged role (${PRIVILEGED_ROLE_NAMES} or a configured extra role); ` +
        "limit it to unprivileged roles."
    );
}
