import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-authorization-role-assignment-disallow-foreign-principal";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";
import { APPROVERS, OPERATORS, RG_SCOPE, SUB_SCOPE, definition, rolePath } from "../../lighthouse";

const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const CUSTOMER_GROUP = "cccccccc-0000-4000-8000-000000000001";
const MSP_GUEST = "eeeeeeee-0000-4000-8000-000000000001";
const CSP_ADMIN_AGENTS = "ffffffff-0000-4000-8000-000000000001";

interface Assignment {
    principalId?: unknown;
    principalType?: unknown;
    roleDefinitionId?: unknown;
    scope?: unknown;
    delegatedManagedIdentityResourceId?: unknown;
}
const base: Assignment = { principalId: CUSTOMER_GROUP, principalType: "Group", roleDefinitionId: rolePath(AZURE_BUILTIN_ROLES.reader), scope: RG_SCOPE };
const assignment = (name: string, over: Assignment = {}, extra: Partial<StackResourceInput> = {}): StackResourceInput => ({
    type: ROLE_ASSIGNMENT,
    name,
    props: { ...base, ...over } as Record<string, unknown>,
    ...extra,
});
const lighthouse = (): StackResourceInput => definition();
const group = (): StackResourceInput => ({ type: "azure-native:managedidentity:UserAssignedIdentity", name: "appIdentity", props: { resourceGroupName: "app" } });

describe("azure-authorization-role-assignment-disallow-foreign-principal", () => {
    describe("passes", () => {
        it("assignments to the customer's own principals beside a Lighthouse delegation", async () => {
            const r = await runStackPolicy(policy, [lighthouse(), assignment("team"), assignment("app", { principalType: "ServicePrincipal", principalId: "cccccccc-0000-4000-8000-000000000002" })]);
            expect(r.verdict).toBe("pass");
        });

        it("a stack without role assignments", async () => {
            expect((await runStackPolicy(policy, [lighthouse()])).verdict).toBe("pass");
        });

        it("an assignment Lighthouse makes for a customer managed identity (delegatedManagedIdentityResourceId)", async () => {
            const r = await runStackPolicy(policy, [
                lighthouse(),
                assignment("remediation", { principalType: "ServicePrincipal", delegatedManagedIdentityResourceId: `${RG_SCOPE}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/remediation` }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("an assignment whose principal comes from a resource of this stack", async () => {
            const r = await runStackPolicy(policy, [lighthouse(), group(), assignment("app", { principalId: UNKNOWN, principalType: "ServicePrincipal" }, { propertyDependencies: { principalId: ["appIdentity"] } })]);
            expect(r.verdict).toBe("pass");
        });

        it("an unknown principal when nothing foreign is known to compare with", async () => {
            expect((await runStackPolicy(policy, [assignment("app", { principalId: UNKNOWN })])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a ForeignGroup (a CSP partner's Admin Agents) holds a role", async () => {
            const r = await runStackPolicy(policy, [assignment("csp", { principalId: CSP_ADMIN_AGENTS, principalType: "ForeignGroup", roleDefinitionId: rolePath(AZURE_BUILTIN_ROLES.owner), scope: SUB_SCOPE })]);
            expect(r.violating).toEqual(["csp"]);
            expect(r.diagnostics[0]?.message).toContain("`principalType` is ForeignGroup: a group of another tenant is granted a role directly, outside Azure Lighthouse");
        });

        it("when a principal that the Lighthouse definition names is also assigned directly, whatever the role", async () => {
            const r = await runStackPolicy(policy, [lighthouse(), assignment("team"), assignment("mspReader", { principalId: OPERATORS.toUpperCase(), principalType: "Group" })]);
            expect(r.violating).toEqual(["mspReader"]);
            expect(r.diagnostics[0]?.message).toContain("`principalId` is an MSP's principal");
        });

        it("when a Lighthouse approver is assigned directly", async () => {
            expect((await runStackPolicy(policy, [lighthouse(), assignment("approver", { principalId: `{${APPROVERS}}` })])).violating).toEqual(["approver"]);
        });

        it("when a ForeignGroup's id is computed", async () => {
            expect((await runStackPolicy(policy, [assignment("csp", { principalId: UNKNOWN, principalType: "foreigngroup" })])).violating).toEqual(["csp"]);
        });

        it("judging each assignment on its own (one unknown does not silence the others)", async () => {
            const r = await runStackPolicy(policy, [lighthouse(), assignment("pending", { principalId: UNKNOWN }), assignment("mspReader", { principalId: OPERATORS })]);
            expect(r.violating).toEqual(["mspReader"]);
            expect(r.diagnostics.find((d) => d.resource === "pending")?.kind).toBe("unknown");
        });

        it("through the versioned token spellings", async () => {
            for (const type of versionedTokens(ROLE_ASSIGNMENT, "v20220401")) {
                const r = await runStackPolicy(policy, [{ ...assignment("csp", { principalType: "ForeignGroup" }), type }]);
                expect(r.violating, type).toEqual(["csp"]);
            }
        });

        it("without printing a secret principal id", async () => {
            const r = await runStackPolicy(policy, [lighthouse(), assignment("mspReader", { principalId: secret(OPERATORS) })]);
            expect(r.violating).toEqual(["mspReader"]);
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain(OPERATORS);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a principal id that comes from outside the stack is unknown", async () => {
            const r = await runStackPolicy(policy, [lighthouse(), assignment("pending", { principalId: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics).toEqual([expect.objectContaining({ resource: "pending", kind: "unknown", enforcementLevel: "advisory" })]);
            expect(r.diagnostics[0]?.message).toContain("`principalId` is unknown");
        });

        it("cannot decide while the principal type is unknown", async () => {
            const r = await runStackPolicy(policy, [assignment("pending", { principalType: UNKNOWN })]);
            expect(r.diagnostics[0]?.message).toContain("`principalType` is unknown");
        });

        it("still fails a known MSP principal whose type is unknown", async () => {
            expect((await runStackPolicy(policy, [lighthouse(), assignment("mspReader", { principalId: OPERATORS, principalType: UNKNOWN })])).violating).toEqual(["mspReader"]);
        });
    });

    describe("config", () => {
        it("treats principals listed in foreignPrincipalIds as foreign", async () => {
            const stack = [assignment("guest", { principalId: MSP_GUEST, principalType: "User" })];
            expect((await runStackPolicy(policy, stack)).verdict).toBe("pass");
            expect((await runStackPolicy(policy, stack, { foreignPrincipalIds: [MSP_GUEST.toUpperCase()] })).violating).toEqual(["guest"]);
        });

        it("lets an allowed principal keep its direct assignment", async () => {
            const stack = [lighthouse(), assignment("csp", { principalId: CSP_ADMIN_AGENTS, principalType: "ForeignGroup" }), assignment("mspReader", { principalId: OPERATORS })];
            const r = await runStackPolicy(policy, stack, { allowedPrincipalIds: [CSP_ADMIN_AGENTS, OPERATORS] });
            expect(r.verdict).toBe("pass");
        });

        it("cannot tell a computed ForeignGroup id from an allowed one", async () => {
            const r = await runStackPolicy(policy, [assignment("csp", { principalId: UNKNOWN, principalType: "ForeignGroup" })], { allowedPrincipalIds: [CSP_ADMIN_AGENTS] });
            expect(r.verdict).toBe("unknown");
        });

        it("rejects a malformed object id and an unknown key, naming them", async () => {
            await expect(runStackPolicy(policy, [], { foreignPrincipalIds: ["msp-admins"] })).rejects.toThrow("config key 'foreignPrincipalIds[0]' has a malformed value");
            await expect(runStackPolicy(policy, [], { allowedPrincipals: [] })).rejects.toThrow("config key 'allowedPrincipals'");
        });
    });
});
