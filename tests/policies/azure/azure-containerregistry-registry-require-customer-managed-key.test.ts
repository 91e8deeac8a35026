import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-containerregistry-registry-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:containerregistry:Registry";
const base = {"resourceGroupName": "rg", "sku": {"name": "Premium"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-containerregistry-registry-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when encryption is enabled with a key", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"status": "enabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1"}}}))).verdict).toBe("pass");
        });
        it("when the status is written in another case", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"status": "Enabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1"}}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"status": "enabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1"}}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.status` is not enabled");
        });
        it("when the status is disabled", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"status": "disabled", "keyVaultProperties": {"keyIdentifier": "https://contoso.vault.azure.net/keys/k/1"}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.status` is not enabled");
        });
        it("when no key identifier is set", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"status": "enabled"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keyIdentifier` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key identifier is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"status": "enabled", "keyVaultProperties": {"keyIdentifier": UNKNOWN}}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyIdentifier");
        });
        it("cannot decide while encryption is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": UNKNOWN}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("encryption");
        });
        it("fails on a known violation even while the key is unknown but the status is disabled", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"status": "disabled", "keyVaultProperties": {"keyIdentifier": UNKNOWN}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.status` is not enabled");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
