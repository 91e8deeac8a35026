import { namesKey } from "../core/azure-cmk";
import { all } from "../core/verdict";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-kusto-cluster-require-customer-managed-key",
    title: "Data Explorer clusters encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure Data Explorer encrypts cluster storage with Microsoft-managed keys. Clusters holding sensitive data should " +
        "encrypt with a customer-managed key from Key Vault (`keyVaultProperties`).",
    remediation:
        "Set `keyVaultProperties.keyVaultUri` and `keyVaultProperties.keyName` (and `userIdentity` when a user-assigned identity uses the key).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:kusto:Cluster"],
    config: {},
    catalogue: ["azure-enc-data-explorer-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:kusto:Cluster", props: { resourceGroupName: "rg", sku: { name: "Standard_E8ads_v5", tier: "Standard" }, keyVaultProperties: { keyVaultUri: "https://contoso.vault.azure.net", keyName: "adx" } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:kusto:Cluster", props: { resourceGroupName: "rg", sku: { name: "Standard_E8ads_v5", tier: "Standard" } } }],
    },
    check({ props }) {
        const key = props.get("keyVaultProperties");
        return all([
            namesKey(key.get("keyVaultUri"), "`keyVaultProperties.keyVaultUri` is not set (the cluster uses Microsoft-managed keys); set it to the Key Vault URI."),
            namesKey(key.get("keyName"), "`keyVaultProperties.keyName` is not set; set it to the key name."),
        ]);
    },
});
