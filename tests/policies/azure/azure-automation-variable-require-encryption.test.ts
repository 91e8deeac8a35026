import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-automation-variable-require-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:automation:Variable";
const base = {"resourceGroupName": "rg", "automationAccountName": "ops", "name": "token"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-automation-variable-require-encryption", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it("when the variable is encrypted", async () => {
            expect((await runResourcePolicy(policy, resource({"isEncrypted": true}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"isEncrypted": true}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when isEncrypted is not set (Azure stores it unencrypted)", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`isEncrypted` is not set");
        });
        it("when isEncrypted is false", async () => {
            const r = await runResourcePolicy(policy, resource({"isEncrypted": false}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`isEncrypted` is false");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while isEncrypted is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"isEncrypted": UNKNOWN}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("isEncrypted");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
