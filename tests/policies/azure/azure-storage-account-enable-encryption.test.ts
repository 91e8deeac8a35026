import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-enable-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-storage-account-enable-encryption", () => {
    describe("passes", () => {
        it.each([
            ["has no encryption block (Microsoft-managed keys)", {}],
            ["uses Microsoft.Storage keys", { encryption: { keySource: "Microsoft.Storage" } }],
            ["uses Key Vault keys in another case", { encryption: { keySource: "microsoft.keyvault", keyVaultProperties: { keyName: "k" } } }],
            ["enables every service explicitly", { encryption: { services: { blob: { enabled: true }, file: { enabled: true }, queue: { enabled: true }, table: { enabled: true } } } }],
            ["sets only a key type for a service", { encryption: { services: { queue: { keyType: "Account" } } } }],
        ])("when it %s", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            const r = await runResourcePolicy(policy, { type: "azure-native:storage:BlobContainer", props: { encryption: { keySource: "nope" } } });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["blob", "file", "queue", "table"])("when the %s service's encryption is disabled", async (service) => {
            const r = await runResourcePolicy(policy, account({ encryption: { services: { [service]: { enabled: false } } } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`\`encryption.services.${service}.enabled\` is false`);
        });

        it("when a service's encryption is disabled with the string false", async () => {
            expect((await runResourcePolicy(policy, account({ encryption: { services: { blob: { enabled: "False" } } } }))).verdict).toBe("fail");
        });

        it("when the key source is not one Azure Storage accepts, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { keySource: secret("Contoso.Hsm") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.keySource`");
            expect(r.messages.join()).not.toContain("Contoso.Hsm");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ encryption: { services: { file: { enabled: false } } } }, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key source is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { keySource: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryption.keySource");
        });

        it("cannot decide while the whole encryption block is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ encryption: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("still fails a disabled service while the key source is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { keySource: UNKNOWN, services: { table: { enabled: false } } } }));
            expect(r.verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
