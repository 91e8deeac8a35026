import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-redis-cache-restrict-public-network-access";
import { publicNetworkAccessCases } from "../../azure-public-network";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:redis:Redis";
const BASE = { resourceGroupName: "rg", sku: { name: "Premium", family: "P", capacity: 1 } };

describe("azure-redis-cache-restrict-public-network-access", () => {
    publicNetworkAccessCases({
        policy,
        type: TYPE,
        props: (access) => ({ ...BASE, ...(access === undefined ? {} : { publicNetworkAccess: access }) }),
        accessPath: "publicNetworkAccess",
    });

    describe("passes", () => {
        it("a Redis Enterprise cluster with public network access disabled", async () => {
            const r = await runResourcePolicy(policy, { type: "azure-native:redisenterprise:RedisEnterprise", props: { resourceGroupName: "rg", sku: { name: "Balanced_B0" }, publicNetworkAccess: "Disabled" } });
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a Redis Enterprise cluster with public network access enabled", async () => {
            const r = await runResourcePolicy(policy, { type: "azure-native:redisenterprise:RedisEnterprise", props: { resourceGroupName: "rg", sku: { name: "Balanced_B0" }, publicNetworkAccess: "Enabled" } });
            expect(r.verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole props are unknown-valued for the switch", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { ...BASE, publicNetworkAccess: UNKNOWN } })).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("still fails an open cache with the default config", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: BASE }, {})).verdict).toBe("fail");
        });
        it("does not echo a secret switch value", async () => {
            const r = await runResourcePolicy(policy, { type: TYPE, props: { ...BASE, publicNetworkAccess: secret("Enabled") } });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("Enabled\"");
        });
    });
});
