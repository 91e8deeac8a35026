import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-kusto-cluster-restrict-public-network-access",
    title: "Data Explorer clusters turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure Data Explorer (Kusto) cluster accepts queries and ingestion from every network unless " +
        "`publicNetworkAccess` is Disabled (unset means Enabled) or `allowedIpRangeList` lists the networks " +
        "allowed. Clusters must set `publicNetworkAccess` to Disabled and be reached through private endpoints; " +
        "with the config `allowSelectedNetworks`, an allowed IP range list without a range that admits every " +
        "address is accepted instead.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through a private endpoint. To keep a public endpoint " +
        "limited to known networks, list them in `allowedIpRangeList` and set the config `allowSelectedNetworks` " +
        "to true; `allowPublicNetworkAccess` turns the check off.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:kusto:Cluster"],
    catalogue: ["azure-public-data-explorer"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Data Explorer clusters with a public endpoint (turns this policy's check off).",
        },
        allowSelectedNetworks: {
            type: "boolean",
            default: false,
            description: "Accept a public endpoint whose firewall admits only listed networks (the benchmark asks for public network access Disabled).",
        },
    },
    examples: {
        pass: [
            { title: "a cluster with public network access disabled", type: "azure-native:kusto:Cluster", props: { sku: { name: "Standard_E8ads_v5", tier: "Standard" }, publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a cluster that leaves public network access unset (Enabled)", type: "azure-native:kusto:Cluster", props: { sku: { name: "Standard_E8ads_v5", tier: "Standard" } } },
            { title: "an allowed range that admits every address", type: "azure-native:kusto:Cluster", props: { sku: { name: "Standard_E8ads_v5", tier: "Standard" }, allowedIpRangeList: ["0.0.0.0/0"] }, config: { allowSelectedNetworks: true } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), firewall: { ipRules: props.get("allowedIpRangeList") }, noun: "the cluster" },
            {
                acceptSelected: config.allowSelectedNetworks,
                selectedRemedy: "set the config `allowSelectedNetworks` to true to accept a firewalled public endpoint",
            },
        );
    },
});
