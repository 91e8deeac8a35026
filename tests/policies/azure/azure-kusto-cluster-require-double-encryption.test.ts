import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-kusto-cluster-require-double-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:kusto:Cluster";
const base = {"resourceGroupName": "rg", "sku": {"name": "Standard_E8ads_v5", "tier": "Standard"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-kusto-cluster-require-double-encryption", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when double encryption is enabled", async () => {
            expect((await runResourcePolicy(policy, resource({"enableDoubleEncryption": true}))).verdict).toBe("pass");
        });
        it("when it is the string true", async () => {
            expect((await runResourcePolicy(policy, resource({"enableDoubleEncryption": "true"}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"enableDoubleEncryption": true}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when it is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enableDoubleEncryption` is not true");
        });
        it("when it is false", async () => {
            const r = await runResourcePolicy(policy, resource({"enableDoubleEncryption": false}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enableDoubleEncryption` is not true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"enableDoubleEncryption": UNKNOWN}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enableDoubleEncryption");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
