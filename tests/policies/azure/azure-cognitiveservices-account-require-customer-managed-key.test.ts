import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-cognitiveservices-account-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:cognitiveservices:Account";
const base = {"resourceGroupName": "rg", "kind": "OpenAI"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-cognitiveservices-account-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the account uses a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, resource({"properties": {"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net", "keyName": "k"}}}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"properties": {"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net", "keyName": "k"}}}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when properties are not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keySource` is not Microsoft.KeyVault");
        });
        it("when keySource is Microsoft.CognitiveServices", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"encryption": {"keySource": "Microsoft.CognitiveServices"}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keySource` is not Microsoft.KeyVault");
        });
        it("when the key name is missing", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net"}}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keyName` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key name is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": {"keyVaultUri": "https://contoso.vault.azure.net", "keyName": UNKNOWN}}}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyName");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
