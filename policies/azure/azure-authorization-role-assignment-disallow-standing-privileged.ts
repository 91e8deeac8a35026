import { AZURE_BUILTIN_ROLES, GUID_PATTERN, PRIVILEGED_ROLE_NAMES, classifyScope, isPrivilegedRole } from "../core/azure-roles";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const BROAD_SCOPES: ReadonlySet<string> = new Set(["tenant", "managementGroup", "subscription"]);

export default defineResourcePolicy({
    name: "azure-authorization-role-assignment-disallow-standing-privileged",
    title: "No standing privileged role assignments at subscription or management-group scope",
    cloud: "azure",
    control: "mfa",
    severity: "high",
    description:
        "Privileged Azure roles (" + PRIVILEGED_ROLE_NAMES + ") at subscription, management-group or tenant-root scope " +
        "must not be granted as permanent role assignments: grant them as PIM eligibility, so that every use is a " +
        "time-bound activation that requires MFA.",
    remediation:
        "Replace the RoleAssignment with an `azure-native:authorization:PimRoleEligibilitySchedule` (PIM eligibility) for " +
        "the same principal, role and scope, and require MFA on activation in the role's RoleManagementPolicy. A workload " +
        "identity that cannot activate PIM roles (a deployment pipeline) or a break-glass account goes in `allowedPrincipalIds`.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "PA-1" },
        { framework: "iso27001", version: "2022", id: "A.8.2" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:authorization:RoleAssignment"],
    config: {
        extraPrivilegedRoleGuids: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Role definition GUIDs to treat as privileged besides Owner, Contributor, User Access Administrator and RBAC Administrator (e.g. custom roles with `*` actions).",
        },
        allowedPrincipalIds: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Principal (object) ids that may hold standing privileged assignments: break-glass accounts, deployment identities that cannot use PIM.",
        },
    },
    examples: {
        pass: [
            {
                title: "Contributor on a resource group",
                type: "azure-native:authorization:RoleAssignment",
                props: { principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${AZURE_BUILTIN_ROLES.contributor}`, scope: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app" },
            },
            {
                title: "Reader on a subscription",
                type: "azure-native:authorization:RoleAssignment",
                props: { principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.reader, scope: "/subscriptions/00000000-0000-0000-0000-000000000001" },
            },
        ],
        fail: [
            {
                title: "standing Owner on a subscription",
                type: "azure-native:authorization:RoleAssignment",
                props: { principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.owner, scope: "/subscriptions/00000000-0000-0000-0000-000000000001" },
            },
        ],
    },
    check({ props }, config) {
        // Decide from whichever of scope and role is known: a narrow scope or an unprivileged role passes without
        // the other.
        const scopeValue = props.get("scope");
        const role = props.get("roleDefinitionId");
        if (scopeValue.isUnknown) {
            if (!role.isUnknown && !isPrivilegedRole(role.value, config.extraPrivilegedRoleGuids)) return pass;
            return unknown(scopeValue);
        }
        const scope = classifyScope(scopeValue.value);
        if (!scope) {
            return fail("`scope` is not an ARM scope (`/subscriptions/<id>`, `/providers/Microsoft.Management/managementGroups/<id>`, ...); set it to the scope the role applies to.");
        }
        if (!BROAD_SCOPES.has(scope.kind)) return pass;
        if (role.isUnknown) return unknown(role);
        if (!isPrivilegedRole(role.value, config.extraPrivilegedRoleGuids)) return pass;
        if (config.allowedPrincipalIds.length) {
            const principalId = props.get("principalId");
            if (principalId.isUnknown) return unknown(principalId);
            const principal = principalId.text()?.toLowerCase();
            if (principal && config.allowedPrincipalIds.some((p) => p.toLowerCase() === principal)) return pass;
        }
        const where = scope.kind === "subscription" ? "a subscription" : scope.kind === "managementGroup" ? "a management group" : "the tenant root";
        return fail(
            `\`roleDefinitionId\` grants a privileged role (${PRIVILEGED_ROLE_NAMES} or a configured extra role) as a standing assignment at \`scope\` ${where}; ` +
                "grant it as PIM eligibility (PimRoleEligibilitySchedule) with MFA required on activation, or list the principal in `allowedPrincipalIds`.",
        );
    },
});
