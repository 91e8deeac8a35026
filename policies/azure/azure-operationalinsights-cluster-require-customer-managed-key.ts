import { namesKey } from "../core/azure-cmk";
import { all } from "../core/verdict";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-operationalinsights-cluster-require-customer-managed-key",
    title: "Log Analytics dedicated clusters encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure Monitor Logs encrypts data at rest with Microsoft-managed keys; a dedicated cluster can add a customer-managed " +
        "key from Key Vault (`keyVaultProperties`) for the workspaces linked to it.",
    remediation:
        "Set `keyVaultProperties.keyVaultUri` and `keyVaultProperties.keyName` to a Key Vault key, with a cluster identity that may use it.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:operationalinsights:Cluster"],
    config: {},
    catalogue: ["azure-enc-log-analytics-cluster-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:operationalinsights:Cluster", props: { resourceGroupName: "rg", sku: { name: "CapacityReservation", capacity: 100 }, keyVaultProperties: { keyVaultUri: "https://contoso.vault.azure.net", keyName: "logs" } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:operationalinsights:Cluster", props: { resourceGroupName: "rg", sku: { name: "CapacityReservation", capacity: 100 } } }],
    },
    check({ props }) {
        const key = props.get("keyVaultProperties");
        return all([
            namesKey(key.get("keyVaultUri"), "`keyVaultProperties.keyVaultUri` is not set (the cluster uses Microsoft-managed keys); set it to the Key Vault URI."),
            namesKey(key.get("keyName"), "`keyVaultProperties.keyName` is not set; set it to the key name."),
        ]);
    },
});
