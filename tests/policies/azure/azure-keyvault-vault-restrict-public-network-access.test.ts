import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-keyvault-vault-restrict-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:keyvault:Vault";
const TENANT = "00000000-0000-0000-0000-000000000000";
const SUBNET = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app";
const vault = (properties: Record<string, unknown>, type = TYPE) => ({
    type,
    props: { resourceGroupName: "rg", properties: { tenantId: TENANT, sku: { family: "A", name: "standard" }, enablePurgeProtection: true, ...properties } },
});
const denyWith = (rules: Record<string, unknown> = {}) => ({ networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ...rules } });

describe("azure-keyvault-vault-restrict-public-network-access", () => {
    describe("passes", () => {
        it.each([
            ["turns public network access off (documented lower case)", { publicNetworkAccess: "disabled" }],
            ["turns it off in title case", { publicNetworkAccess: "Disabled" }],
            ["denies by default", denyWith()],
            ["denies by default in lower case with public access enabled", { publicNetworkAccess: "enabled", networkAcls: { defaultAction: "deny" } }],
            ["admits one subnet and one office range", denyWith({ virtualNetworkRules: [{ id: SUBNET }], ipRules: [{ value: "203.0.113.0/24" }] })],
            ["keeps an allow-all ACL but turns public access off", { publicNetworkAccess: "Disabled", networkAcls: { defaultAction: "Allow" } }],
        ])("when the vault %s", async (_, properties) => {
            expect((await runResourcePolicy(policy, vault(properties))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, vault({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["says nothing about networks", {}],
            ["enables public access without an ACL", { publicNetworkAccess: "Enabled" }],
            ["allows by default", { networkAcls: { defaultAction: "Allow", ipRules: [{ value: "203.0.113.0/24" }] } }],
            ["has an ACL without a default action", { networkAcls: { bypass: "None" } }],
        ])("when the vault %s", async (_, properties) => {
            const r = await runResourcePolicy(policy, vault(properties));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.networkAcls.defaultAction` is not Deny");
        });

        it("when an IP rule admits every address, without printing it", async () => {
            const r = await runResourcePolicy(policy, vault(denyWith({ ipRules: [{ value: secret("0.0.0.0/0") }] })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.networkAcls.ipRules` admits every address");
            expect(r.messages.join()).not.toContain("0.0.0.0");
        });

        it("when IP rules admit the whole internet in quarters and halves, no rule being a /0", async () => {
            const r = await runResourcePolicy(policy, vault(denyWith({ ipRules: [{ value: "0.0.0.0/2" }, { value: "64.0.0.0/2" }, { value: "128.0.0.0/1" }] })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.networkAcls.ipRules` admits every address");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, vault({}, type))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide an open vault while public network access is unknown", async () => {
            const r = await runResourcePolicy(policy, vault({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".properties.publicNetworkAccess");
        });

        it("cannot decide while the ACL is unknown", async () => {
            expect((await runResourcePolicy(policy, vault({ networkAcls: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("cannot decide while the whole properties block is unknown", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { resourceGroupName: "rg", properties: UNKNOWN } })).verdict).toBe("unknown");
        });

        it("passes a closed ACL while public network access is unknown", async () => {
            expect((await runResourcePolicy(policy, vault({ publicNetworkAccess: UNKNOWN, ...denyWith() }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("allows public vaults when allowPublicNetworkAccess is true", async () => {
            expect((await runResourcePolicy(policy, vault({}), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });

        it("rejects a non-boolean allowPublicNetworkAccess, naming the key", async () => {
            await expect(runResourcePolicy(policy, vault({}), { allowPublicNetworkAccess: "true" })).rejects.toThrow("config key 'allowPublicNetworkAccess' must be a boolean");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, vault({}), { publicNetworkAccess: "Enabled" })).rejects.toThrow("config key 'publicNetworkAccess'");
        });
    });
});
