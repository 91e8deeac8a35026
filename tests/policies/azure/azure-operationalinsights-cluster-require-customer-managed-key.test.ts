import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-operationalinsights-cluster-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:operationalinsights:Cluster";
const base = {"resourceGroupName": "rg", "sku": {"name": "CapacityReservation", "capacity": 100}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-operationalinsights-cluster-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the cluster names a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, resource({"keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net", "keyName": "k"}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net", "keyName": "k"}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when keyVaultProperties is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyVaultProperties.keyVaultUri` is not set");
        });
        it("when the key name is missing", async () => {
            const r = await runResourcePolicy(policy, resource({"keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyVaultProperties.keyName` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key name is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net", "keyName": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyName");
        });
        it("fails on a known violation even while the key name is unknown but the vault URI is missing", async () => {
            const r = await runResourcePolicy(policy, resource({"keyVaultProperties": {"keyName": UNKNOWN}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyVaultProperties.keyVaultUri` is not set");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
