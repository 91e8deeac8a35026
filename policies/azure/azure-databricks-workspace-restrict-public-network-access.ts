import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-databricks-workspace-restrict-public-network-access",
    title: "Databricks workspaces turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure Databricks workspace's web application and REST APIs are reachable from every network unless " +
        "`publicNetworkAccess` is Disabled (unset means Enabled). Workspaces must set `publicNetworkAccess` to " +
        "Disabled (with `requiredNsgRules` NoAzureDatabricksRules) and be reached through private endpoints.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and `requiredNsgRules` to NoAzureDatabricksRules, and connect " +
        "through a private endpoint (front-end Private Link). Set the config `allowPublicNetworkAccess` to true " +
        "only for stacks whose workspaces must keep a public endpoint.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:databricks:Workspace"],
    catalogue: ["azure-public-databricks"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Databricks workspaces with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a workspace with public network access disabled", type: "azure-native:databricks:Workspace", props: { publicNetworkAccess: "Disabled", requiredNsgRules: "NoAzureDatabricksRules" } },
        ],
        fail: [
            { title: "a workspace that leaves public network access unset (Enabled)", type: "azure-native:databricks:Workspace", props: { sku: { name: "premium" } } },
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
