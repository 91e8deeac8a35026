import { firewallState, isPublicNetworkAccessOff } from "../core/azure";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";

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
        { framework: "cis-azure", version: "2.1.0", id: "3.7" },
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
    check({ props }, config, report) {
        if (config.allowPublicNetworkAccess) return;
        const known = new KnownValues();
        const access = known.get(props, "publicNetworkAccess");
        if (access.known && isPublicNetworkAccessOff(access.value)) return;
        const firewall = firewallState(known, props, "networkRuleSet", "iPAddressOrRange");
        if (firewall === "closed") return;
        if (access.known && firewall === "open-default") {
            report(
                "`publicNetworkAccess` is not Disabled and `networkRuleSet.defaultAction` is not Deny, so the account accepts " +
                    "traffic from every network; set `publicNetworkAccess` to Disabled, or `networkRuleSet.defaultAction` to Deny with explicit network rules.",
            );
            return;
        }
        if (access.known && firewall === "open-rule") {
            report(
                "`networkRuleSet.ipRules` admits every address (a range wider than /8 for IPv4 or /32 for IPv6), which undoes `defaultAction` Deny; remove that rule " +
                    "or set `publicNetworkAccess` to Disabled.",
            );
            return;
        }
        known.settle();
    },
});
