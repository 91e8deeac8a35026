import { GUID_PATTERN, PRIVILEGED_ROLE_NAMES, classifyScope, isPrivilegedRole } from "../core/azure-roles";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isKnown } from "../core/values";

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
        { framework: "mcsb", version: "v2", id: "PA-1" },
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
    check({ props }, config, report) {
        // Decide from whichever of scope and role is known: a narrow scope or an unprivileged role passes without
        // reading the other (reading an unknown value makes the verdict "can't know during preview").
        if (isKnown(props, "scope")) {
            const scope = classifyScope(props.scope);
            if (scope && !BROAD_SCOPES.has(scope.kind)) return;
            if (!scope) {
                report("`scope` is not an ARM scope (`/subscriptions/<id>`, `/providers/Microsoft.Management/managementGroups/<id>`, ...); set it to the scope the role applies to.");
                return;
            }
        } else if (isKnown(props, "roleDefinitionId") && !isPrivilegedRole(props.roleDefinitionId, config.extraPrivilegedRoleGuids)) {
            return;
        }
        const scope = classifyScope(props.scope);
        if (!scope || !BROAD_SCOPES.has(scope.kind)) return;
        if (!isPrivilegedRole(props.roleDefinitionId, config.extraPrivilegedRoleGuids)) return;
        if (config.allowedPrincipalIds.length) {
            const principal = typeof props.principalId === "string" ? props.principalId.toLowerCase() : undefined;
            if (principal && config.allowedPrincipalIds.some((p) => p.toLowerCase() === principal)) return;
        }
        const where = scope.kind === "subscription" ? "a subscription" : scope.kind === "managementGroup" ? "a management group" : "the tenant root";
        report(
            `\`roleDefinitionId\` grants a privileged role (${PRIVILEGED_ROLE_NAMES} or a configured extra role) as a standing assignment at \`scope\` ${where}; ` +
                "grant it as PIM eligibility (PimRoleEligibilitySchedule) with MFA required on activation, or list the principal in `allowedPrincipalIds`.",
        );
    },
});
