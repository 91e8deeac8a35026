import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-search-service-restrict-public-network-access",
    title: "Azure AI Search services turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure AI Search service answers queries from every network unless `publicNetworkAccess` is Disabled " +
        "(unset means Enabled) or `networkRuleSet.ipRules` lists the networks allowed. Services must set " +
        "`publicNetworkAccess` to Disabled and be reached through private endpoints; with the config " +
        "`allowSelectedNetworks`, an IP allow-list without a rule that admits every address is accepted instead.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through a private endpoint. To keep a public endpoint " +
        "limited to known networks, list them in `networkRuleSet.ipRules` and set the config " +
        "`allowSelectedNetworks` to true; `allowPublicNetworkAccess` turns the check off.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:search:Service"],
    catalogue: ["azure-public-search"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow search services with a public endpoint (turns this policy's check off).",
        },
        allowSelectedNetworks: {
            type: "boolean",
            default: false,
            description: "Accept a public endpoint whose firewall admits only listed networks (the benchmark asks for public network access Disabled).",
        },
    },
    examples: {
        pass: [
            { title: "a service with public network access disabled", type: "azure-native:search:Service", props: { sku: { name: "standard" }, publicNetworkAccess: "Disabled" } },
            { title: "an IP allow-list, with allowSelectedNetworks", type: "azure-native:search:Service", props: { sku: { name: "standard" }, networkRuleSet: { ipRules: [{ value: "203.0.113.0/24" }] } }, config: { allowSelectedNetworks: true } },
        ],
        fail: [
            { title: "a service that leaves public network access unset (Enabled)", type: "azure-native:search:Service", props: { sku: { name: "standard" } } },
            { title: "an IP allow-list without allowSelectedNetworks", type: "azure-native:search:Service", props: { sku: { name: "standard" }, networkRuleSet: { ipRules: [{ value: "203.0.113.0/24" }] } } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const acl = props.get("networkRuleSet");
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), firewall: { ipRules: acl.get("ipRules"), valueKey: "value" }, noun: "the search service" },
            {
                acceptSelected: config.allowSelectedNetworks,
                selectedRemedy: "set the config `allowSelectedNetworks` to true to accept a firewalled public endpoint",
            },
        );
    },
});
