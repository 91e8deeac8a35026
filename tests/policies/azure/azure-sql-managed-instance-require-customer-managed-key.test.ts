import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-managed-instance-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:sql:ManagedInstance";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-sql-managed-instance-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the instance names a Key Vault key", async () => {
            expect((await runResourcePolicy(policy, resource({"keyId": "https://contoso.vault.azure.net/keys/k/1"}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"keyId": "https://contoso.vault.azure.net/keys/k/1"}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when keyId is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyId` is not set");
        });
        it("when keyId is blank", async () => {
            const r = await runResourcePolicy(policy, resource({"keyId": " "}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`keyId` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while keyId is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"keyId": UNKNOWN}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("keyId");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
