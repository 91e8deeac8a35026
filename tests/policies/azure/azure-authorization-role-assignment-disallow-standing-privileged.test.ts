import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-authorization-role-assignment-disallow-standing-privileged";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:authorization:RoleAssignment";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
const MG = "/providers/Microsoft.Management/managementGroups/platform";
const PRINCIPAL = "11111111-2222-3333-4444-555555555555";
const roleId = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

interface Assignment {
    scope?: unknown;
    roleDefinitionId?: unknown;
    principalId?: unknown;
    principalType?: string;
}
const base: Assignment = { scope: SUB, roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.owner), principalId: PRINCIPAL, principalType: "User" };
const assignment = (props: Assignment, type = TYPE) => ({ type, props: { ...base, ...props } as Record<string, unknown> });

describe("azure-authorization-role-assignment-disallow-standing-privileged", () => {
    describe("passes", () => {
        it.each([
            ["Reader at a subscription", { roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.reader) }],
            ["a custom role at a subscription", { roleDefinitionId: roleId("9a8b7c6d-0000-4000-8000-000000000000") }],
            ["Owner at a resource group", { scope: `${SUB}/resourceGroups/app` }],
            ["Owner on a single resource", { scope: `${SUB}/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv1` }],
            ["Contributor on a management group's child resource", { scope: `${MG}/providers/Microsoft.Authorization/policyAssignments/x`, roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.contributor) }],
        ])("grants %s", async (_, props) => {
            expect((await runResourcePolicy(policy, assignment(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, assignment({}, "azure-native:authorization:PimRoleEligibilitySchedule"))).verdict).toBe("pass");
        });

        it("lets an allowed principal (any case) hold a standing privileged role", async () => {
            const r = await runResourcePolicy(policy, assignment({ principalId: PRINCIPAL.toUpperCase() }), { allowedPrincipalIds: [PRINCIPAL] });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["Owner", AZURE_BUILTIN_ROLES.owner],
            ["Contributor", AZURE_BUILTIN_ROLES.contributor],
            ["User Access Administrator", AZURE_BUILTIN_ROLES.userAccessAdministrator],
            ["Role Based Access Control Administrator", AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator],
        ])("when %s is assigned permanently at a subscription", async (_, guid) => {
            const r = await runResourcePolicy(policy, assignment({ roleDefinitionId: roleId(guid) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("standing assignment at `scope` a subscription");
            expect(r.messages.join()).toContain("PimRoleEligibilitySchedule");
        });

        it.each([
            ["a bare GUID", AZURE_BUILTIN_ROLES.owner],
            ["a tenant-level id", `/providers/Microsoft.Authorization/roleDefinitions/${AZURE_BUILTIN_ROLES.owner}`],
            ["an upper-case id with a trailing slash", `${roleId(AZURE_BUILTIN_ROLES.owner).toUpperCase()}/`],
            ["a braced GUID", `{${AZURE_BUILTIN_ROLES.owner}}`],
        ])("whatever the role id spelling: %s", async (_, roleDefinitionId) => {
            expect((await runResourcePolicy(policy, assignment({ roleDefinitionId }))).verdict).toBe("fail");
        });

        it.each([
            ["a management group", MG, "a management group"],
            ["a management group, lower case with a trailing slash", `${MG.toLowerCase()}/`, "a management group"],
            ["the tenant root", "/", "the tenant root"],
            ["a subscription with a trailing slash", `${SUB}/`, "a subscription"],
        ])("at %s", async (_, scope, words) => {
            const r = await runResourcePolicy(policy, assignment({ scope }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`\`scope\` ${words}`);
        });

        it("for a principal that is not in allowedPrincipalIds", async () => {
            const r = await runResourcePolicy(policy, assignment({}), { allowedPrincipalIds: ["99999999-2222-3333-4444-555555555555"] });
            expect(r.verdict).toBe("fail");
        });

        it("when the scope is not an ARM scope", async () => {
            const r = await runResourcePolicy(policy, assignment({ scope: "subscriptions/abc" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`scope` is not an ARM scope");
        });

        it("through the versioned token spellings", async () => {
            for (const type of ["azure-native:authorization/v20220401:RoleAssignment", "azure-native_authorization_v20220401:authorization:RoleAssignment"]) {
                expect((await runResourcePolicy(policy, assignment({}, type))).verdict, type).toBe("fail");
            }
        });

        it("without printing a secret scope or principal", async () => {
            const r = await runResourcePolicy(policy, assignment({ scope: secret(SUB), principalId: secret(PRINCIPAL) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("00000000-0000-0000-0000-000000000001");
            expect(r.messages.join()).not.toContain(PRINCIPAL);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the role is unknown at a subscription", async () => {
            const r = await runResourcePolicy(policy, assignment({ roleDefinitionId: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("roleDefinitionId");
        });

        it("cannot decide while the scope of a privileged role is unknown", async () => {
            const r = await runResourcePolicy(policy, assignment({ scope: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("scope");
        });

        it("still passes an unknown role at a resource-group scope", async () => {
            expect((await runResourcePolicy(policy, assignment({ scope: `${SUB}/resourceGroups/app`, roleDefinitionId: UNKNOWN }))).verdict).toBe("pass");
        });

        it("still passes Reader at an unknown scope", async () => {
            expect((await runResourcePolicy(policy, assignment({ scope: UNKNOWN, roleDefinitionId: roleId(AZURE_BUILTIN_ROLES.reader) }))).verdict).toBe("pass");
        });

        it("fails regardless of an unknown principal when no principal is allowed", async () => {
            expect((await runResourcePolicy(policy, assignment({ principalId: UNKNOWN }))).verdict).toBe("fail");
        });

        it("cannot decide an unknown principal when some principals are allowed", async () => {
            const r = await runResourcePolicy(policy, assignment({ principalId: UNKNOWN }), { allowedPrincipalIds: [PRINCIPAL] });
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("treats extra role GUIDs as privileged", async () => {
            const custom = "9a8b7c6d-0000-4000-8000-000000000000";
            const r = await runResourcePolicy(policy, assignment({ roleDefinitionId: roleId(custom) }), { extraPrivilegedRoleGuids: [custom.toUpperCase()] });
            expect(r.verdict).toBe("fail");
        });

        it("rejects a malformed role GUID, naming the key", async () => {
            await expect(runResourcePolicy(policy, assignment({}), { extraPrivilegedRoleGuids: ["Owner"] })).rejects.toThrow(
                "config key 'extraPrivilegedRoleGuids[0]' has a malformed value",
            );
        });

        it("rejects a malformed principal id, naming the key", async () => {
            await expect(runResourcePolicy(policy, assignment({}), { allowedPrincipalIds: ["alice@example.com"] })).rejects.toThrow(
                "config key 'allowedPrincipalIds[0]'",
            );
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, assignment({}), { allowedPrincipals: [] })).rejects.toThrow("config key 'allowedPrincipals'");
        });
    });
});
