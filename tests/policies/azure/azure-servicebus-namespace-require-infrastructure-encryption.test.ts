import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-servicebus-namespace-require-infrastructure-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:servicebus:Namespace";
const base = {"resourceGroupName": "rg", "sku": {"name": "Premium"}};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-servicebus-namespace-require-infrastructure-encryption", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when infrastructure encryption is required", async () => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "requireInfrastructureEncryption": true}}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryption": {"keySource": "Microsoft.KeyVault", "requireInfrastructureEncryption": true}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when encryption is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("requireInfrastructureEncryption` is not true");
        });
        it("when it is false", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"requireInfrastructureEncryption": false}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("requireInfrastructureEncryption` is not true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryption": {"requireInfrastructureEncryption": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("requireInfrastructureEncryption");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
