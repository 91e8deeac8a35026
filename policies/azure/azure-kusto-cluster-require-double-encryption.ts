import { isOn } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-kusto-cluster-require-double-encryption",
    title: "Data Explorer clusters encrypt twice (double encryption)",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "low",
    description:
        "Double encryption adds infrastructure-level encryption, with a second key and algorithm, under Azure Data " +
        "Explorer's service-level encryption. It is off unless `enableDoubleEncryption` is true, and Azure only accepts it when the cluster is created.",
    remediation: "Set `enableDoubleEncryption` to true when the cluster is created.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:kusto:Cluster"],
    config: {},
    catalogue: ["azure-enc-data-explorer-double"],
    examples: {
        pass: [{ title: "a cluster with double encryption", type: "azure-native:kusto:Cluster", props: { resourceGroupName: "rg", sku: { name: "Standard_E8ads_v5", tier: "Standard" }, enableDoubleEncryption: true } }],
        fail: [{ title: "a cluster with one layer of encryption", type: "azure-native:kusto:Cluster", props: { resourceGroupName: "rg", sku: { name: "Standard_E8ads_v5", tier: "Standard" } } }],
    },
    check({ props }) {
        return isOn(props.get("enableDoubleEncryption"), "`enableDoubleEncryption` is not true (data is encrypted once); set it to true.");
    },
});
