import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-server-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const SERVER = "azure-native:sql:Server";
const PROTECTOR = "azure-native:sql:EncryptionProtector";
const KEY_URI = "https://kv-app.vault.azure.net/keys/tde/0123456789abcdef";

const server = (name: string, props: Record<string, unknown> = {}, type = SERVER): StackResourceInput => ({
    type,
    name,
    props: { resourceGroupName: "rg", serverName: name, administratorLogin: "sqladmin", ...props },
});
const protector = (name: string, props: Record<string, unknown>, dependsOn?: string, type = PROTECTOR): StackResourceInput => ({
    type,
    name,
    props: { resourceGroupName: "rg", encryptionProtectorName: "current", ...props },
    ...(dependsOn ? { propertyDependencies: { serverName: [dependsOn] } } : {}),
});

describe("azure-sql-server-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the server's keyId names a Key Vault key", async () => {
            expect((await runStackPolicy(policy, [server("sql-a", { keyId: KEY_URI })])).verdict).toBe("pass");
        });

        it("when the server's keyId is a secret", async () => {
            expect((await runStackPolicy(policy, [server("sql-a", { keyId: secret(KEY_URI) })])).verdict).toBe("pass");
        });

        it("when an AzureKeyVault protector refers to the server by property dependency", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), protector("tde", { serverName: UNKNOWN, serverKeyType: "AzureKeyVault", serverKeyName: "kv_tde_1" }, "sql-a")]);
            expect(r.verdict).toBe("pass");
        });

        it("when an AzureKeyVault protector (any case) names the server literally", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), protector("tde", { serverName: "sql-a", serverKeyType: "azurekeyvault" })]);
            expect(r.verdict).toBe("pass");
        });

        it("when there is no SQL server in the stack", async () => {
            expect((await runStackPolicy(policy, [protector("tde", { serverName: "elsewhere", serverKeyType: "ServiceManaged" })])).verdict).toBe("pass");
        });

        it.each(versionedTokens(SERVER))("for a server with the aliased token %s", async (type) => {
            expect((await runStackPolicy(policy, [server("sql-a", {}, type), protector("tde", { serverName: "sql-a", serverKeyType: "AzureKeyVault" }, undefined, versionedTokens(PROTECTOR)[1])])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the server has no keyId and no protector", async () => {
            const r = await runStackPolicy(policy, [server("sql-a")]);
            expect(r.violating).toEqual(["sql-a"]);
            expect(r.diagnostics[0]?.message).toContain("`keyId` is not set");
        });

        it("only the server that the Key Vault protector does not protect", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), server("sql-b"), protector("tde", { serverName: "sql-a", serverKeyType: "AzureKeyVault" })]);
            expect(r.violating).toEqual(["sql-b"]);
        });

        it("when a ServiceManaged protector switches a keyId server back", async () => {
            const r = await runStackPolicy(policy, [server("sql-a", { keyId: KEY_URI }), protector("tde", { serverKeyType: "ServiceManaged" }, "sql-a")]);
            expect(r.violating).toEqual(["sql-a"]);
            expect(r.diagnostics[0]?.message).toContain("`serverKeyType` ServiceManaged");
        });

        it.each(versionedTokens(SERVER))("for a server with the aliased token %s", async (type) => {
            expect((await runStackPolicy(policy, [server("sql-a", {}, type)])).violating).toEqual(["sql-a"]);
        });

        it("when keyId is an empty secret, without printing anything of it", async () => {
            const r = await runStackPolicy(policy, [server("sql-a", { keyId: secret("") , administratorLoginPassword: secret("hunter2-pw") })]);
            expect(r.violating).toEqual(["sql-a"]);
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain("hunter2-pw");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a server whose keyId is unknown, and still fails the others", async () => {
            const r = await runStackPolicy(policy, [server("sql-a", { keyId: UNKNOWN }), server("sql-b")]);
            expect(r.violating).toEqual(["sql-b"]);
            const unknown = r.diagnostics.filter((d) => d.kind === "unknown");
            expect(unknown.map((d) => d.resource)).toEqual(["sql-a"]);
            expect(unknown[0]?.enforcementLevel).toBe("advisory");
        });

        it("cannot decide while a protector's key type is unknown", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), protector("tde", { serverName: "sql-a", serverKeyType: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toEqual(["sql-a"]);
        });

        it("cannot decide while a Key Vault protector's server is unknown (it could be any server)", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), protector("tde", { serverName: UNKNOWN, serverKeyType: "AzureKeyVault" })]);
            expect(r.verdict).toBe("unknown");
        });

        it("still fails when the protector whose server is unknown is service-managed", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), protector("tde", { serverName: UNKNOWN, serverKeyType: "ServiceManaged" })]);
            expect(r.violating).toEqual(["sql-a"]);
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [server("sql-a")], { exempt: ["sql-a"] })).rejects.toThrow("config key 'exempt'");
        });
    });
});
