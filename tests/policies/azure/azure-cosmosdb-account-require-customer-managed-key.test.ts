import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-cosmosdb-account-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:cosmosdb:DatabaseAccount";
const KEY = "https://kv-app.vault.azure.net/keys/cosmos";
const base = { resourceGroupName: "rg", databaseAccountOfferType: "Standard", locations: [{ locationName: "japaneast" }] };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-cosmosdb-account-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the account names a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, account({ keyVaultKeyUri: KEY }))).verdict).toBe("pass");
        });

        it("when the key URI is a secret", async () => {
            expect((await runResourcePolicy(policy, account({ keyVaultKeyUri: secret(KEY) }))).verdict).toBe("pass");
        });

        it.each([...versionedTokens(TYPE), "azure-native:documentdb:DatabaseAccount", "azure-native:documentdb/v20240515:DatabaseAccount"])(
            "for the aliased token %s",
            async (type) => {
                expect((await runResourcePolicy(policy, account({ keyVaultKeyUri: KEY }, type))).verdict).toBe("pass");
            },
        );
    });

    describe("fails", () => {
        it.each([
            ["has no key URI (service-managed keys)", {}],
            ["has an empty key URI", { keyVaultKeyUri: "" }],
        ])("when the account %s", async (_, props) => {
            const r = await runResourcePolicy(policy, account(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyVaultKeyUri` is not set");
        });

        it.each([...versionedTokens(TYPE), "azure-native:documentdb:DatabaseAccount"])("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({}, type))).verdict).toBe("fail");
        });

        it("without printing other secret properties", async () => {
            const r = await runResourcePolicy(policy, account({ keyVaultKeyUri: secret("  "), defaultIdentity: secret("SystemAssignedIdentity") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("SystemAssignedIdentity");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key URI is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ keyVaultKeyUri: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".keyVaultKeyUri");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { keyVaultKeyUri: KEY })).rejects.toThrow("config key 'keyVaultKeyUri'");
        });
    });
});
