import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-managedservices-registration-definition-disallow-owner";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";
import { DEFINITION, OPERATORS, definition, eligibleContributor, reader, rolePath } from "../../lighthouse";

const OWNER = AZURE_BUILTIN_ROLES.owner;

describe("azure-managedservices-registration-definition-disallow-owner", () => {
    describe("passes", () => {
        it("a definition with permanent Reader and eligible Contributor", async () => {
            expect((await runResourcePolicy(policy, definition())).verdict).toBe("pass");
        });

        it("a definition without eligible authorizations", async () => {
            expect((await runResourcePolicy(policy, definition({ eligibleAuthorizations: undefined }))).verdict).toBe("pass");
        });

        it("another resource type", async () => {
            const r = await runResourcePolicy(policy, { ...definition({ authorizations: [{ ...reader, roleDefinitionId: OWNER }] }), type: "azure-native:authorization:RoleAssignment" });
            expect(r.verdict).toBe("pass");
        });

        it("User Access Administrator (judged by its own policy)", async () => {
            expect((await runResourcePolicy(policy, definition({ authorizations: [reader, { ...reader, roleDefinitionId: AZURE_BUILTIN_ROLES.userAccessAdministrator }] }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a permanent authorization grants Owner", async () => {
            const r = await runResourcePolicy(policy, definition({ authorizations: [reader, { ...reader, roleDefinitionId: OWNER }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.authorizations[1]` grants the Owner role");
        });

        it("when an eligible authorization grants Owner, even just in time", async () => {
            const r = await runResourcePolicy(policy, definition({ eligibleAuthorizations: [{ ...eligibleContributor, roleDefinitionId: OWNER }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.eligibleAuthorizations[0]` grants the Owner role");
        });

        it("naming every Owner grant in one violation", async () => {
            const r = await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, roleDefinitionId: OWNER }], eligibleAuthorizations: [{ ...eligibleContributor, roleDefinitionId: OWNER }] }));
            expect(r.messages).toHaveLength(1);
            expect(r.messages[0]).toContain("`properties.authorizations[0]`, `properties.eligibleAuthorizations[0]` grant the Owner role");
        });

        it.each([
            ["a full role definition path", rolePath(OWNER)],
            ["an upper-case GUID", OWNER.toUpperCase()],
            ["a braced GUID", `{${OWNER}}`],
            ["a tenant-level path with a trailing slash", `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}/`],
        ])("however the role id is written: %s", async (_, roleDefinitionId) => {
            expect((await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, roleDefinitionId }] }))).verdict).toBe("fail");
        });

        it("from a known Owner while another entry is unknown", async () => {
            const r = await runResourcePolicy(policy, definition({ authorizations: [UNKNOWN, { ...reader, roleDefinitionId: OWNER }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.authorizations[1]`");
        });

        it("through the versioned token spellings", async () => {
            for (const type of versionedTokens(DEFINITION, "v20221001")) {
                expect((await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, roleDefinitionId: OWNER }] }, { type }))).verdict, type).toBe("fail");
            }
        });

        it("without printing a secret principal", async () => {
            const r = await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, principalId: secret(OPERATORS), roleDefinitionId: OWNER }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain(OPERATORS);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a role is unknown", async () => {
            const r = await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, roleDefinitionId: UNKNOWN }] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("roleDefinitionId");
        });

        it("cannot decide while an authorization entry is unknown", async () => {
            expect((await runResourcePolicy(policy, definition({ eligibleAuthorizations: [UNKNOWN] }))).verdict).toBe("unknown");
        });

        it("cannot decide while the authorizations are unknown", async () => {
            expect((await runResourcePolicy(policy, definition({ authorizations: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("takes no settings: the pack config rejects any key", async () => {
            await expect(runResourcePolicy(policy, definition(), { allowOwner: true })).rejects.toThrow("config key 'allowOwner' is not a setting of this policy (it takes none)");
        });
    });
});
