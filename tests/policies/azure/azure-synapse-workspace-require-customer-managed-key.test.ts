import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-synapse-workspace-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:synapse:Workspace";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-synapse-workspace-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the workspace names a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"cmk": {"key": {"name": "default", "keyVaultUrl": "https://contoso.vault.azure.net/keys/k/1"}}}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"cmk": {"key": {"name": "default", "keyVaultUrl": "https://contoso.vault.azure.net/keys/k/1"}}}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.cmk.key.name` is not set");
        });
        it("when the key URL is missing", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"cmk": {"key": {"name": "default"}}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keyVaultUrl` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key URL is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"cmk": {"key": {"name": "default", "keyVaultUrl": UNKNOWN}}}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyVaultUrl");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
