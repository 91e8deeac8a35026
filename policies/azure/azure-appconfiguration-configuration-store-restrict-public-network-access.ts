import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-appconfiguration-configuration-store-restrict-public-network-access",
    title: "App Configuration stores turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An App Configuration store answers on its public endpoint unless `publicNetworkAccess` is Disabled (unset " +
        "leaves it reachable from every network until a private endpoint exists, and Azure Policy counts unset as " +
        "not disabled). Stores must set `publicNetworkAccess` to Disabled and be reached through private " +
        "endpoints.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through a private endpoint. Set the config " +
        "`allowPublicNetworkAccess` to true only for stacks whose stores must keep a public endpoint.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:appconfiguration:ConfigurationStore"],
    catalogue: ["azure-public-appconfig"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow configuration stores with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a store with public network access disabled", type: "azure-native:appconfiguration:ConfigurationStore", props: { sku: { name: "Standard" }, publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a store that leaves public network access unset", type: "azure-native:appconfiguration:ConfigurationStore", props: { sku: { name: "Standard" } } },
            { title: "a store with public network access enabled", type: "azure-native:appconfiguration:ConfigurationStore", props: { sku: { name: "Standard" }, publicNetworkAccess: "Enabled" } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), noun: "the store" },
            { acceptSelected: false },
        );
    },
});
