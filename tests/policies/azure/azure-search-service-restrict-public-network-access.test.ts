import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-search-service-restrict-public-network-access";
import { publicNetworkAccessCases } from "../../azure-public-network";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:search:Service";
const BASE = { resourceGroupName: "rg", sku: { name: "standard" } };
const withRules = (rules: unknown[], access: unknown = "Enabled") => ({ type: TYPE, props: { ...BASE, publicNetworkAccess: access, networkRuleSet: { ipRules: rules } } });
const SELECTED = { allowSelectedNetworks: true };

describe("azure-search-service-restrict-public-network-access", () => {
    publicNetworkAccessCases({
        policy,
        type: TYPE,
        props: (access) => ({ ...BASE, ...(access === undefined ? {} : { publicNetworkAccess: access }) }),
        accessPath: "publicNetworkAccess",
    });

    describe("passes", () => {
        it("an allow-list of bounded ranges when allowSelectedNetworks is true", async () => {
            expect((await runResourcePolicy(policy, withRules([{ value: "203.0.113.0/24" }, { value: "2001:db8::/48" }]), SELECTED)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an allow-list without allowSelectedNetworks: the public endpoint stays on", async () => {
            const r = await runResourcePolicy(policy, withRules([{ value: "203.0.113.0/24" }]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("allowSelectedNetworks");
        });

        it("an empty allow-list with allowSelectedNetworks (every network)", async () => {
            const r = await runResourcePolicy(policy, withRules([]), SELECTED);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.ipRules` lists no network");
        });

        it("the internet in halves with allowSelectedNetworks, without printing it", async () => {
            const r = await runResourcePolicy(policy, withRules([{ value: secret("0.0.0.0/1") }, { value: "128.0.0.0/1" }]), SELECTED);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.ipRules` admits every address");
            expect(r.messages.join()).not.toContain("0.0.0.0/1");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide an allow-list whose range is unknown", async () => {
            expect((await runResourcePolicy(policy, withRules([{ value: UNKNOWN }]), SELECTED)).verdict).toBe("unknown");
        });

        it("passes a bounded allow-list while the switch is unknown, with allowSelectedNetworks", async () => {
            expect((await runResourcePolicy(policy, withRules([{ value: "203.0.113.0/24" }], UNKNOWN), SELECTED)).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects a non-boolean allowSelectedNetworks", async () => {
            await expect(runResourcePolicy(policy, withRules([]), { allowSelectedNetworks: 1 })).rejects.toThrow("config key 'allowSelectedNetworks' must be a boolean");
        });
    });
});
