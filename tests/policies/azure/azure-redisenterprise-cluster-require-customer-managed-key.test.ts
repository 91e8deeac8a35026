import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-redisenterprise-cluster-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:redisenterprise:RedisEnterprise";
const base = {"resourceGroupName": "rg", "sku": {"name": "Enterprise_E10"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-redisenterprise-cluster-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the cluster names a key encryption key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"customerManagedKeyEncryption": {"keyEncryptionKeyUrl": "https://contoso.vault.azure.net/keys/k/1"}}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"customerManagedKeyEncryption": {"keyEncryptionKeyUrl": "https://contoso.vault.azure.net/keys/k/1"}}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keyEncryptionKeyUrl` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key URL is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"customerManagedKeyEncryption": {"keyEncryptionKeyUrl": UNKNOWN}}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyEncryptionKeyUrl");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
