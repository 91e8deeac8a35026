import { isAzureText, isObjectValue } from "../core/azure";
import { AZURE_BUILTIN_ROLES, GUID_PATTERN, PRIVILEGED_ROLE_NAMES, classifyScope, isPrivilegedRole, normalizeScope, roleGuidOf } from "../core/azure-roles";
import { normalizeAzureId } from "../core/azure-ids";
import { defineStackPolicy, type Finding, type StackResource } from "../core/policy";
import { type ItemOf, type Shape, Value } from "../core/read";
import type { ResourceArgs } from "../core/resource-types.generated";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

// PIM for Azure resources: an eligible assignment (PimRoleEligibilitySchedule — azure-native v3's name for the
// RoleEligibilityScheduleRequest API) is activated under the role management policy that Azure keeps for each
// (scope, role). Which policy governs which role is recorded by a RoleManagementPolicyAssignment (scope,
// roleDefinitionId, policyId): a RoleManagementPolicy itself does not name its role. MFA on activation is the
// enablement rule whose target is the end user's activation of an assignment ("Enablement_EndUser_Assignment").

const ELIGIBILITY = "azure-native:authorization:PimRoleEligibilitySchedule";
const POLICY = "azure-native:authorization:RoleManagementPolicy";
const POLICY_ASSIGNMENT = "azure-native:authorization:RoleManagementPolicyAssignment";

type RoleManagementPolicy = StackResource<typeof POLICY>;
type Rule = Value<ItemOf<Shape<ResourceArgs[typeof POLICY]>["rules"]>>;

/** An internal "no" (a rule that does not apply, a setting that does not require MFA): never shown. */
const NO = fail("no");
const NO_MFA = fail(
    "governs a privileged role that is granted as PIM eligibility in this stack, but its `rules` do not require MFA on activation; " +
        "add a RoleManagementPolicyEnablementRule with `target` caller EndUser, level Assignment and `enabledRules` containing MultiFactorAuthentication.",
);
const RULES_UNKNOWN = unknown("`rules`");

/** Whether a RoleManagementPolicy's rules require MFA when an end user activates an eligible assignment. */
function activationRequiresMfa(policy: RoleManagementPolicy, acceptAuthenticationContext: boolean): Verdict {
    const rules = policy.props.get("rules");
    if (rules.isUnknown) return RULES_UNKNOWN;
    let undecided = false;
    for (const rule of rules.items()) {
        if (rule.isUnknown) {
            undecided = true;
            continue;
        }
        if (!isObjectValue(rule)) continue;
        const ruleType = rule.get("ruleType");
        if (ruleType.isUnknown) {
            undecided = true;
            continue;
        }
        const enablement = isAzureText(ruleType, "RoleManagementPolicyEnablementRule");
        const context = acceptAuthenticationContext && isAzureText(ruleType, "RoleManagementPolicyAuthenticationContextRule");
        if (!enablement && !context) continue;
        const activation = targetsActivation(rule);
        if (activation.kind === "unknown") undecided = true;
        if (activation.kind !== "pass") continue;
        const requires = enablement ? enabledRulesHaveMfa(rule) : authenticationContextEnabled(rule);
        if (requires.kind === "pass") return pass;
        if (requires.kind === "unknown") undecided = true;
    }
    return undecided ? RULES_UNKNOWN : NO_MFA;
}

function enabledRulesHaveMfa(rule: Rule): Verdict {
    const enabledRules = rule.get("enabledRules");
    if (enabledRules.isUnknown) return unknown(enabledRules);
    const items = enabledRules.items();
    if (items.some((e) => isAzureText(e, "MultiFactorAuthentication"))) return pass;
    const undecided = items.filter((e) => e.isUnknown);
    return undecided.length ? unknown(...undecided) : NO;
}

function authenticationContextEnabled(rule: Rule): Verdict {
    const isEnabled = rule.get("isEnabled");
    const claimValue = rule.get("claimValue");
    if (isEnabled.isUnknown || claimValue.isUnknown) return unknown(isEnabled, claimValue);
    return isEnabled.isTrue() && claimValue.isText() ? pass : NO;
}

/**
 * Whether a rule applies to an end user activating an eligible assignment (pass: it does): by its `target` (caller
 * EndUser, level Assignment), else, when it has no target, by its well-known id `..._EndUser_Assignment`.
 */
function targetsActivation(rule: Rule): Verdict {
    const target = rule.get("target");
    if (target.isUnknown) return unknown(target);
    if (isObjectValue(target)) {
        const caller = target.get("caller");
        const level = target.get("level");
        if (caller.isUnknown || level.isUnknown) return unknown(caller, level);
        if (caller.isSet || level.isSet) return isAzureText(caller, "EndUser") && isAzureText(level, "Assignment") ? pass : NO;
    }
    const id = rule.get("id");
    if (id.isUnknown) return unknown(id);
    const text = id.text();
    return text !== undefined && /_enduser_assignment$/i.test(text) ? pass : NO;
}

interface Governed {
    readonly policies: readonly RoleManagementPolicy[];
    /** An assignment or policy that might govern (scope, role) but whose fields are unknown during preview. */
    readonly unknown: StackResource<typeof POLICY_ASSIGNMENT> | undefined;
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
        "RoleManagementPolicyAssignment) must enable `MultiFactorAuthentication` for end-user activation. It is what a program can declare in place of " +
        "CIS 1.1.2 (every privileged user's Entra MFA status Enabled) and 1.2.3 (a Conditional Access MFA policy for " +
        "administrative groups), which are tenant and per-user settings no Pulumi program declares: it makes the privileged " +
        "role itself unusable without MFA, but does not verify either CIS setting, so it cites neither.",
    remediation:
        "In the RoleManagementPolicy that governs the role at the eligibility's scope, add a `RoleManagementPolicyEnablementRule` " +
        "with `target: { caller: \"EndUser\", level: \"Assignment\" }` and `enabledRules` containing `MultiFactorAuthentication`, and " +
        "declare the RoleManagementPolicyAssignment (scope, roleDefinitionId, policyId) that ties the policy to the role. " +
        "If the tenant's PIM settings are managed outside this stack, verify them and set `assumeTenantPimPolicyRequiresMfa`.",
    frameworks: [
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
    examples: {
        pass: [
            {
                title: "a privileged eligibility governed by a policy that requires MFA on activation",
                resources: [
                    { type: ELIGIBILITY, name: "ops-contributor", props: { principalId: "00000000-0000-0000-0000-0000000000dd", roleDefinitionId: AZURE_BUILTIN_ROLES.contributor, scope: "/subscriptions/00000000-0000-0000-0000-000000000001" } },
                    {
                        type: POLICY,
                        name: "contributor-policy",
                        props: {
                            scope: "/subscriptions/00000000-0000-0000-0000-000000000001",
                            roleManagementPolicyName: "p1",
                            rules: [{ id: "Enablement_EndUser_Assignment", ruleType: "RoleManagementPolicyEnablementRule", enabledRules: ["MultiFactorAuthentication", "Justification"], target: { caller: "EndUser", level: "Assignment" } }],
                        },
                    },
                    {
                        type: POLICY_ASSIGNMENT,
                        name: "contributor-policy-assignment",
                        props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", roleDefinitionId: AZURE_BUILTIN_ROLES.contributor, policyId: "(policy id)" },
                        propertyDependencies: { policyId: ["contributor-policy"] },
                    },
                ],
            },
        ],
        fail: [
            {
                title: "a privileged eligibility that no policy in the stack governs",
                resources: [{ type: ELIGIBILITY, name: "ops-contributor", props: { principalId: "00000000-0000-0000-0000-0000000000dd", roleDefinitionId: AZURE_BUILTIN_ROLES.contributor, scope: "/subscriptions/00000000-0000-0000-0000-000000000001" } }],
            },
        ],
    },
    *check(stack, config) {
        const eligibilities = stack.ofType(ELIGIBILITY);
        if (!eligibilities.length) return;
        const policies = stack.ofType(POLICY);
        const assignments = stack.ofType(POLICY_ASSIGNMENT);

        const policyByUrn = new Map(policies.map((p) => [p.urn, p]));
        // Policies by "<scope>/providers/microsoft.authorization/rolemanagementpolicies/<name>" (how policyId is written).
        const policyById = new Map<string, RoleManagementPolicy>();
        for (const p of policies) {
            for (const id of policyIds(p)) policyById.set(id, p);
        }

        // One pass over the assignments: the policies governing each (scope, role), and the assignments that might
        // govern one but whose fields are unknown during preview.
        const byKey = new Map<string, Set<RoleManagementPolicy>>();
        const pendingByKey = new Map<string, StackResource<typeof POLICY_ASSIGNMENT>>();
        let pendingAny: StackResource<typeof POLICY_ASSIGNMENT> | undefined;
        for (const a of assignments) {
            const scopeValue = a.props.get("scope");
            const aRole = scopeValue.isUnknown ? "unknown" : assignmentRole(a);
            if (aRole === "unknown") {
                pendingAny ??= a;
                continue;
            }
            const scope = scopeValue.text();
            if (aRole === undefined || scope === undefined) continue;
            const key = `${normalizeScope(scope)}|${aRole}`;
            const deps = (a.resource.propertyDependencies["policyId"] ?? []).map((d) => policyByUrn.get(d.urn)).filter((p): p is RoleManagementPolicy => p !== undefined);
            let target: readonly RoleManagementPolicy[] = deps;
            if (!deps.length) {
                const policyId = a.props.get("policyId");
                if (policyId.isUnknown) {
                    if (!pendingByKey.has(key)) pendingByKey.set(key, a);
                    continue;
                }
                const id = policyId.text();
                const byId = id !== undefined ? policyById.get(normalizeAzureId(id)) : undefined;
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
            const roleId = e.props.get("roleDefinitionId");
            if (roleId.isUnknown) {
                yield { urn: e.urn, verdict: unknown(roleId) };
                continue;
            }
            if (!isPrivilegedRole(roleId.value, config.extraPrivilegedRoleGuids)) continue;
            const scopeValue = e.props.get("scope");
            if (scopeValue.isUnknown) {
                yield { urn: e.urn, verdict: unknown(scopeValue) };
                continue;
            }
            const role = roleGuidOf(roleId.value);
            const scopeText = scopeValue.text();
            if (role === undefined || scopeText === undefined || !classifyScope(scopeText)) continue;
            const scope = normalizeScope(scopeText);
            const key = `${scope}|${role}`;
            if ((byKey.get(key)?.size ?? 0) > 0 && judgedKeys.has(key)) continue;
            judgedKeys.add(key);
            yield* checkEligibility(e, governing(scope, role), config, judgedPolicies);
        }
    },
});

function* checkEligibility(
    e: StackResource<typeof ELIGIBILITY>,
    governed: Governed,
    config: { readonly assumeTenantPimPolicyRequiresMfa: boolean; readonly acceptAuthenticationContext: boolean },
    judgedPolicies: Set<string>,
): Iterable<Finding> {
    if (!governed.policies.length) {
        if (governed.unknown) {
            yield { urn: e.urn, verdict: unknown("which role management policy governs its role (a RoleManagementPolicyAssignment's `scope`, `roleDefinitionId` or `policyId`)") };
        } else if (!config.assumeTenantPimPolicyRequiresMfa) {
            yield {
                urn: e.urn,
                verdict: fail(
                    "grants a privileged role as PIM eligibility, but no role management policy in this stack governs that role at this `scope`, so nothing here requires MFA on activation; " +
                        "declare the RoleManagementPolicy (with the MFA enablement rule for EndUser/Assignment) and its RoleManagementPolicyAssignment, " +
                        "or set `assumeTenantPimPolicyRequiresMfa` once the tenant's PIM settings are verified to require MFA.",
                ),
            };
        }
        return;
    }
    for (const policy of governed.policies) {
        if (judgedPolicies.has(policy.urn)) continue;
        judgedPolicies.add(policy.urn);
        yield { urn: policy.urn, verdict: activationRequiresMfa(policy, config.acceptAuthenticationContext) };
    }
}

/** The role GUID a RoleManagementPolicyAssignment is for: `roleDefinitionId`, else its name `<policyGuid>_<roleGuid>`. */
function assignmentRole(a: StackResource<typeof POLICY_ASSIGNMENT>): string | undefined | "unknown" {
    const roleId = a.props.get("roleDefinitionId");
    if (roleId.isUnknown) return "unknown";
    const fromId = roleGuidOf(roleId.value);
    if (fromId) return fromId;
    const nameValue = a.props.get("roleManagementPolicyAssignmentName");
    if (nameValue.isUnknown) return "unknown";
    const name = nameValue.text();
    if (name === undefined) return undefined;
    return roleGuidOf(name.split("_")[1]);
}

/** The ids a RoleManagementPolicy is known by, normalised: `<scope>/providers/Microsoft.Authorization/roleManagementPolicies/<name>`. */
function policyIds(p: RoleManagementPolicy): string[] {
    const ids: string[] = [];
    // `id` is not an input: it is present once the policy exists (read from the resource as the SDK hands it over).
    const id = Value.of(p.resource.props, "id").text();
    if (id !== undefined && id !== "") ids.push(normalizeAzureId(id));
    const scope = p.props.get("scope");
    const name = p.props.get("roleManagementPolicyName");
    if (!scope.isUnknown && !name.isUnknown) {
        const s = scope.text();
        const n = name.text();
        if (s !== undefined && n !== undefined && n !== "") {
            ids.push(normalizeAzureId(`${normalizeScope(s).replace(/\/$/, "")}/providers/microsoft.authorization/rolemanagementpolicies/${n}`));
        }
    }
    return ids;
}
