import { firewallVerdict, isPublicNetworkAccessOff } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-keyvault-vault-restrict-public-network-access",
    title: "Key Vaults are not reachable from every network",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "Key Vaults accept traffic from every network unless told otherwise. A vault must either turn public network " +
        "access off (`properties.publicNetworkAccess` Disabled, any case) or deny by default " +
        "(`properties.networkAcls.defaultAction` Deny) and admit only listed networks, with no IP rule that admits every address.",
    remediation:
        "Set `properties.publicNetworkAccess` to Disabled and use a private endpoint, or set " +
        "`properties.networkAcls.defaultAction` to Deny with `ipRules` / `virtualNetworkRules` for the networks that need " +
        "access. Set the config `allowPublicNetworkAccess` to true only for stacks whose vaults must be public.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:keyvault:Vault"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Key Vaults that accept traffic from every network (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a vault with public network access disabled", type: "azure-native:keyvault:Vault", props: { properties: { publicNetworkAccess: "disabled" } } },
            { title: "a vault whose firewall denies by default", type: "azure-native:keyvault:Vault", props: { properties: { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24" }] } } } },
        ],
        fail: [
            { title: "a vault that says nothing about network access", type: "azure-native:keyvault:Vault", props: { properties: { tenantId: "00000000-0000-0000-0000-000000000001" } } },
            { title: "a firewall rule that admits every address", type: "azure-native:keyvault:Vault", props: { properties: { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "0.0.0.0/0" }] } } } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const properties = props.get("properties");
        if (properties.isUnknown) return unknown(properties);
        const access = properties.get("publicNetworkAccess");
        if (isPublicNetworkAccessOff(access)) return pass;
        const firewall = firewallVerdict(properties.get("networkAcls"), "value", {
            openDefault:
                "`properties.publicNetworkAccess` is not Disabled and `properties.networkAcls.defaultAction` is not Deny, so the " +
                "vault accepts traffic from every network; set `publicNetworkAccess` to Disabled, or `networkAcls.defaultAction` to Deny with explicit rules.",
            openRule:
                "`properties.networkAcls.ipRules` admits every address (a range wider than /8 for IPv4 or /32 for IPv6), which undoes `defaultAction` Deny; remove " +
                "that rule or set `publicNetworkAccess` to Disabled.",
        });
        // While `publicNetworkAccess` is unknown it may yet be Disabled: an open firewall proves nothing.
        return firewall.kind === "pass" || !access.isUnknown ? firewall : unknown(access);
    },
});
