import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-restrict-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const SUBNET = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });
const denyWith = (rules: Record<string, unknown> = {}) => ({ networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices", ...rules } });

describe("azure-storage-account-restrict-network-access", () => {
    describe("passes", () => {
        it.each([
            ["turns public network access off", { publicNetworkAccess: "Disabled" }],
            ["turns it off in lower case", { publicNetworkAccess: "disabled" }],
            ["leaves it to a network security perimeter", { publicNetworkAccess: "SecuredByPerimeter" }],
            ["denies by default (public access unset)", denyWith()],
            ["denies by default in lower case, with public access Enabled", { publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "deny" } }],
            ["admits one subnet and one office range", denyWith({ virtualNetworkRules: [{ virtualNetworkResourceId: SUBNET }], ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] })],
            ["has an allow-all firewall but public access off", { publicNetworkAccess: "Disabled", networkRuleSet: { defaultAction: "Allow" } }],
            ["admits secret IP ranges", denyWith({ ipRules: [{ iPAddressOrRange: secret("198.51.100.7") }] })],
        ])("when the account %s", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["says nothing about networks (default: every network)", {}],
            ["enables public access with no firewall", { publicNetworkAccess: "Enabled" }],
            ["allows by default", { networkRuleSet: { defaultAction: "Allow", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] } }],
        ])("when the account %s", async (_, props) => {
            const r = await runResourcePolicy(policy, account(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.defaultAction` is not Deny");
        });

        it("when an IP rule admits every address, without printing it", async () => {
            const r = await runResourcePolicy(policy, account(denyWith({ ipRules: [{ iPAddressOrRange: "203.0.113.9" }, { iPAddressOrRange: secret("0.0.0.0/0") }] })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.ipRules` admits every address");
            expect(r.messages.join()).not.toContain("0.0.0.0");
        });

        it("when IP rules admit the whole internet in halves (0.0.0.0/1 + 128.0.0.0/1), no rule being a /0", async () => {
            const r = await runResourcePolicy(policy, account(denyWith({ ipRules: [{ iPAddressOrRange: "0.0.0.0/1" }, { iPAddressOrRange: "128.0.0.0/1" }] })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`networkRuleSet.ipRules` admits every address");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({}, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide an allow-all account while public network access is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publicNetworkAccess");
        });

        it("cannot decide while the default action is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ networkRuleSet: { defaultAction: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".networkRuleSet.defaultAction");
        });

        it("cannot decide a deny-by-default account while an IP rule is unknown", async () => {
            expect((await runResourcePolicy(policy, account(denyWith({ ipRules: [{ iPAddressOrRange: UNKNOWN }] })))).verdict).toBe("unknown");
        });

        it("passes a closed firewall while public network access is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: UNKNOWN, ...denyWith() }))).verdict).toBe("pass");
        });

        it("passes an account with public access off while its firewall is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: "Disabled", networkRuleSet: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("allows public accounts when allowPublicNetworkAccess is true", async () => {
            expect((await runResourcePolicy(policy, account({}), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });

        it("keeps failing public accounts when allowPublicNetworkAccess is false", async () => {
            expect((await runResourcePolicy(policy, account({}), { allowPublicNetworkAccess: false })).verdict).toBe("fail");
        });

        it("rejects a non-boolean allowPublicNetworkAccess, naming the key", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowPublicNetworkAccess: "yes" })).rejects.toThrow(
                "config key 'allowPublicNetworkAccess' must be a boolean",
            );
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
