import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-search-service-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:search:Service";
const base = {"resourceGroupName": "rg", "sku": {"name": "standard"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-search-service-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when enforcement is Enabled", async () => {
            expect((await runResourcePolicy(policy, resource({"encryptionWithCmk": {"enforcement": "Enabled"}}))).verdict).toBe("pass");
        });
        it("when enforcement is written in lower case", async () => {
            expect((await runResourcePolicy(policy, resource({"encryptionWithCmk": {"enforcement": "enabled"}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryptionWithCmk": {"enforcement": "Enabled"}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryptionWithCmk is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptionWithCmk.enforcement` is not Enabled");
        });
        it("when enforcement is Unspecified", async () => {
            const r = await runResourcePolicy(policy, resource({"encryptionWithCmk": {"enforcement": "Unspecified"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not Enabled");
        });
        it("when enforcement is Disabled", async () => {
            const r = await runResourcePolicy(policy, resource({"encryptionWithCmk": {"enforcement": "Disabled"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not Enabled");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while enforcement is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryptionWithCmk": {"enforcement": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enforcement");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
