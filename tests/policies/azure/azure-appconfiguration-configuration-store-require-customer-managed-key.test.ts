import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-appconfiguration-configuration-store-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:appconfiguration:ConfigurationStore";
const base = {"resourceGroupName": "rg", "sku": {"name": "standard"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-appconfiguration-configuration-store-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the store names a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1"}}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1"}}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keyIdentifier` is not set");
        });
        it("when the key identifier is empty", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keyVaultProperties": {"keyIdentifier": ""}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keyIdentifier` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key identifier is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"keyVaultProperties": {"keyIdentifier": UNKNOWN}}}));
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
