import { isSetting, namesKey } from "../core/azure-cmk";
import { all } from "../core/verdict";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-machinelearningservices-workspace-require-customer-managed-key",
    title: "Machine Learning workspaces encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure Machine Learning encrypts workspace data at rest with Microsoft-managed keys. Workspaces holding sensitive " +
        "data should encrypt with a customer-managed key from Key Vault (`encryption.status` Enabled with " +
        "`encryption.keyVaultProperties`), which Azure only accepts when the workspace is created.",
    remediation:
        "Set `encryption.status` to Enabled and `encryption.keyVaultProperties` to the key (`keyIdentifier`, `keyVaultArmId`).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    config: {},
    catalogue: ["azure-enc-ml-workspace-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:machinelearningservices:Workspace", props: { resourceGroupName: "rg", encryption: { status: "Enabled", keyVaultProperties: { keyIdentifier: "https://contoso.vault.azure.net/keys/ml/1", keyVaultArmId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/contoso" } } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:machinelearningservices:Workspace", props: { resourceGroupName: "rg" } }],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        return all([
            isSetting(encryption.get("status"), ["Enabled"], "`encryption.status` is not Enabled (the workspace uses Microsoft-managed keys); set it with `encryption.keyVaultProperties`."),
            namesKey(encryption.get("keyVaultProperties").get("keyIdentifier"), "`encryption.keyVaultProperties.keyIdentifier` is not set; set it to a Key Vault key URI."),
        ]);
    },
});
