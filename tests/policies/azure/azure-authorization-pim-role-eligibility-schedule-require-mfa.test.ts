import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-authorization-pim-role-eligibility-schedule-require-mfa";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const ELIGIBILITY = "azure-native:authorization:PimRoleEligibilitySchedule";
const POLICY = "azure-native:authorization:RoleManagementPolicy";
const ASSIGNMENT = "azure-native:authorization:RoleManagementPolicyAssignment";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
const POLICY_GUID = "5a1c4a64-1e4c-4f5e-9b0e-6c3f1c2d3e4f";
const CUSTOM_ROLE = "9a8b7c6d-0000-4000-8000-000000000000";
const roleId = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

const mfaRule = {
    id: "Enablement_EndUser_Assignment",
    ruleType: "RoleManagementPolicyEnablementRule",
    enabledRules: ["Justification", "MultiFactorAuthentication"],
    target: { caller: "EndUser", level: "Assignment", operations: ["All"] },
};
const expirationRule = {
    id: "Expiration_EndUser_Assignment",
    ruleType: "RoleManagementPolicyExpirationRule",
    maximumDuration: "PT8H",
    target: { caller: "EndUser", level: "Assignment", operations: ["All"] },
};

const eligibility = (props: Record<string, unknown> = {}, name = "ownerEligibility", type = ELIGIBILITY): StackResourceInput => ({
    type,
    name,
    props: { principalId: "11111111-2222-3333-4444-555555555555", roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.owner), scope: SUB, ...props },
});
const rmPolicy = (rules: unknown, props: Record<string, unknown> = {}, type = POLICY): StackResourceInput => ({
    type,
    name: "ownerPolicy",
    props: { scope: SUB, roleManagementPolicyName: POLICY_GUID, rules, ...props },
});
const rmAssignment = (props: Record<string, unknown> = {}, byDependency = true): StackResourceInput => ({
    type: ASSIGNMENT,
    name: "ownerPolicyAssignment",
    props: {
        scope: SUB,
        roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.owner),
        policyId: byDependency ? UNKNOWN : `${SUB}/providers/Microsoft.Authorization/roleManagementPolicies/${POLICY_GUID}`,
        ...props,
    },
    ...(byDependency ? { propertyDependencies: { policyId: ["ownerPolicy"] } } : {}),
});
const governed = (rules: unknown, assignmentProps: Record<string, unknown> = {}, byDependency = true) => [rmPolicy(rules), rmAssignment(assignmentProps, byDependency)];

describe("azure-authorization-pim-role-eligibility-schedule-require-mfa", () => {
    describe("passes", () => {
        it("when the policy joined through its assignment's property dependency requires MFA on activation", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed([expirationRule, mfaRule])]);
            expect(r.verdict).toBe("pass");
        });

        it("when the assignment names the policy by a literal id in another case", async () => {
            const r = await runStackPolicy(policy, [
                eligibility({ scope: `${SUB.toUpperCase()}/` }),
                rmPolicy([mfaRule]),
                rmAssignment({ policyId: `${SUB}/providers/microsoft.authorization/ROLEMANAGEMENTPOLICIES/${POLICY_GUID.toUpperCase()}` }, false),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the assignment gives its role only in its name <policy>_<role>", async () => {
            const r = await runStackPolicy(policy, [
                eligibility(),
                ...governed([mfaRule], { roleDefinitionId: undefined, roleManagementPolicyAssignmentName: `${POLICY_GUID}_${AZURE_BUILTIN_ROLES.owner}` }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("when the MFA rule has no target but the well-known id, in any case", async () => {
            const rule = { id: "enablement_enduser_assignment", ruleType: "roleManagementPolicyEnablementRule", enabledRules: ["multifactorauthentication"] };
            expect((await runStackPolicy(policy, [eligibility(), ...governed([rule])])).verdict).toBe("pass");
        });

        it("for an eligibility of an unprivileged role with no policy in the stack", async () => {
            expect((await runStackPolicy(policy, [eligibility({ roleDefinitionId: AZURE_BUILTIN_ROLES.reader })])).verdict).toBe("pass");
        });

        it("for a stack without eligibilities, whatever its policies say", async () => {
            expect((await runStackPolicy(policy, governed([expirationRule]))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when no role management policy for the role and scope is in the stack", async () => {
            const r = await runStackPolicy(policy, [eligibility()]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["ownerEligibility"]);
            expect(r.diagnostics[0]?.message).toContain("no role management policy in this stack governs that role at this `scope`");
            expect(r.diagnostics[0]?.message).toContain("assumeTenantPimPolicyRequiresMfa");
        });

        it("when the governing policy's enablement rule lacks MultiFactorAuthentication, reported once on the policy", async () => {
            const noMfa = { ...mfaRule, enabledRules: ["Justification", "Ticketing"] };
            const r = await runStackPolicy(policy, [eligibility(), eligibility({ principalId: "22222222-2222-3333-4444-555555555555" }, "second"), ...governed([noMfa])]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["ownerPolicy"]);
            expect(r.diagnostics.filter((d) => d.kind === "violation")).toHaveLength(1);
            expect(r.diagnostics[0]?.message).toContain("do not require MFA on activation");
        });

        it("when MFA is required only for admins assigning eligibility, not for activation", async () => {
            const adminOnly = { ...mfaRule, id: "Enablement_Admin_Eligibility", target: { caller: "Admin", level: "Eligibility" } };
            expect((await runStackPolicy(policy, [eligibility(), ...governed([adminOnly])])).violating).toEqual(["ownerPolicy"]);
        });

        it("when the only policy in the stack governs another role", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed([mfaRule], { roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.contributor) })]);
            expect(r.violating).toEqual(["ownerEligibility"]);
        });

        it("when the only policy in the stack governs the role at another scope", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed([mfaRule], { scope: `${SUB}/resourceGroups/app` })]);
            expect(r.violating).toEqual(["ownerEligibility"]);
        });

        it("when activation needs an authentication context, which is not accepted by default", async () => {
            const context = { id: "AuthenticationContext_EndUser_Assignment", ruleType: "RoleManagementPolicyAuthenticationContextRule", isEnabled: true, claimValue: "c1", target: { caller: "EndUser", level: "Assignment" } };
            expect((await runStackPolicy(policy, [eligibility(), ...governed([context])])).violating).toEqual(["ownerPolicy"]);
        });

        it("for every privileged role, whatever the role id spelling", async () => {
            for (const id of [AZURE_BUILTIN_ROLES.contributor, `/providers/Microsoft.Authorization/roleDefinitions/${AZURE_BUILTIN_ROLES.userAccessAdministrator.toUpperCase()}`, `{${AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator}}`]) {
                expect((await runStackPolicy(policy, [eligibility({ roleDefinitionId: id })])).verdict, id).toBe("fail");
            }
        });

        it("through the versioned token spellings", async () => {
            const r = await runStackPolicy(policy, [
                eligibility({}, "ownerEligibility", "azure-native_authorization_v20201001:authorization:PimRoleEligibilitySchedule"),
                rmPolicy([{ ...mfaRule, enabledRules: [] }], {}, "azure-native:authorization/v20201001:RoleManagementPolicy"),
                { ...rmAssignment(), type: "azure-native:authorization/v20240901preview:RoleManagementPolicyAssignment" },
            ]);
            expect(r.violating).toEqual(["ownerPolicy"]);
        });

        it("without printing a secret scope", async () => {
            const r = await runStackPolicy(policy, [eligibility({ scope: secret(SUB) })]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain("00000000-0000-0000-0000-000000000001");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide an eligibility whose role is unknown, and still reports the others", async () => {
            const r = await runStackPolicy(policy, [eligibility({ roleDefinitionId: UNKNOWN }, "pending"), eligibility()]);
            expect(r.violating).toEqual(["ownerEligibility"]);
            expect(r.diagnostics.find((d) => d.resource === "pending")).toMatchObject({ kind: "unknown", enforcementLevel: "advisory" });
            expect(r.diagnostics.find((d) => d.resource === "pending")?.message).toContain("`roleDefinitionId`");
        });

        it("cannot decide while the governing policy's rules are unknown", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed(UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics).toEqual([expect.objectContaining({ resource: "ownerPolicy", kind: "unknown" })]);
        });

        it("says so once for the policy, however many eligibilities it governs", async () => {
            const eligibilities = [1, 2, 3].map((i) => eligibility({ principalId: `11111111-2222-3333-4444-55555555555${i}` }, `eligibility${i}`));
            const r = await runStackPolicy(policy, [...eligibilities, ...governed(UNKNOWN)]);
            expect(r.diagnostics).toEqual([expect.objectContaining({ resource: "ownerPolicy", kind: "unknown" })]);
        });

        it("cannot decide while an assignment's policyId is unknown and has no dependency", async () => {
            const r = await runStackPolicy(policy, [eligibility(), rmPolicy([mfaRule]), { ...rmAssignment({}, true), propertyDependencies: {} }]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("which role management policy governs its role");
        });

        it("still passes when MFA is enabled and another enabled rule is unknown", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed([{ ...mfaRule, enabledRules: [UNKNOWN, "MultiFactorAuthentication"] }])]);
            expect(r.verdict).toBe("pass");
        });

        it("cannot decide when the only other enabled rule is unknown", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed([{ ...mfaRule, enabledRules: ["Justification", UNKNOWN] }])]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("trusts the tenant's PIM settings when told to and no policy is in the stack", async () => {
            expect((await runStackPolicy(policy, [eligibility()], { assumeTenantPimPolicyRequiresMfa: true })).verdict).toBe("pass");
        });

        it("still checks a policy that is in the stack when trusting the tenant", async () => {
            const r = await runStackPolicy(policy, [eligibility(), ...governed([{ ...mfaRule, enabledRules: [] }])], { assumeTenantPimPolicyRequiresMfa: true });
            expect(r.violating).toEqual(["ownerPolicy"]);
        });

        it("accepts an enabled authentication context when configured", async () => {
            const context = { ruleType: "RoleManagementPolicyAuthenticationContextRule", isEnabled: true, claimValue: "c1", target: { caller: "EndUser", level: "Assignment" } };
            expect((await runStackPolicy(policy, [eligibility(), ...governed([context])], { acceptAuthenticationContext: true })).verdict).toBe("pass");
            const disabled = { ...context, isEnabled: false };
            expect((await runStackPolicy(policy, [eligibility(), ...governed([disabled])], { acceptAuthenticationContext: true })).verdict).toBe("fail");
        });

        it("treats extra role GUIDs as privileged", async () => {
            const r = await runStackPolicy(policy, [eligibility({ roleDefinitionId: CUSTOM_ROLE })], { extraPrivilegedRoleGuids: [CUSTOM_ROLE] });
            expect(r.violating).toEqual(["ownerEligibility"]);
            expect((await runStackPolicy(policy, [eligibility({ roleDefinitionId: CUSTOM_ROLE })])).verdict).toBe("pass");
        });

        it("rejects a non-boolean switch and an unknown key, naming them", async () => {
            await expect(runStackPolicy(policy, [eligibility()], { assumeTenantPimPolicyRequiresMfa: "yes" })).rejects.toThrow(
                "config key 'assumeTenantPimPolicyRequiresMfa' must be a boolean",
            );
            await expect(runStackPolicy(policy, [eligibility()], { requireMfa: true })).rejects.toThrow("config key 'requireMfa'");
        });
    });
});
