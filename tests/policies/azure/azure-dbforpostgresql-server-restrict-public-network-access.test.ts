import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbforpostgresql-server-restrict-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const SERVER = "azure-native:dbforpostgresql:Server";
const RULE = "azure-native:dbforpostgresql:FirewallRule";
const SUBNET = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/db";
const server = (network?: Record<string, unknown>, type = SERVER) => ({ type, props: { resourceGroupName: "rg", version: "8.0", ...(network ? { network } : {}) } });
const rule = (startIpAddress: unknown, endIpAddress: unknown, type = RULE) => ({ type, props: { resourceGroupName: "rg", serverName: "db", startIpAddress, endIpAddress } });
const SELECTED = { allowSelectedNetworks: true };

describe("azure-dbforpostgresql-server-restrict-public-network-access", () => {
    describe("passes", () => {
        it.each([
            ["public network access disabled", { publicNetworkAccess: "Disabled" }],
            ["public network access disabled in lower case", { publicNetworkAccess: "disabled" }],
            ["a delegated subnet (VNet integration) and no access setting", { delegatedSubnetResourceId: SUBNET }],
        ])("a server with %s", async (_, network) => {
            expect((await runResourcePolicy(policy, server(network))).verdict).toBe("pass");
        });

        it.each([
            ["one office range", "203.0.113.0", "203.0.113.255"],
            ["one address", "198.51.100.7", "198.51.100.7"],
            ["a /8", "10.0.0.0", "10.255.255.255"],
        ])("a firewall rule for %s", async (_, start, end) => {
            expect((await runResourcePolicy(policy, rule(start, end))).verdict).toBe("pass");
        });

        it.each(versionedTokens(SERVER))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, server({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["leaves the network unset", undefined],
            ["enables public network access", { publicNetworkAccess: "Enabled" }],
        ])("a server that %s, saying unset means Enabled", async (_, network) => {
            const r = await runResourcePolicy(policy, server(network));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`network.publicNetworkAccess` is not Disabled (unset means Enabled");
        });

        it("the \"allow access from Azure services\" rule 0.0.0.0–0.0.0.0", async () => {
            const r = await runResourcePolicy(policy, rule("0.0.0.0", "0.0.0.0"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("allow access from Azure services");
        });

        it.each([
            ["every address", "0.0.0.0", "255.255.255.255"],
            ["the lower half of the internet", "0.0.0.0", "127.255.255.255"],
            ["the upper half, with blanks", " 128.0.0.0", "255.255.255.255 "],
            ["a little more than a /8", "10.0.0.0", "11.0.0.0"],
        ])("a firewall rule that admits %s, without printing it", async (_, start, end) => {
            const r = await runResourcePolicy(policy, rule(secret(start), end));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("admits more than a bounded range");
            expect(r.messages.join()).not.toContain(start.trim());
        });

        it.each(versionedTokens(RULE))("a wide rule under the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, rule("0.0.0.0", "255.255.255.255", type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the access setting is unknown", async () => {
            const r = await runResourcePolicy(policy, server({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("network.publicNetworkAccess");
        });

        it("cannot decide while the delegated subnet is unknown", async () => {
            expect((await runResourcePolicy(policy, server({ delegatedSubnetResourceId: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("cannot decide a firewall rule whose end address is unknown", async () => {
            expect((await runResourcePolicy(policy, rule("0.0.0.0", UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("accepts a public server when allowSelectedNetworks is true, still judging its rules", async () => {
            expect((await runResourcePolicy(policy, server({ publicNetworkAccess: "Enabled" }), SELECTED)).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, rule("0.0.0.0", "255.255.255.255"), SELECTED)).verdict).toBe("fail");
            expect((await runResourcePolicy(policy, rule("0.0.0.0", "0.0.0.0"), SELECTED)).verdict).toBe("fail");
        });

        it("turns everything off with allowPublicNetworkAccess", async () => {
            expect((await runResourcePolicy(policy, rule("0.0.0.0", "255.255.255.255"), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });

        it("rejects a non-boolean allowSelectedNetworks, naming the key", async () => {
            await expect(runResourcePolicy(policy, server(), { allowSelectedNetworks: "true" })).rejects.toThrow("config key 'allowSelectedNetworks' must be a boolean");
        });
    });
});
