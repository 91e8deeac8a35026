import type { PolicyResource } from "@pulumi/policy";
import { GUID_PATTERN, PRIVILEGED_ROLE_NAMES, classifyScope, isPrivilegedRole, normalizeScope, roleGuidOf } from "../core/azure-roles";
import { normalizeAzureId } from "../core/azure-ids";
import { defineStackPolicy, type StackReport } from "../core/policy-legacy";
import { type Props, isKnown, isObject, isTrue, knownItems, sameText } from "../core/values";

// PIM for Azure resources: an eligible assignment (PimRoleEligibilitySchedule — azure-native v3's name for the
// RoleEligibilityScheduleRequest API) is activated under the role management policy that Azure keeps for each
// (scope, role). Which policy governs which role is recorded by a RoleManagementPolicyAssignment (scope,
// roleDefinitionId, policyId): a RoleManagementPolicy itself does not name its role. MFA on activation is the
// enablement rule whose target is the end user's activation of an assignment ("Enablement_EndUser_Assignment").

const ELIGIBILITY = "azure-native:authorization:PimRoleEligibilitySchedule";
const POLICY = "azure-native:authorization:RoleManagementPolicy";
const POLICY_ASSIGNMENT = "azure-native:authorization:RoleManagementPolicyAssignment";

type Verdict = "mfa" | "no-mfa" | "unknown";

/** Whether a RoleManagementPolicy's rules require MFA when an end user activates an eligible assignment. */
function activationRequiresMfa(policy: PolicyResource, acceptAuthenticationContext: boolean): Verdict {
    if (!isKnown(policy.props, "rules")) return "unknown";
    const { items, anyUnknown } = knownItems(policy.props.rules);
    let unknown = anyUnknown;
    for (const rule of items) {
        if (!isObject(rule)) continue;
        if (!isKnown(rule, "ruleType")) {
            unknown = true;
            continue;
        }
        const enablement = sameText(rule.ruleType, "RoleManagementPolicyEnablementRule");
        const context = acceptAuthenticationContext && sameText(rule.ruleType, "RoleManagementPolicyAuthenticationContextRule");
        if (!enablement && !context) continue;
        const activation = targetsActivation(rule);
        if (activation === "unknown") unknown = true;
        if (activation !== "yes") continue;
        const requires = enablement ? enabledRulesHaveMfa(rule) : authenticationContextEnabled(rule);
        if (requires === "mfa") return "mfa";
        if (requires === "unknown") unknown = true;
    }
    return unknown ? "unknown" : "no-mfa";
}

function enabledRulesHaveMfa(rule: Props): Verdict {
    if (!isKnown(rule, "enabledRules")) return "unknown";
    const { items, anyUnknown } = knownItems(rule.enabledRules);
    if (items.some((e) => sameText(e, "MultiFactorAuthentication"))) return "mfa";
    return anyUnknown ? "unknown" : "no-mfa";
}

function authenticationContextEnabled(rule: Props): Verdict {
    if (!isKnown(rule, "isEnabled") || !isKnown(rule, "claimValue")) return "unknown";
    return isTrue(rule.isEnabled) && typeof rule.claimValue === "string" && rule.claimValue.trim() !== "" ? "mfa" : "no-mfa";
}

/**
 * Whether a rule applies to an end user activating an eligible assignment: by its `target` (caller EndUser, level
 * Assignment), else, when it has no target, by its well-known id `..._EndUser_Assignment`.
 */
function targetsActivation(rule: Props): "yes" | "no" | "unknown" {
    if (!isKnown(rule, "target")) return "unknown";
    const target = rule.target;
    if (isObject(target)) {
        if (!isKnown(target, "caller") || !isKnown(target, "level")) return "unknown";
        if (target.caller !== undefined || target.level !== undefined) {
            return sameText(target.caller, "EndUser") && sameText(target.level, "Assignment") ? "yes" : "no";
        }
    }
    if (!isKnown(rule, "id")) return "unknown";
    return typeof rule.id === "string" && /_enduser_assignment$/i.test(rule.id) ? "yes" : "no";
}

interface Governed {
    readonly policies: readonly PolicyResource[];
    /** An assignment or policy that might govern (scope, role) but whose fields are unknown during preview. */
    readonly unknown: PolicyResource | undefined;
}

export default defineStackPolicy({
    name: "azure-authorization-pim-role-eligibility-schedule-require-mfa",
    title: "PIM eligibility for privileged roles requires MFA on activation",
    cloud: "azure",
    control: "mfa",
    severity: "high",
    description:
        "A PIM eligible assignment of a privileged Azure role (" + PRIVILEGED_ROLE_NAMES + ") must be activated with " +
        "MFA: the role management policy for that role at that scope (in this stack, joined through its " +
        "RoleManagementPolicyAssignment) must enable `MultiFactorAuthentication` for end-user activation.",
    remediation:
        "In the RoleManagementPolicy that governs the role at the eligibility's scope, add a `RoleManagementPolicyEnablementRule` " +
        "with `target: { caller: \"EndUser\", level: \"Assignment\" }` and `enabledRules` containing `MultiFactorAuthentication`, and " +
        "declare the RoleManagementPolicyAssignment (scope, roleDefinitionId, policyId) that ties the policy to the role. " +
        "If the tenant's PIM settings are managed outside this stack, verify them and set `assumeTenantPimPolicyRequiresMfa`.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "1.1.2" },
        { framework: "iso27001", version: "2022", id: "A.8.5" },
        { framework: "iso27001", version: "2022", id: "A.8.2" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ELIGIBILITY, POLICY, POLICY_ASSIGNMENT],
    config: {
        extraPrivilegedRoleGuids: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Role definition GUIDs to treat as privileged besides Owner, Contributor, User Access Administrator and RBAC Administrator.",
        },
        assumeTenantPimPolicyRequiresMfa: {
            type: "boolean",
            default: false,
            description:
                "When no role management policy for the (scope, role) is in the stack: true trusts the tenant's PIM settings (managed elsewhere) to require MFA; false (default) reports the eligibility.",
        },
        acceptAuthenticationContext: {
            type: "boolean",
            default: false,
            description:
                "Also accept an enabled Conditional Access authentication context on activation (RoleManagementPolicyAuthenticationContextRule) in place of the MFA enablement rule; its Conditional Access policy must require MFA.",
        },
    },
    check(stack, config, report) {
        const eligibilities = stack.ofType(ELIGIBILITY);
        if (!eligibilities.length) return;
        const policies = stack.ofType(POLICY);
        const assignments = stack.ofType(POLICY_ASSIGNMENT);

        const policyByUrn = new Map(policies.map((p) => [p.urn, p]));
        // Policies by "<scope>/providers/microsoft.authorization/rolemanagementpolicies/<name>" (how policyId is written).
        const policyById = new Map<string, PolicyResource>();
        for (const p of policies) {
            for (const id of policyIds(p)) policyById.set(id, p);
        }

        // One pass over the assignments: the policies governing each (scope, role), and the assignments that might
        // govern one but whose fields are unknown during preview.
        const byKey = new Map<string, Set<PolicyResource>>();
        const pendingByKey = new Map<string, PolicyResource>();
        let pendingAny: PolicyResource | undefined;
        for (const a of assignments) {
            const aRole = isKnown(a.props, "scope") ? assignmentRole(a) : "unknown";
            if (aRole === "unknown") {
                pendingAny ??= a;
                continue;
            }
            if (aRole === undefined || typeof a.props.scope !== "string") continue;
            const key = `${normalizeScope(a.props.scope)}|${aRole}`;
            const deps = (a.propertyDependencies["policyId"] ?? []).map((d) => policyByUrn.get(d.urn)).filter((p): p is PolicyResource => p !== undefined);
            let target: readonly PolicyResource[] = deps;
            if (!deps.length) {
                if (!isKnown(a.props, "policyId")) {
                    if (!pendingByKey.has(key)) pendingByKey.set(key, a);
                    continue;
                }
                const byId = typeof a.props.policyId === "string" ? policyById.get(normalizeAzureId(a.props.policyId)) : undefined;
                target = byId ? [byId] : [];
            }
            let governingKey = byKey.get(key);
            if (!governingKey) byKey.set(key, (governingKey = new Set()));
            for (const p of target) governingKey.add(p);
        }
        const governing = (scope: string, role: string): Governed => {
            const key = `${scope}|${role}`;
            return { policies: [...(byKey.get(key) ?? [])], unknown: pendingByKey.get(key) ?? pendingAny };
        };

        // Each policy is judged (and reported) once, and each (scope, role) once, however many eligibilities share
        // them: the policy stays linear in the number of resources.
        const judgedPolicies = new Set<string>();
        const judgedKeys = new Set<string>();
        for (const e of eligibilities) {
            if (!isKnown(e.props, "roleDefinitionId")) {
                report.cannotKnow(e.urn, "`roleDefinitionId`");
                continue;
            }
            if (!isPrivilegedRole(e.props.roleDefinitionId, config.extraPrivilegedRoleGuids)) continue;
            if (!isKnown(e.props, "scope")) {
                report.cannotKnow(e.urn, "`scope`");
                continue;
            }
            const role = roleGuidOf(e.props.roleDefinitionId);
            if (role === undefined || typeof e.props.scope !== "string" || !classifyScope(e.props.scope)) continue;
            const scope = normalizeScope(e.props.scope);
            const key = `${scope}|${role}`;
            if ((byKey.get(key)?.size ?? 0) > 0 && judgedKeys.has(key)) continue;
            judgedKeys.add(key);
            checkEligibility(e, governing(scope, role), config, report, judgedPolicies);
        }
    },
});

function checkEligibility(
    e: PolicyResource,
    governed: Governed,
    config: { readonly assumeTenantPimPolicyRequiresMfa: boolean; readonly acceptAuthenticationContext: boolean },
    report: StackReport,
    judgedPolicies: Set<string>,
): void {
    if (!governed.policies.length) {
        if (governed.unknown) {
            report.cannotKnow(e.urn, "which role management policy governs its role (a RoleManagementPolicyAssignment's `scope`, `roleDefinitionId` or `policyId`)");
        } else if (!config.assumeTenantPimPolicyRequiresMfa) {
            report.violation(
                e.urn,
                "grants a privileged role as PIM eligibility, but no role management policy in this stack governs that role at this `scope`, so nothing here requires MFA on activation; " +
                    "declare the RoleManagementPolicy (with the MFA enablement rule for EndUser/Assignment) and its RoleManagementPolicyAssignment, " +
                    "or set `assumeTenantPimPolicyRequiresMfa` once the tenant's PIM settings are verified to require MFA.",
            );
        }
        return;
    }
    for (const policy of governed.policies) {
        if (judgedPolicies.has(policy.urn)) continue;
        judgedPolicies.add(policy.urn);
        const verdict = activationRequiresMfa(policy, config.acceptAuthenticationContext);
        if (verdict === "unknown") report.cannotKnow(policy.urn, "`rules`");
        else if (verdict === "no-mfa") {
            report.violation(
                policy.urn,
                "governs a privileged role that is granted as PIM eligibility in this stack, but its `rules` do not require MFA on activation; " +
                    "add a RoleManagementPolicyEnablementRule with `target` caller EndUser, level Assignment and `enabledRules` containing MultiFactorAuthentication.",
            );
        }
    }
}

/** The role GUID a RoleManagementPolicyAssignment is for: `roleDefinitionId`, else its name `<policyGuid>_<roleGuid>`. */
function assignmentRole(a: PolicyResource): string | undefined | "unknown" {
    if (!isKnown(a.props, "roleDefinitionId")) return "unknown";
    const fromId = roleGuidOf(a.props.roleDefinitionId);
    if (fromId) return fromId;
    if (!isKnown(a.props, "roleManagementPolicyAssignmentName")) return "unknown";
    const name = a.props.roleManagementPolicyAssignmentName;
    if (typeof name !== "string") return undefined;
    return roleGuidOf(name.split("_")[1]);
}

/** The ids a RoleManagementPolicy is known by, normalised: `<scope>/providers/Microsoft.Authorization/roleManagementPolicies/<name>`. */
function policyIds(p: PolicyResource): string[] {
    const ids: string[] = [];
    if (isKnown(p.props, "id") && typeof p.props.id === "string" && p.props.id !== "") ids.push(normalizeAzureId(p.props.id));
    if (isKnown(p.props, "scope") && isKnown(p.props, "roleManagementPolicyName")) {
        const { scope, roleManagementPolicyName: name } = p.props;
        if (typeof scope === "string" && typeof name === "string" && name !== "") {
            ids.push(normalizeAzureId(`${normalizeScope(scope).replace(/\/$/, "")}/providers/microsoft.authorization/rolemanagementpolicies/${name}`));
        }
    }
    return ids;
}
