import { firewallVerdict, isPublicNetworkAccessOff } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-storage-account-restrict-network-access",
    title: "Storage accounts are not reachable from every network",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "Storage accounts accept connections from any network by default. An account must either turn public network " +
        "access off (`publicNetworkAccess` Disabled, or SecuredByPerimeter) or deny by default " +
        "(`networkRuleSet.defaultAction` Deny) and admit only listed networks, with no IP rule that admits every address.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and reach the account through private endpoints, or set " +
        "`networkRuleSet.defaultAction` to Deny with `virtualNetworkRules` / `ipRules` for the networks that need access. " +
        "Set the config `allowPublicNetworkAccess` to true only for stacks whose accounts must be public.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.8" },
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow storage accounts that accept traffic from every network (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "an account with public network access disabled", type: "azure-native:storage:StorageAccount", props: { publicNetworkAccess: "Disabled" } },
            {
                title: "an account whose firewall denies by default",
                type: "azure-native:storage:StorageAccount",
                props: { networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] } },
            },
        ],
        fail: [
            { title: "an account that says nothing about network access", type: "azure-native:storage:StorageAccount", props: { kind: "StorageV2" } },
            { title: "a firewall rule that admits every address", type: "azure-native:storage:StorageAccount", props: { networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "0.0.0.0/1" }] } } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const access = props.get("publicNetworkAccess");
        if (isPublicNetworkAccessOff(access)) return pass;
        const firewall = firewallVerdict(props.get("networkRuleSet"), "iPAddressOrRange", {
            openDefault:
                "`publicNetworkAccess` is not Disabled and `networkRuleSet.defaultAction` is not Deny, so the account accepts " +
                "traffic from every network; set `publicNetworkAccess` to Disabled, or `networkRuleSet.defaultAction` to Deny with explicit network rules.",
            openRule:
                "`networkRuleSet.ipRules` admits every address (a range wider than /8 for IPv4 or /32 for IPv6), which undoes `defaultAction` Deny; remove that rule " +
                "or set `publicNetworkAccess` to Disabled.",
        });
        // While `publicNetworkAccess` is unknown it may yet be Disabled: an open firewall proves nothing.
        return firewall.kind === "pass" || !access.isUnknown ? firewall : unknown(access);
    },
});
