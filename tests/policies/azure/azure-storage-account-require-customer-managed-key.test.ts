import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const key = { keyVaultUri: "https://kv-app.vault.azure.net", keyName: "storage-cmk" };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });
const cmk = (over: Record<string, unknown> = {}) => ({ encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: key, ...over } });

describe("azure-storage-account-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the account uses a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, account(cmk()))).verdict).toBe("pass");
        });

        it("when the key source is written in another case", async () => {
            expect((await runResourcePolicy(policy, account(cmk({ keySource: "MICROSOFT.KEYVAULT" })))).verdict).toBe("pass");
        });

        it("when the key reference is a secret", async () => {
            const props = cmk({ keyVaultProperties: { keyVaultUri: secret("https://hidden.vault.azure.net"), keyName: secret("k1") } });
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account(cmk(), type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["has no encryption block", {}],
            ["uses Microsoft.Storage keys", { encryption: { keySource: "Microsoft.Storage" } }],
            ["names no key source", { encryption: { requireInfrastructureEncryption: true } }],
        ])("when the account %s", async (_, props) => {
            const r = await runResourcePolicy(policy, account(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.keySource` is not Microsoft.Keyvault");
        });

        it("when Key Vault is the source but no key is named", async () => {
            const r = await runResourcePolicy(policy, account(cmk({ keyVaultProperties: undefined })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyVaultUri`, `keyName` not set");
        });

        it("when the key name is empty", async () => {
            const r = await runResourcePolicy(policy, account(cmk({ keyVaultProperties: { keyVaultUri: key.keyVaultUri, keyName: " " } })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyName` not set");
            expect(r.messages.join()).not.toContain("`keyVaultUri`");
        });

        it("when the key source is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { keySource: secret("Microsoft.Storage") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("Microsoft.Storage");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key source is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { keySource: UNKNOWN, keyVaultProperties: key } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryption.keySource");
        });

        it("cannot decide while the key vault URI is unknown", async () => {
            const r = await runResourcePolicy(policy, account(cmk({ keyVaultProperties: { keyVaultUri: UNKNOWN, keyName: "k" } })));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyVaultUri");
        });

        it("still fails a missing key name while the URI is unknown", async () => {
            expect((await runResourcePolicy(policy, account(cmk({ keyVaultProperties: { keyVaultUri: UNKNOWN } })))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account(cmk()), { keyVaultUri: "x" })).rejects.toThrow("config key 'keyVaultUri'");
        });
    });
});
