import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-disallow-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });
const denyByDefault = { networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] } };

describe("azure-storage-account-disallow-public-network-access", () => {
    it("is advisory and cites CIS 3.7 and MCSB NS-2", () => {
        expect(policy.meta.enforcementLevel).toBe("advisory");
        expect(policy.meta.frameworks).toEqual(expect.arrayContaining([expect.objectContaining({ framework: "cis-azure", id: "3.7" }), expect.objectContaining({ framework: "mcsb", version: "v1", id: "NS-2" })]));
    });

    describe("passes", () => {
        it.each([
            ["turns public network access off", { publicNetworkAccess: "Disabled" }],
            ["turns it off in lower case", { publicNetworkAccess: "disabled" }],
            ["leaves it to a network security perimeter", { publicNetworkAccess: "SecuredByPerimeter" }],
            ["turns it off with an allow-all firewall beside it", { publicNetworkAccess: "Disabled", networkRuleSet: { defaultAction: "Allow" } }],
            ["turns it off while its firewall is unknown", { publicNetworkAccess: "Disabled", networkRuleSet: UNKNOWN }],
        ])("when the account %s", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the account leaves public network access unset, saying the default is Enabled", async () => {
            const r = await runResourcePolicy(policy, account({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicNetworkAccess` is unset (the default is Enabled)");
            expect(r.messages.join()).toContain("reachable through its public endpoint");
            expect(r.messages.join()).toContain("set `publicNetworkAccess` to Disabled");
        });

        it.each([
            ["enables public access", { publicNetworkAccess: "Enabled" }],
            ["enables it in lower case", { publicNetworkAccess: "enabled" }],
            ["enables it behind a deny-by-default firewall", { publicNetworkAccess: "Enabled", ...denyByDefault }],
            ["leaves it unset behind a deny-by-default firewall", denyByDefault],
            ["sets it to an empty string", { publicNetworkAccess: "" }],
        ])("when the account %s", async (_, props) => {
            const r = await runResourcePolicy(policy, account(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("reachable through its public endpoint, subject only to its firewall");
        });

        it("when the value is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ publicNetworkAccess: secret("Enabled") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicNetworkAccess` is not Disabled");
            expect(r.messages.join()).not.toContain("Enabled");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({}, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while public network access is unknown, naming the property", async () => {
            const r = await runResourcePolicy(policy, account({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publicNetworkAccess");
        });

        it("cannot decide while public network access is unknown, even behind a closed firewall", async () => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: UNKNOWN, ...denyByDefault }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("allows public endpoints when allowPublicEndpoint is true", async () => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: "Enabled" }), { allowPublicEndpoint: true })).verdict).toBe("pass");
        });

        it("keeps failing public endpoints when allowPublicEndpoint is false", async () => {
            expect((await runResourcePolicy(policy, account({ publicNetworkAccess: "Enabled" }), { allowPublicEndpoint: false })).verdict).toBe("fail");
        });

        it("rejects a non-boolean allowPublicEndpoint, naming the key", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowPublicEndpoint: "yes" })).rejects.toThrow("config key 'allowPublicEndpoint' must be a boolean");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
