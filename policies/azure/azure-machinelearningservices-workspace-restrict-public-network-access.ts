import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-machinelearningservices-workspace-restrict-public-network-access",
    title: "Machine Learning workspaces turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure Machine Learning workspace is reachable from every network unless `publicNetworkAccess` is " +
        "Disabled (unset means Enabled). Workspaces must set `publicNetworkAccess` to Disabled and be reached " +
        "through private endpoints.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through a private endpoint. Set the config " +
        "`allowPublicNetworkAccess` to true only for stacks whose workspaces must keep a public endpoint.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    catalogue: ["azure-public-ml-workspace"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Machine Learning workspaces with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a workspace with public network access disabled", type: "azure-native:machinelearningservices:Workspace", props: { publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a workspace that leaves public network access unset (Enabled)", type: "azure-native:machinelearningservices:Workspace", props: { friendlyName: "ml" } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), noun: "the workspace" },
            { acceptSelected: false },
        );
    },
});
