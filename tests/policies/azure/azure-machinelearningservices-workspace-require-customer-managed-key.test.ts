import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-machinelearningservices-workspace-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:machinelearningservices:Workspace";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-machinelearningservices-workspace-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when encryption is Enabled with a key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"status": "Enabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1", "keyVaultArmId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"}}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"status": "Enabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1", "keyVaultArmId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"}}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.status` is not Enabled");
        });
        it("when the status is Disabled", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"status": "Disabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1", "keyVaultArmId": "x"}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.status` is not Enabled");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key identifier is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"status": "Enabled", "keyVaultProperties": {"keyIdentifier": UNKNOWN, "keyVaultArmId": "x"}}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyIdentifier");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
