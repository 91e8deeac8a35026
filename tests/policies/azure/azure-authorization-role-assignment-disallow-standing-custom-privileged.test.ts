import { describe, expect, it } from "vitest";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import policy from "../../../policies/azure/azure-authorization-role-assignment-disallow-standing-custom-privileged";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, UNKNOWN } from "../../harness";

const DEF = "azure-native:authorization:RoleDefinition";
const ASSIGN = "azure-native:authorization:RoleAssignment";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
const MG = "/providers/Microsoft.Management/managementGroups/corp";
const PRINCIPAL = "00000000-0000-0000-0000-0000000000bb";
const GUID = "6f1a2c3d-0000-4000-8000-00000000c0de";

const role = (permissions: unknown, extra: Record<string, unknown> = {}, type = DEF) => ({
    type,
    name: "customRole",
    props: { scope: SUB, roleName: "Custom", assignableScopes: [SUB], permissions, ...extra },
});
/** An assignment whose `roleDefinitionId` came from the role's id (unknown in preview, the dependency says which). */
const assignment = (props: Record<string, unknown> = {}, byDependency = true) => ({
    type: ASSIGN,
    name: "assignment",
    props: { scope: SUB, principalId: PRINCIPAL, ...(byDependency ? { roleDefinitionId: UNKNOWN } : {}), ...props },
    ...(byDependency ? { propertyDependencies: { roleDefinitionId: ["customRole"] } } : {}),
});

describe("azure-authorization-role-assignment-disallow-standing-custom-privileged", () => {
    describe("passes", () => {
        it.each([
            ["the custom role only restarts VMs", [{ actions: ["Microsoft.Compute/virtualMachines/restart/action"] }]],
            ["the custom role reads everything", [{ actions: ["*/read"] }]],
            ["`*` is taken away again by `notActions` for every write and role assignment", [{ actions: ["*"], notActions: ["*/write", "*/delete", "*/action"] }]],
            ["the role only has data actions", [{ dataActions: ["*"] }]],
            ["the role has no permissions", []],
        ])("when %s", async (_, permissions) => {
            expect((await runStackPolicy(policy, [role(permissions), assignment()])).verdict).toBe("pass");
        });

        it("when the privileged custom role is assigned on a resource group", async () => {
            const r = await runStackPolicy(policy, [role([{ actions: ["*"] }]), assignment({ scope: `${SUB}/resourceGroups/app` })]);
            expect(r.verdict).toBe("pass");
        });

        it("when the principal is listed in allowedPrincipalIds", async () => {
            const r = await runStackPolicy(policy, [role([{ actions: ["*"] }]), assignment()], { allowedPrincipalIds: [PRINCIPAL.toUpperCase()] });
            expect(r.verdict).toBe("pass");
        });

        it("leaves a built-in role to the built-in policy (no role definition of the stack is named)", async () => {
            const r = await runStackPolicy(policy, [role([{ actions: ["*"] }], { roleDefinitionId: GUID }), assignment({ roleDefinitionId: AZURE_BUILTIN_ROLES.owner }, false)]);
            expect(r.verdict).toBe("pass");
        });

        it("when the stack has no role definitions at all", async () => {
            expect((await runStackPolicy(policy, [assignment({ roleDefinitionId: AZURE_BUILTIN_ROLES.owner }, false)])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a custom role with `*` actions is assigned permanently on a subscription, even during preview", async () => {
            const r = await runStackPolicy(policy, [role([{ actions: ["*"] }]), assignment()]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("names the custom role definition customRole of this stack, which is privileged (its `actions` allow writing every resource type");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`scope` a subscription");
            expect(r.violating).toEqual(["assignment"]);
        });

        it("when Contributor's shape (`*` minus authorization writes) is rebuilt as a custom role", async () => {
            const r = await runStackPolicy(policy, [role([{ actions: ["*"], notActions: ["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"] }]), assignment()]);
            expect(r.verdict).toBe("fail");
        });

        it.each([
            ["Microsoft.Authorization/*"],
            ["microsoft.authorization/roleAssignments/write"],
            ["Microsoft.Authorization/roleAssignments/*"],
            ["*/write"],
        ])("when the custom role's action %s lets it grant roles", async (action) => {
            const r = await runStackPolicy(policy, [role([{ actions: [action] }]), assignment({ scope: MG })]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`scope` a management group");
        });

        it("when the assignment names the role by its GUID written out, at the tenant root", async () => {
            const input = [role([{ actions: ["*"] }], { roleDefinitionId: GUID.toUpperCase() }), assignment({ scope: "/", roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${GUID}` }, false)];
            const r = await runStackPolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`scope` the tenant root");
        });

        it("when one of several permission blocks is privileged and another is unknown", async () => {
            expect((await runStackPolicy(policy, [role([UNKNOWN, { actions: ["*"] }]), assignment()])).verdict).toBe("fail");
        });

        it("for each privileged role definition a GUID names, on every assignment naming it (unprivileged ones of that GUID pass)", async () => {
            const byGuid = (name: string) => ({ ...assignment({ roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${GUID}` }, false), name });
            const r = await runStackPolicy(policy, [
                { ...role([{ actions: ["*"] }], { roleDefinitionId: GUID }), name: "admin" },
                { ...role([{ actions: ["*/read"] }], { roleDefinitionId: GUID }), name: "reader" },
                byGuid("ops"),
                byGuid("dev"),
            ]);
            expect(r.violating).toEqual(["dev", "ops"]);
            expect(r.diagnostics.map((d) => d.message.includes("custom role definition admin"))).toEqual([true, true]);
        });

        it.each(versionedTokens(DEF, "v20220401"))("for the versioned role definition token %s", async (type) => {
            expect((await runStackPolicy(policy, [role([{ actions: ["*"] }], {}, type), assignment()])).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the role's actions are unknown", async () => {
            const r = await runStackPolicy(policy, [role([{ actions: UNKNOWN }]), assignment()]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("the permissions of the custom role definition customRole");
        });

        it("cannot decide while `*` may be taken away by unknown notActions", async () => {
            expect((await runStackPolicy(policy, [role([{ actions: ["*"], notActions: UNKNOWN }]), assignment()])).verdict).toBe("unknown");
        });

        it("cannot decide while the scope of a privileged role's assignment is unknown", async () => {
            expect((await runStackPolicy(policy, [role([{ actions: ["*"] }]), assignment({ scope: UNKNOWN })])).verdict).toBe("unknown");
        });

        it("judges the role an assignment depends on, not another role of the GUID its id names", async () => {
            const r = await runStackPolicy(policy, [
                role([{ actions: ["*/read"] }], { roleDefinitionId: "11111111-0000-4000-8000-000000000001" }),
                { ...role([{ actions: ["*"] }], { roleDefinitionId: GUID }), name: "admin" },
                assignment({ roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${GUID}` }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("passes an unprivileged role whatever its assignment's scope", async () => {
            expect((await runStackPolicy(policy, [role([{ actions: ["Microsoft.Web/sites/restart/action"] }]), assignment({ scope: UNKNOWN })])).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects a principal id that is not a GUID, naming the key", async () => {
            await expect(runStackPolicy(policy, [role([{ actions: ["*"] }]), assignment()], { allowedPrincipalIds: ["ops-team"] })).rejects.toThrow("config key 'allowedPrincipalIds[0]'");
        });
    });
});
