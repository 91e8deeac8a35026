import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-cosmosdb-account-restrict-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:cosmosdb:DatabaseAccount";
const SUBNET = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app";
const base = { resourceGroupName: "rg", databaseAccountOfferType: "Standard", locations: [{ locationName: "japaneast" }] };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });
const ALIASES = [...versionedTokens(TYPE), "azure-native:documentdb:DatabaseAccount", "azure-native_documentdb_v20210415:documentdb:DatabaseAccount"];

describe("azure-cosmosdb-account-restrict-public-network-access", () => {
    describe("passes", () => {
        it.each([
            ["turns public network access off", { publicNetworkAccess: "Disabled" }],
            ["turns it off in lower case", { publicNetworkAccess: "disabled" }],
            ["leaves it to a network security perimeter", { publicNetworkAccess: "SecuredByPerimeter" }],
            ["lists office IP ranges", { ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }, { ipAddressOrRange: "198.51.100.7" }] }],
            ["filters by virtual network", { isVirtualNetworkFilterEnabled: true, virtualNetworkRules: [{ id: SUBNET }] }],
            ["filters by virtual network with no rule (no public access at all)", { isVirtualNetworkFilterEnabled: true }],
            ["lists a secret IP range", { ipRules: [{ ipAddressOrRange: secret("192.0.2.10") }] }],
        ])("when the account %s", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });

        it.each(ALIASES)("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["says nothing about networks", {}],
            ["enables public access with no firewall", { publicNetworkAccess: "Enabled", ipRules: [], isVirtualNetworkFilterEnabled: false }],
        ])("when the account %s", async (_, props) => {
            const r = await runResourcePolicy(policy, account(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("no firewall is set");
        });

        it.each([
            ["every Azure datacenter (0.0.0.0)", "0.0.0.0"],
            ["every address (0.0.0.0/0)", "0.0.0.0/0"],
            ["half of every address (0.0.0.0/1)", "0.0.0.0/1"],
        ])("when an IP rule admits %s, without printing it", async (_, range) => {
            const r = await runResourcePolicy(policy, account({ ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }, { ipAddressOrRange: secret(range) }], isVirtualNetworkFilterEnabled: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`ipRules` admits every address or every Azure datacenter");
            expect(r.messages.join().replace("(0.0.0.0, or a range wider than /8 for IPv4 or /32 for IPv6)", "")).not.toContain(range);
        });

        it.each(ALIASES)("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({}, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide an unfiltered account while public network access is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publicNetworkAccess");
        });

        it("cannot decide while an IP rule is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ ipRules: [{ ipAddressOrRange: UNKNOWN }] }))).verdict).toBe("unknown");
        });

        it("cannot decide while the virtual network filter flag is unknown and there are no IP rules", async () => {
            const r = await runResourcePolicy(policy, account({ isVirtualNetworkFilterEnabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".isVirtualNetworkFilterEnabled");
        });

        it("passes a filtered account while public network access is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: UNKNOWN, isVirtualNetworkFilterEnabled: true }))).verdict).toBe("pass");
        });

        it("still fails an all-addresses rule while the virtual network filter flag is unknown", async () => {
            const props = { publicNetworkAccess: "Enabled", isVirtualNetworkFilterEnabled: UNKNOWN, ipRules: [{ ipAddressOrRange: "0.0.0.0/0" }] };
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("allows public accounts when allowPublicNetworkAccess is true", async () => {
            expect((await runResourcePolicy(policy, account({}), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });

        it("rejects a non-boolean allowPublicNetworkAccess, naming the key", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowPublicNetworkAccess: null })).rejects.toThrow("config key 'allowPublicNetworkAccess' must be a boolean");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { ipRules: [] })).rejects.toThrow("config key 'ipRules'");
        });
    });
});
