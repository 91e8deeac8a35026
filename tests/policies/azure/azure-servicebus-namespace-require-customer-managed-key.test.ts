import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-servicebus-namespace-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:servicebus:Namespace";
const base = {"resourceGroupName": "rg", "sku": {"name": "Premium"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-servicebus-namespace-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when keySource is Key Vault with a key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": [{"keyName": "k", "keyVaultUri": "https://contoso.vault.azure.net"}]}}))).verdict).toBe("pass");
        });
        it("when one of several keys is complete", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": [{"keyName": "k"}, {"keyName": "k2", "keyVaultUri": "https://contoso.vault.azure.net"}]}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": [{"keyName": "k", "keyVaultUri": "https://contoso.vault.azure.net"}]}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.keySource` is not Microsoft.KeyVault");
        });
        it("when no key is listed", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("names no key");
        });
        it("when the key has no vault URI", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": [{"keyName": "k"}]}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("names no key");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key list is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyVaultProperties");
        });
        it("cannot decide while a key's vault URI is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": [{"keyName": "k", "keyVaultUri": UNKNOWN}]}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyVaultUri");
        });
        it("fails on a known violation even while the keys are unknown but keySource is unset", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keyVaultProperties": UNKNOWN}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.keySource` is not Microsoft.KeyVault");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
