import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-containerregistry-registry-restrict-public-network-access";
import { publicNetworkAccessCases } from "../../azure-public-network";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:containerregistry:Registry";
const BASE = { resourceGroupName: "rg", sku: { name: "Premium" } };
const registry = (props: Record<string, unknown>) => ({ type: TYPE, props: { ...BASE, ...props } });
const deny = (ipRules: unknown[] = []) => ({ networkRuleSet: { defaultAction: "Deny", ipRules } });

describe("azure-containerregistry-registry-restrict-public-network-access", () => {
    publicNetworkAccessCases({
        policy,
        type: TYPE,
        props: (access) => ({ ...BASE, ...(access === undefined ? {} : { publicNetworkAccess: access }) }),
        accessPath: "publicNetworkAccess",
    });

    describe("passes", () => {
        it.each([
            ["denies by default with no rule", deny()],
            ["denies by default in lower case with an office range", { networkRuleSet: { defaultAction: "deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }] } }],
            ["denies by default with a /8", deny([{ iPAddressOrRange: "10.0.0.0/8" }])],
        ])("when the registry %s", async (_, props) => {
            expect((await runResourcePolicy(policy, registry({ publicNetworkAccess: "Enabled", ...props }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the firewall allows by default", async () => {
            const r = await runResourcePolicy(policy, registry({ networkRuleSet: { defaultAction: "Allow", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.defaultAction` is not Deny");
        });

        it.each([
            ["0.0.0.0/0", [{ iPAddressOrRange: "0.0.0.0/0" }]],
            ["the internet in halves", [{ iPAddressOrRange: "0.0.0.0/1" }, { iPAddressOrRange: "128.0.0.0/1" }]],
            ["::/0", [{ iPAddressOrRange: "::/0" }]],
        ])("when an IP rule admits every address (%s), without printing it", async (_, rules) => {
            const r = await runResourcePolicy(policy, registry(deny(rules.map((x) => ({ iPAddressOrRange: secret(x.iPAddressOrRange) })))));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.ipRules` admits every address");
            expect(r.messages.join()).not.toMatch(/0\.0\.0\.0|::\/0/);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the default action is unknown", async () => {
            const r = await runResourcePolicy(policy, registry({ networkRuleSet: { defaultAction: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("networkRuleSet.defaultAction");
        });

        it("passes a closed firewall while the switch is unknown", async () => {
            expect((await runResourcePolicy(policy, registry({ publicNetworkAccess: UNKNOWN, ...deny() }))).verdict).toBe("pass");
        });

        it("fails a rule that admits everything even while another rule is unknown", async () => {
            expect((await runResourcePolicy(policy, registry(deny([{ iPAddressOrRange: UNKNOWN }, { iPAddressOrRange: "0.0.0.0/0" }])))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("has no allowSelectedNetworks key: a firewall that denies by default is accepted already", async () => {
            await expect(runResourcePolicy(policy, registry(deny()), { allowSelectedNetworks: true })).rejects.toThrow("config key 'allowSelectedNetworks'");
        });
    });
});
