import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-managedservices-registration-definition-require-jit-mfa";
import { AZURE_BUILTIN_ROLES } from "../../../policies/core/azure-roles";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";
import { APPROVERS, DEFINITION, type JitPolicy, LOG_ANALYTICS_CONTRIBUTOR, OPERATORS, definition, eligibleContributor, jit, reader, rolePath } from "../../lighthouse";

const CONTRIBUTOR = AZURE_BUILTIN_ROLES.contributor;
const CUSTOM_PRIVILEGED = "9a8b7c6d-0000-4000-8000-000000000000";
const withJit = (over: JitPolicy) => definition({ eligibleAuthorizations: [{ ...eligibleContributor, justInTimeAccessPolicy: { ...jit, ...over } }] });
const JIT = "`properties.eligibleAuthorizations[0].justInTimeAccessPolicy";

describe("azure-managedservices-registration-definition-require-jit-mfa", () => {
    describe("passes", () => {
        it("eligible Contributor with MFA, a 4-hour activation and approvers, Reader permanently", async () => {
            expect((await runResourcePolicy(policy, definition())).verdict).toBe("pass");
        });

        it.each([["PT8H"], ["PT30M"], ["PT1H30M"], ["pt8h"], ["PT0.5H"], ["PT28800S"]])("an activation of %s", async (maximumActivationDuration) => {
            expect((await runResourcePolicy(policy, withJit({ maximumActivationDuration }))).verdict).toBe("pass");
        });

        it("an unset activation (Azure applies PT8H) at the default maximum", async () => {
            expect((await runResourcePolicy(policy, withJit({ maximumActivationDuration: undefined }))).verdict).toBe("pass");
        });

        it("MFA provider written in another case", async () => {
            expect((await runResourcePolicy(policy, withJit({ multiFactorAuthProvider: "azure" }))).verdict).toBe("pass");
        });

        it("unprivileged roles permanently and eligible without MFA", async () => {
            const def = definition({
                authorizations: [reader, { ...reader, roleDefinitionId: LOG_ANALYTICS_CONTRIBUTOR }],
                eligibleAuthorizations: [{ ...eligibleContributor, roleDefinitionId: LOG_ANALYTICS_CONTRIBUTOR, justInTimeAccessPolicy: { multiFactorAuthProvider: "None" } }],
            });
            expect((await runResourcePolicy(policy, def)).verdict).toBe("pass");
        });

        it("leaves Owner and User Access Administrator to their own policies", async () => {
            const def = definition({ authorizations: [{ ...reader, roleDefinitionId: AZURE_BUILTIN_ROLES.owner }, { ...reader, roleDefinitionId: AZURE_BUILTIN_ROLES.userAccessAdministrator }] });
            expect((await runResourcePolicy(policy, def)).verdict).toBe("pass");
        });

        it("does not depend on the managing tenant (unknown here)", async () => {
            expect((await runResourcePolicy(policy, definition({ managedByTenantId: UNKNOWN }))).verdict).toBe("pass");
        });

        it("another resource type", async () => {
            const r = await runResourcePolicy(policy, { ...definition({ authorizations: [{ ...reader, roleDefinitionId: CONTRIBUTOR }] }), type: "azure-native:authorization:RoleAssignment" });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["Contributor", CONTRIBUTOR, "Contributor"],
            ["Contributor as a full path", rolePath(CONTRIBUTOR).toUpperCase(), "Contributor"],
            ["Role Based Access Control Administrator", AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator, "Role Based Access Control Administrator"],
        ])("when %s is granted permanently", async (_, roleDefinitionId, name) => {
            const r = await runResourcePolicy(policy, definition({ authorizations: [reader, { ...reader, roleDefinitionId }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`\`properties.authorizations[1]\` grants ${name} permanently`);
        });

        it.each([
            ["None", "None"],
            ["unset (the SDK default is None)", undefined],
            ["not a string", true],
        ])("when the MFA provider is %s", async (_, multiFactorAuthProvider) => {
            const r = await runResourcePolicy(policy, withJit({ multiFactorAuthProvider }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`${JIT}.multiFactorAuthProvider\` is not Azure`);
        });

        it("when there is no just-in-time policy at all", async () => {
            const r = await runResourcePolicy(policy, definition({ eligibleAuthorizations: [{ ...eligibleContributor, justInTimeAccessPolicy: undefined }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`${JIT}\` is not set, so activation needs no MFA`);
        });

        it.each([["PT24H"], ["P1D"], ["PT8H30M"], ["PT8H0.5M"], ["P1W"]])("when an activation may last %s", async (maximumActivationDuration) => {
            const r = await runResourcePolicy(policy, withJit({ maximumActivationDuration }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`${JIT}.maximumActivationDuration\` is longer than PT8H`);
        });

        it.each([["8 hours"], ["P1M"], ["PT"], [480]])("when the activation %s is not a duration the policy can read", async (maximumActivationDuration) => {
            const r = await runResourcePolicy(policy, withJit({ maximumActivationDuration }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not an ISO-8601 duration");
        });

        it.each([
            ["unset", undefined],
            ["empty", []],
        ])("when the approvers are %s", async (_, managedByTenantApprovers) => {
            const r = await runResourcePolicy(policy, withJit({ managedByTenantApprovers }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`${JIT}.managedByTenantApprovers\` names no approver`);
        });

        it("reporting every problem of the definition in one violation", async () => {
            const def = definition({
                authorizations: [reader, { ...reader, roleDefinitionId: CONTRIBUTOR }],
                eligibleAuthorizations: [{ ...eligibleContributor, justInTimeAccessPolicy: { multiFactorAuthProvider: "None", maximumActivationDuration: "PT12H" } }],
            });
            const r = await runResourcePolicy(policy, def);
            expect(r.messages).toHaveLength(1);
            for (const part of ["grants Contributor permanently", "multiFactorAuthProvider` is not Azure", "maximumActivationDuration` is longer", "names no approver"]) {
                expect(r.messages[0]).toContain(part);
            }
        });

        it("from a known problem while another entry is unknown", async () => {
            const def = definition({ eligibleAuthorizations: [UNKNOWN, { ...eligibleContributor, justInTimeAccessPolicy: { ...jit, multiFactorAuthProvider: "None" } }] });
            const r = await runResourcePolicy(policy, def);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.eligibleAuthorizations[1].justInTimeAccessPolicy.multiFactorAuthProvider`");
        });

        it("from a known MFA problem while the activation is unknown", async () => {
            expect((await runResourcePolicy(policy, withJit({ multiFactorAuthProvider: "None", maximumActivationDuration: UNKNOWN }))).verdict).toBe("fail");
        });

        it("through the versioned token spellings", async () => {
            for (const type of versionedTokens(DEFINITION, "v20221001")) {
                const r = await runResourcePolicy(policy, definition({ authorizations: [{ ...reader, roleDefinitionId: CONTRIBUTOR }] }, { type }));
                expect(r.verdict, type).toBe("fail");
            }
        });

        it("without printing secret values", async () => {
            const r = await runResourcePolicy(policy, withJit({ maximumActivationDuration: secret("PT23H"), managedByTenantApprovers: secret([]), multiFactorAuthProvider: secret("Nonesuch") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("PT23H");
            expect(r.messages.join()).not.toContain("Nonesuch");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the MFA provider is unknown", async () => {
            const r = await runResourcePolicy(policy, withJit({ multiFactorAuthProvider: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("multiFactorAuthProvider");
        });

        it("cannot decide while the activation is unknown", async () => {
            expect((await runResourcePolicy(policy, withJit({ maximumActivationDuration: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("cannot decide while an eligible role is unknown", async () => {
            const r = await runResourcePolicy(policy, definition({ eligibleAuthorizations: [{ ...eligibleContributor, roleDefinitionId: UNKNOWN, justInTimeAccessPolicy: { multiFactorAuthProvider: "None" } }] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("roleDefinitionId");
        });

        it("cannot decide while the eligible authorizations are unknown", async () => {
            expect((await runResourcePolicy(policy, definition({ eligibleAuthorizations: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("still passes with unknown approver ids in a non-empty list", async () => {
            expect((await runResourcePolicy(policy, withJit({ managedByTenantApprovers: [{ principalId: UNKNOWN }] }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("holds activations to a shorter configured maximum, also an unset one", async () => {
            const cfg = { maximumActivationDuration: "PT2H" };
            expect((await runResourcePolicy(policy, withJit({ maximumActivationDuration: "PT2H" }), cfg)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, withJit({ maximumActivationDuration: "PT2H30M" }), cfg);
            expect(r.messages.join()).toContain("is longer than PT2H; set it to at most PT2H");
            const unset = await runResourcePolicy(policy, withJit({ maximumActivationDuration: undefined }), cfg);
            expect(unset.messages.join()).toContain("is not set (Azure applies PT8H), which is longer than PT2H");
        });

        it("does not require approvers when requireApprovers is false", async () => {
            expect((await runResourcePolicy(policy, withJit({ managedByTenantApprovers: undefined }), { requireApprovers: false })).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, withJit({ managedByTenantApprovers: undefined, multiFactorAuthProvider: "None" }), { requireApprovers: false })).verdict).toBe("fail");
        });

        it("requires just-in-time for configured extra roles", async () => {
            const def = definition({ authorizations: [reader, { ...reader, principalId: OPERATORS, roleDefinitionId: CUSTOM_PRIVILEGED }] });
            expect((await runResourcePolicy(policy, def)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, def, { extraPrivilegedRoleGuids: [CUSTOM_PRIVILEGED] });
            expect(r.messages.join()).toContain("grants a configured privileged role permanently");
        });

        it("rejects a malformed duration, a malformed GUID and an unknown key, naming them", async () => {
            await expect(runResourcePolicy(policy, definition(), { maximumActivationDuration: "8h" })).rejects.toThrow("config key 'maximumActivationDuration' has a malformed value");
            await expect(runResourcePolicy(policy, definition(), { maximumActivationDuration: "P1M" })).rejects.toThrow("config key 'maximumActivationDuration'");
            await expect(runResourcePolicy(policy, definition(), { extraPrivilegedRoleGuids: [APPROVERS.slice(1)] })).rejects.toThrow("config key 'extraPrivilegedRoleGuids[0]'");
            await expect(runResourcePolicy(policy, definition(), { requireMfa: true })).rejects.toThrow("config key 'requireMfa'");
        });
    });
});
