import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-synapse-workspace-restrict-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const WORKSPACE = "azure-native:synapse:Workspace";
const RULE = "azure-native:synapse:IpFirewallRule";
const workspace = (props: Record<string, unknown> = {}, type = WORKSPACE) => ({ type, props: { resourceGroupName: "rg", managedVirtualNetwork: "default", ...props } });
const rule = (startIpAddress: unknown, endIpAddress: unknown) => ({ type: RULE, props: { resourceGroupName: "rg", workspaceName: "ws", ruleName: "r", startIpAddress, endIpAddress } });

describe("azure-synapse-workspace-restrict-public-network-access", () => {
    describe("passes", () => {
        it.each(["Disabled", "disabled"])("a workspace whose public network access is %s", async (v) => {
            expect((await runResourcePolicy(policy, workspace({ publicNetworkAccess: v }))).verdict).toBe("pass");
        });
        it("a firewall rule for an office range", async () => {
            expect((await runResourcePolicy(policy, rule("203.0.113.0", "203.0.113.255"))).verdict).toBe("pass");
        });
        it.each(versionedTokens(WORKSPACE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, workspace({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([["unset", {}], ["Enabled", { publicNetworkAccess: "Enabled" }]])("a workspace whose public network access is %s", async (_, props) => {
            const r = await runResourcePolicy(policy, workspace(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicNetworkAccess` is not Disabled (unset means Enabled)");
        });
        it.each([
            ["allowAll", "0.0.0.0", "255.255.255.255"],
            ["Azure services", "0.0.0.0", "0.0.0.0"],
            ["the upper half of the internet", "128.0.0.0", "255.255.255.255"],
        ])("the %s firewall rule", async (_, start, end) => {
            expect((await runResourcePolicy(policy, rule(start, end))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while public network access is unknown", async () => {
            const r = await runResourcePolicy(policy, workspace({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("publicNetworkAccess");
        });
        it("cannot decide a rule whose start address is unknown", async () => {
            expect((await runResourcePolicy(policy, rule(UNKNOWN, "255.255.255.255"))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("accepts a public workspace with allowSelectedNetworks, still failing an allowAll rule", async () => {
            expect((await runResourcePolicy(policy, workspace(), { allowSelectedNetworks: true })).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, rule("0.0.0.0", "255.255.255.255"), { allowSelectedNetworks: true })).verdict).toBe("fail");
        });
        it("turns the check off with allowPublicNetworkAccess", async () => {
            expect((await runResourcePolicy(policy, rule("0.0.0.0", "255.255.255.255"), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });
        it("rejects an unknown key", async () => {
            await expect(runResourcePolicy(policy, workspace(), { publicNetworkAccess: "Enabled" })).rejects.toThrow("config key 'publicNetworkAccess'");
        });
    });
});
