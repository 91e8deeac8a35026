import { type CustomRoleControl, GUID_PATTERN, classifyScope, customRoleControl, roleGuidOf } from "../core/azure-roles";
import { defineStackPolicy, type StackResource } from "../core/policy";
import type { Value } from "../core/read";
import { Join } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

// The custom-role half of azure-authorization-role-assignment-disallow-standing-privileged: that policy knows the
// privileged built-in roles by GUID; a custom role's GUID says nothing, so this one joins each role assignment to the
// RoleDefinition of the same stack it names (by property dependency — `roleDefinitionId: role.id` is unknown during
// preview — or by the GUID written out) and reads the role's permissions (core/azure-roles.ts customRoleControl).
// An assignment of a role defined elsewhere (a built-in, an existing custom role) is left to the built-in policy.

const ROLE_DEFINITION = "azure-native:authorization:RoleDefinition";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const BROAD_SCOPES: ReadonlySet<string> = new Set(["tenant", "managementGroup", "subscription"]);
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
const ROLE_GUID = "6f1a2c3d-0000-4000-8000-00000000c0de";

/** A role definition of the stack and what its permissions grant, read once however many assignments name it. */
interface Role {
    readonly name: string;
    readonly control: CustomRoleControl;
}

/** What an assignment's verdicts read of the assignment itself, once however many role definitions it names. */
interface Grant {
    readonly scope: Value;
    readonly principalId: Value;
}

function verdictOn(grant: Grant, role: Role, allowedPrincipalIds: readonly string[]): Verdict {
    const { control } = role;
    if (control.kind === "unprivileged") return pass;
    const scopeValue = grant.scope;
    if (scopeValue.isUnknown) return unknown(scopeValue);
    const scope = classifyScope(scopeValue.value);
    // A scope that is not an ARM scope is the built-in policy's finding; a narrow scope is not standing control.
    if (!scope || !BROAD_SCOPES.has(scope.kind)) return pass;
    if (control.kind === "unknown") return unknown(`the permissions of the custom role definition ${role.name}`);
    if (allowedPrincipalIds.length) {
        const principalId = grant.principalId;
        if (principalId.isUnknown) return unknown(principalId);
        const principal = principalId.text()?.trim().toLowerCase();
        if (principal && allowedPrincipalIds.some((p) => p.toLowerCase() === principal)) return pass;
    }
    const where = scope.kind === "subscription" ? "a subscription" : scope.kind === "managementGroup" ? "a management group" : "the tenant root";
    return fail(
        `\`roleDefinitionId\` names the custom role definition ${role.name} of this stack, which is privileged (${control.why}), ` +
            `as a standing assignment at \`scope\` ${where}; grant it as PIM eligibility (PimRoleEligibilitySchedule) with MFA ` +
            "required on activation, narrow the role's `actions`, or list the principal in `allowedPrincipalIds`.",
    );
}

export default defineStackPolicy({
    name: "azure-authorization-role-assignment-disallow-standing-custom-privileged",
    title: "No standing assignments of privileged custom roles at subscription or management-group scope",
    cloud: "azure",
    control: "mfa",
    severity: "high",
    description:
        "A custom role definition whose `actions` allow writing every resource type (`*`: as Contributor) or role " +
        "assignments (`Microsoft.Authorization/*`: as Owner or User Access Administrator), not taken away by its " +
        "`notActions`, is as privileged as the built-in roles: it must not be granted as a permanent role assignment at " +
        "subscription, management-group or tenant-root scope either. The assignment is joined to the RoleDefinition of " +
        "the same stack it names; built-in roles are checked by azure-authorization-role-assignment-disallow-standing-privileged.",
    remediation:
        "Grant the custom role as PIM eligibility (`azure-native:authorization:PimRoleEligibilitySchedule`) with MFA " +
        "required on activation, narrow its `actions` to what the job needs, or list a break-glass or pipeline identity " +
        "in `allowedPrincipalIds`.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "PA-1" },
        { framework: "iso27001", version: "2022", id: "A.8.2" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ROLE_ASSIGNMENT, ROLE_DEFINITION],
    config: {
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
                title: "a custom role limited to restarting VMs, assigned on a subscription",
                resources: [
                    { type: ROLE_DEFINITION, name: "restarter", props: { scope: SUB, roleName: "VM restarter", assignableScopes: [SUB], permissions: [{ actions: ["Microsoft.Compute/virtualMachines/restart/action"] }] } },
                    { type: ROLE_ASSIGNMENT, name: "ops", props: { scope: SUB, principalId: "00000000-0000-0000-0000-0000000000bb" }, propertyDependencies: { roleDefinitionId: ["restarter"] } },
                ],
            },
        ],
        fail: [
            {
                title: "a custom role with `*` actions assigned permanently on a subscription",
                resources: [
                    { type: ROLE_DEFINITION, name: "admin", props: { scope: SUB, roleName: "Subscription admin", assignableScopes: [SUB], permissions: [{ actions: ["*"] }] } },
                    { type: ROLE_ASSIGNMENT, name: "ops", props: { scope: SUB, principalId: "00000000-0000-0000-0000-0000000000bb" }, propertyDependencies: { roleDefinitionId: ["admin"] } },
                ],
            },
            {
                title: "a custom role that may write role assignments, named by its GUID, on a management group",
                resources: [
                    { type: ROLE_DEFINITION, name: "granter", props: { scope: SUB, roleDefinitionId: ROLE_GUID, roleName: "Granter", permissions: [{ actions: ["Microsoft.Authorization/*"] }] } },
                    {
                        type: ROLE_ASSIGNMENT,
                        name: "ops",
                        props: { scope: "/providers/Microsoft.Management/managementGroups/corp", principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_GUID}` },
                    },
                ],
            },
        ],
    },
    *check(stack, config) {
        const roles = stack.ofType(ROLE_DEFINITION);
        if (!roles.length) return;
        const byGuid = new Join(roles, (r) => {
            const guid = roleGuidOf(r.props.get("roleDefinitionId").text());
            return guid ? [guid] : [];
        });
        // One role may have many assignments (and role definitions may share a GUID): each role's permissions are
        // read once, and the roles a GUID names are looked at only when they may be privileged (the others pass).
        const read = new Map<StackResource<typeof ROLE_DEFINITION>, Role>();
        const roleOf = (r: StackResource<typeof ROLE_DEFINITION>): Role => {
            let role = read.get(r);
            if (!role) read.set(r, (role = { name: r.name, control: customRoleControl(r.props.get("permissions")) }));
            return role;
        };
        const mayBePrivileged = (roles: readonly StackResource<typeof ROLE_DEFINITION>[]): Role[] => roles.map(roleOf).filter((r) => r.control.kind !== "unprivileged");
        const byGuidPrivileged = new Map<string, readonly Role[]>();
        for (const assignment of stack.ofType(ROLE_ASSIGNMENT)) {
            const dependencies = byGuid.dependencies(assignment, "roleDefinitionId");
            let targets: readonly Role[];
            if (dependencies.length) targets = mayBePrivileged(dependencies);
            else {
                const guid = roleGuidOf(assignment.props.get("roleDefinitionId").text());
                if (!guid) continue;
                let named = byGuidPrivileged.get(guid);
                if (!named) byGuidPrivileged.set(guid, (named = mayBePrivileged(byGuid.lookup(guid))));
                targets = named;
            }
            if (!targets.length) continue;
            const grant: Grant = { scope: assignment.props.get("scope"), principalId: assignment.props.get("principalId") };
            for (const role of targets) yield { urn: assignment.urn, verdict: verdictOn(grant, role, config.allowedPrincipalIds) };
        }
    },
});
