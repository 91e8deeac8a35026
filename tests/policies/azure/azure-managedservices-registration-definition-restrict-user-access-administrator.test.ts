import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-managedservices-registration-definition-restrict-user-access-administrator";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";
import { AUTOMATION, type Authorization, DEFINITION, LOG_ANALYTICS_CONTRIBUTOR, definition, eligibleContributor, reader, rolePath } from "../../lighthouse";

const UAA = AZURE_BUILTIN_ROLES.userAccessAdministrator;
const CUSTOM_PRIVILEGED = "9a8b7c6d-0000-4000-8000-000000000000";
const uaa: Authorization = { principalId: AUTOMATION, principalIdDisplayName: "MSP automation", roleDefinitionId: UAA, delegatedRoleDefinitionIds: [LOG_ANALYTICS_CONTRIBUTOR] };
const withUaa = (over: Authorization) => definition({ authorizations: [reader, { ...uaa, ...over }] });

describe("azure-managedservices-registration-definition-restrict-user-access-administrator", () => {
    describe("passes", () => {
        it("a definition without User Access Administrator", async () => {
            expect((await runResourcePolicy(policy, definition())).verdict).toBe("pass");
        });

        it("User Access Administrator limited to unprivileged roles", async () => {
            const r = await runResourcePolicy(policy, withUaa({ delegatedRoleDefinitionIds: [LOG_ANALYTICS_CONTRIBUTOR, AZURE_BUILTIN_ROLES.reader] }));
            expect(r.verdict).toBe("pass");
        });

        it("User Access Administrator written as a full path, limited to unprivileged roles", async () => {
            expect((await runResourcePolicy(policy, withUaa({ roleDefinitionId: rolePath(UAA) }))).verdict).toBe("pass");
        });

        it("another resource type", async () => {
            const r = await runResourcePolicy(policy, { ...withUaa({ delegatedRoleDefinitionIds: [] }), type: "azure-native:authorization:RoleAssignment" });
            expect(r.verdict).toBe("pass");
        });

        it("an unknown delegated role list on an authorization that is not User Access Administrator", async () => {
            expect((await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, delegatedRoleDefinitionIds: UNKNOWN }] }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["missing", undefined],
            ["empty", []],
        ])("when delegatedRoleDefinitionIds is %s", async (_, delegatedRoleDefinitionIds) => {
            const r = await runResourcePolicy(policy, withUaa({ delegatedRoleDefinitionIds }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.authorizations[1]` grants User Access Administrator without `delegatedRoleDefinitionIds`");
        });

        it.each([
            ["Owner", AZURE_BUILTIN_ROLES.owner],
            ["Contributor", rolePath(AZURE_BUILTIN_ROLES.contributor)],
            ["User Access Administrator", UAA.toUpperCase()],
            ["Role Based Access Control Administrator", AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator],
        ])("when it may assign %s", async (_, role) => {
            const r = await runResourcePolicy(policy, withUaa({ delegatedRoleDefinitionIds: [LOG_ANALYTICS_CONTRIBUTOR, role] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.authorizations[1].delegatedRoleDefinitionIds` lets User Access Administrator assign a privileged role");
        });

        it("when User Access Administrator is made eligible", async () => {
            const r = await runResourcePolicy(policy, definition({ eligibleAuthorizations: [{ ...eligibleContributor, roleDefinitionId: UAA }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.eligibleAuthorizations[0]` makes User Access Administrator eligible");
        });

        it("from a known privileged delegated role while another is unknown", async () => {
            expect((await runResourcePolicy(policy, withUaa({ delegatedRoleDefinitionIds: [UNKNOWN, AZURE_BUILTIN_ROLES.owner] }))).verdict).toBe("fail");
        });

        it("through the versioned token spellings", async () => {
            for (const type of versionedTokens(DEFINITION, "v20221001")) {
                const r = await runResourcePolicy(policy, definition({ authorizations: [{ ...uaa, delegatedRoleDefinitionIds: [] }] }, { type }));
                expect(r.verdict, type).toBe("fail");
            }
        });

        it("without printing a secret delegated role or principal", async () => {
            const r = await runResourcePolicy(policy, withUaa({ principalId: secret(AUTOMATION), delegatedRoleDefinitionIds: secret([AZURE_BUILTIN_ROLES.contributor]) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain(AUTOMATION);
            expect(r.messages.join()).not.toContain(AZURE_BUILTIN_ROLES.contributor);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the delegated roles are unknown", async () => {
            const r = await runResourcePolicy(policy, withUaa({ delegatedRoleDefinitionIds: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("delegatedRoleDefinitionIds");
        });

        it("cannot decide while one delegated role is unknown and the others are unprivileged", async () => {
            expect((await runResourcePolicy(policy, withUaa({ delegatedRoleDefinitionIds: [LOG_ANALYTICS_CONTRIBUTOR, UNKNOWN] }))).verdict).toBe("unknown");
        });

        it("cannot decide while a role is unknown", async () => {
            expect((await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, roleDefinitionId: UNKNOWN }] }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("treats configured extra roles as privileged", async () => {
            const def = withUaa({ delegatedRoleDefinitionIds: [rolePath(CUSTOM_PRIVILEGED)] });
            expect((await runResourcePolicy(policy, def)).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, def, { extraPrivilegedRoleGuids: [CUSTOM_PRIVILEGED.toUpperCase()] })).verdict).toBe("fail");
        });

        it("rejects a malformed GUID and an unknown key, naming them", async () => {
            await expect(runResourcePolicy(policy, definition(), { extraPrivilegedRoleGuids: ["Owner"] })).rejects.toThrow("config key 'extraPrivilegedRoleGuids[0]' has a malformed value");
            await expect(runResourcePolicy(policy, definition(), { allowedRoles: [] })).rejects.toThrow("config key 'allowedRoles'");
        });
    });
});
