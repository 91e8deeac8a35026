import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-datafactory-factory-restrict-public-network-access",
    title: "Data factories turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A data factory accepts traffic (self-hosted integration runtimes, authoring) over its public endpoint " +
        "unless `publicNetworkAccess` is Disabled (unset means Enabled). Factories must set `publicNetworkAccess` " +
        "to Disabled and be reached through private endpoints.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through private endpoints. Set the config " +
        "`allowPublicNetworkAccess` to true only for stacks whose factories must keep a public endpoint.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:datafactory:Factory"],
    catalogue: ["azure-public-datafactory"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow data factories with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a factory with public network access disabled", type: "azure-native:datafactory:Factory", props: { publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a factory that leaves public network access unset (Enabled)", type: "azure-native:datafactory:Factory", props: { location: "japaneast" } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), noun: "the factory" },
            { acceptSelected: false },
        );
    },
});
