import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-keyvault-managed-hsm-enable-purge-protection";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:keyvault:ManagedHsm";
const hsm = (properties: Record<string, unknown> | string, type = TYPE) => ({
    type,
    props: {
        resourceGroupName: "rg",
        sku: { family: "B", name: "Standard_B1" },
        properties: typeof properties === "string" ? properties : { initialAdminObjectIds: ["00000000-0000-0000-0000-000000000001"], ...properties },
    },
});

describe("azure-keyvault-managed-hsm-enable-purge-protection", () => {
    describe("passes", () => {
        it.each([
            ["purge protection is on and soft delete is left at its default", { enablePurgeProtection: true }],
            ["both are on explicitly", { enablePurgeProtection: true, enableSoftDelete: true, softDeleteRetentionInDays: 90 }],
            ["purge protection is the string true", { enablePurgeProtection: "true" }],
        ])("when %s", async (_, properties) => {
            expect((await runResourcePolicy(policy, hsm(properties))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, hsm({ enablePurgeProtection: true }, type))).verdict).toBe("pass");
        });

        it("ignores Key Vault vaults (their own policy judges them)", async () => {
            expect((await runResourcePolicy(policy, { type: "azure-native:keyvault:Vault", props: { properties: {} } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when purge protection is not set, saying it is off by default", async () => {
            const r = await runResourcePolicy(policy, hsm({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.enablePurgeProtection` is not set (off by default)");
        });

        it("when purge protection is false", async () => {
            const r = await runResourcePolicy(policy, hsm({ enablePurgeProtection: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.enablePurgeProtection` is false");
        });

        it("when the properties block is missing", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { resourceGroupName: "rg" } })).verdict).toBe("fail");
        });

        it("when soft delete is turned off, even with purge protection on", async () => {
            const r = await runResourcePolicy(policy, hsm({ enablePurgeProtection: true, enableSoftDelete: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.enableSoftDelete` is false");
        });

        it("reports both problems at once", async () => {
            expect((await runResourcePolicy(policy, hsm({ enableSoftDelete: false }))).messages).toHaveLength(2);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while purge protection is unknown", async () => {
            const r = await runResourcePolicy(policy, hsm({ enablePurgeProtection: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("properties.enablePurgeProtection");
        });

        it("cannot decide while the whole properties block is unknown", async () => {
            expect((await runResourcePolicy(policy, hsm(UNKNOWN))).verdict).toBe("unknown");
        });

        it("still fails on soft delete off while purge protection is unknown", async () => {
            expect((await runResourcePolicy(policy, hsm({ enablePurgeProtection: UNKNOWN, enableSoftDelete: false }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("takes no settings: an unknown key is rejected, naming it", async () => {
            await expect(runResourcePolicy(policy, hsm({ enablePurgeProtection: true }), { allowedLocations: ["japaneast"] })).rejects.toThrow("config key 'allowedLocations'");
        });
    });
});
