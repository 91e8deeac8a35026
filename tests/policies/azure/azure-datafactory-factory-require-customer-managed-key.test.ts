import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-datafactory-factory-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:datafactory:Factory";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-datafactory-factory-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the factory names a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"vaultBaseUrl": "https://contoso.vault.azure.net", "keyName": "adf"}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"vaultBaseUrl": "https://contoso.vault.azure.net", "keyName": "adf"}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.vaultBaseUrl` is not set");
        });
        it("when the key name is blank", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"vaultBaseUrl": "https://contoso.vault.azure.net", "keyName": " "}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.keyName` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the vault URL is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"vaultBaseUrl": UNKNOWN, "keyName": "adf"}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("vaultBaseUrl");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
