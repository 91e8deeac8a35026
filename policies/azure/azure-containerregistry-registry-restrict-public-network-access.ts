import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-containerregistry-registry-restrict-public-network-access",
    title: "Container registries are not reachable from every network",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A container registry accepts pulls and pushes from every network unless told otherwise. A registry must " +
        "either turn public network access off (`publicNetworkAccess` Disabled; unset means Enabled) or deny by " +
        "default (`networkRuleSet.defaultAction` Deny, Premium SKU) and admit only listed networks, with no IP " +
        "rule that admits every address.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and use private endpoints, or set `networkRuleSet.defaultAction` to " +
        "Deny with `ipRules` for the networks that need access. Set the config `allowPublicNetworkAccess` to true " +
        "only for stacks whose registries must be public.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:containerregistry:Registry"],
    catalogue: ["azure-public-acr-network"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow container registries with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a registry with public network access disabled", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Premium" }, publicNetworkAccess: "Disabled" } },
            { title: "a registry whose firewall denies by default", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Premium" }, networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] } } },
        ],
        fail: [
            { title: "a registry that says nothing about network access", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Basic" } } },
            { title: "a firewall rule that admits every address", type: "azure-native:containerregistry:Registry", props: { sku: { name: "Premium" }, networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "0.0.0.0/0" }] } } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const acl = props.get("networkRuleSet");
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), firewall: { defaultAction: acl.get("defaultAction"), ipRules: acl.get("ipRules"), valueKey: "iPAddressOrRange" }, noun: "the registry" },
            { acceptSelected: true },
        );
    },
});
