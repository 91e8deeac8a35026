import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbforpostgresql-server-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:dbforpostgresql:Server";
const KEY = "https://kv-app.vault.azure.net/keys/db/0123";
const IDENTITY = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/db";
const base = { resourceGroupName: "rg", administratorLogin: "dbadmin", sku: { name: "Standard_D2ds_v4", tier: "GeneralPurpose" } };
const server = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });
const cmk = (over: Record<string, unknown> = {}) => ({
    dataEncryption: { type: "AzureKeyVault", primaryKeyURI: KEY, primaryUserAssignedIdentityId: IDENTITY, ...over },
});

describe("azure-dbforpostgresql-server-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the server uses a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, server(cmk()))).verdict).toBe("pass");
        });

        it("when the type is written in lower case and the key URI is a secret", async () => {
            expect((await runResourcePolicy(policy, server(cmk({ type: "azurekeyvault", primaryKeyURI: secret(KEY) })))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE, "v20221201"))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, server(cmk(), type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["has no data encryption block (service-managed keys)", {}],
            ["uses SystemAssigned keys", { dataEncryption: { type: "SystemAssigned" } }],
        ])("when the server %s", async (_, props) => {
            const r = await runResourcePolicy(policy, server(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`dataEncryption.type` is not AzureKeyVault");
        });

        it("when Key Vault is the type but no key URI is set", async () => {
            const r = await runResourcePolicy(policy, server(cmk({ primaryKeyURI: undefined })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`dataEncryption.primaryKeyURI` is not set");
        });

        it.each(versionedTokens(TYPE, "v20221201"))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, server({}, type))).verdict).toBe("fail");
        });

        it("when the type is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, server({ dataEncryption: { type: secret("PlatformOnlyKey") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("PlatformOnlyKey");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key URI is unknown", async () => {
            const r = await runResourcePolicy(policy, server(cmk({ primaryKeyURI: UNKNOWN })));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".dataEncryption.primaryKeyURI");
        });

        it("still fails a SystemAssigned server whose key URI is unknown", async () => {
            expect((await runResourcePolicy(policy, server({ dataEncryption: { type: "SystemAssigned", primaryKeyURI: UNKNOWN } }))).verdict).toBe("fail");
        });

        it("cannot decide while the whole data encryption block is unknown", async () => {
            expect((await runResourcePolicy(policy, server({ dataEncryption: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, server({}), { keyUri: KEY })).rejects.toThrow("config key 'keyUri'");
        });
    });
});
