import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-managedservices-registration-definition-restrict-tenant";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";
import { CUSTOMER_TENANT, DEFINITION, MSP_TENANT, OTHER_TENANT, definition } from "../../lighthouse";

const approved = { approvedTenantIds: [MSP_TENANT] };

describe("azure-managedservices-registration-definition-restrict-tenant", () => {
    describe("passes", () => {
        it("delegates to an approved MSP tenant", async () => {
            expect((await runResourcePolicy(policy, definition(), approved)).verdict).toBe("pass");
        });

        it.each([
            ["upper case", MSP_TENANT.toUpperCase()],
            ["braces", `{${MSP_TENANT}}`],
            ["surrounding spaces", ` ${MSP_TENANT} `],
        ])("compares tenant ids written with %s", async (_, managedByTenantId) => {
            expect((await runResourcePolicy(policy, definition({ managedByTenantId }), approved)).verdict).toBe("pass");
        });

        it("matches an approved id that is configured in upper case", async () => {
            expect((await runResourcePolicy(policy, definition(), { approvedTenantIds: [MSP_TENANT.toUpperCase()] })).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            const r = await runResourcePolicy(policy, { ...definition({ managedByTenantId: OTHER_TENANT }), type: "azure-native:managedservices:RegistrationAssignment" }, approved);
            expect(r.verdict).toBe("pass");
        });

        it("decides from the tenant while the authorizations are unknown", async () => {
            expect((await runResourcePolicy(policy, definition({ authorizations: UNKNOWN }), approved)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the managing tenant is not approved", async () => {
            const r = await runResourcePolicy(policy, definition({ managedByTenantId: OTHER_TENANT }), approved);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.managedByTenantId` is not an approved MSP tenant (approved: 22222222-2222-2222-2222-222222222222)");
        });

        it("when the customer delegates to its own tenant id by mistake", async () => {
            expect((await runResourcePolicy(policy, definition({ managedByTenantId: CUSTOMER_TENANT }), approved)).verdict).toBe("fail");
        });

        it("for every delegation while no tenant is approved (fails closed)", async () => {
            const r = await runResourcePolicy(policy, definition());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`approvedTenantIds` is empty");
        });

        it("when the definition has no properties or no managing tenant", async () => {
            for (const props of [{ properties: undefined }, { properties: { authorizations: [] } }]) {
                const r = await runResourcePolicy(policy, definition({}, { props }), approved);
                expect(r.verdict, JSON.stringify(props)).toBe("fail");
            }
        });

        it("when the tenant id is not a string", async () => {
            expect((await runResourcePolicy(policy, definition({ managedByTenantId: 42 }), approved)).verdict).toBe("fail");
        });

        it("through the versioned token spellings", async () => {
            for (const type of versionedTokens(DEFINITION, "v20221001")) {
                const r = await runResourcePolicy(policy, definition({ managedByTenantId: OTHER_TENANT }, { type }), approved);
                expect(r.verdict, type).toBe("fail");
            }
        });

        it("without printing a secret tenant id", async () => {
            const r = await runResourcePolicy(policy, definition({ managedByTenantId: secret(OTHER_TENANT) }), approved);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain(OTHER_TENANT);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the managing tenant is unknown", async () => {
            const r = await runResourcePolicy(policy, definition({ managedByTenantId: UNKNOWN }), approved);
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("managedByTenantId");
        });

        it("cannot decide while the whole properties block is unknown", async () => {
            const r = await runResourcePolicy(policy, definition({}, { props: { properties: UNKNOWN } }), approved);
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("properties");
        });
    });

    describe("config", () => {
        it("accepts any of several approved tenants", async () => {
            const r = await runResourcePolicy(policy, definition({ managedByTenantId: OTHER_TENANT }), { approvedTenantIds: [MSP_TENANT, OTHER_TENANT] });
            expect(r.verdict).toBe("pass");
        });

        it("rejects a malformed tenant id and an unknown key, naming them", async () => {
            await expect(runResourcePolicy(policy, definition(), { approvedTenantIds: ["contoso.onmicrosoft.com"] })).rejects.toThrow(
                "config key 'approvedTenantIds[0]' has a malformed value",
            );
            await expect(runResourcePolicy(policy, definition(), { approvedTenants: [MSP_TENANT] })).rejects.toThrow("config key 'approvedTenants'");
        });
    });
});
