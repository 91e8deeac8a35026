import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-keyvault-vault-enable-purge-protection";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:keyvault:Vault";
const TENANT = "00000000-0000-0000-0000-000000000000";
const vault = (properties: Record<string, unknown>, type = TYPE) => ({
    type,
    props: { resourceGroupName: "rg", properties: { tenantId: TENANT, sku: { family: "A", name: "standard" }, ...properties } },
});

describe("azure-keyvault-vault-enable-purge-protection", () => {
    describe("passes", () => {
        it.each([
            ["purge protection is on and soft delete is left at its default", { enablePurgeProtection: true }],
            ["both are on explicitly", { enablePurgeProtection: true, enableSoftDelete: true, softDeleteRetentionInDays: 90 }],
            ["purge protection is the string true", { enablePurgeProtection: "true" }],
        ])("when %s", async (_, properties) => {
            expect((await runResourcePolicy(policy, vault(properties))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, vault({ enablePurgeProtection: true }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when purge protection is not set", async () => {
            const r = await runResourcePolicy(policy, vault({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.enablePurgeProtection` is not true");
        });

        it("when purge protection is false", async () => {
            expect((await runResourcePolicy(policy, vault({ enablePurgeProtection: false }))).verdict).toBe("fail");
        });

        it("when soft delete is turned off, even with purge protection on", async () => {
            const r = await runResourcePolicy(policy, vault({ enablePurgeProtection: true, enableSoftDelete: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.enableSoftDelete` is false");
        });

        it("reports both problems at once", async () => {
            const r = await runResourcePolicy(policy, vault({ enableSoftDelete: false }));
            expect(r.messages).toHaveLength(2);
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, vault({}, type))).verdict).toBe("fail");
        });

        it("when the flag is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, vault({ enablePurgeProtection: secret("nope-not-today") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("nope-not-today");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while purge protection is unknown", async () => {
            const r = await runResourcePolicy(policy, vault({ enablePurgeProtection: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".properties.enablePurgeProtection");
        });

        it("still fails a vault that turns soft delete off while purge protection is unknown", async () => {
            expect((await runResourcePolicy(policy, vault({ enablePurgeProtection: UNKNOWN, enableSoftDelete: false }))).verdict).toBe("fail");
        });

        it("cannot decide while the whole properties block is unknown", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { resourceGroupName: "rg", properties: UNKNOWN } })).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, vault({}), { minimumRetentionDays: 90 })).rejects.toThrow("config key 'minimumRetentionDays'");
        });
    });
});
