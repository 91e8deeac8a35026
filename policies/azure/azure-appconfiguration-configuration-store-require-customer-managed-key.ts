import { namesKey } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-appconfiguration-configuration-store-require-customer-managed-key",
    title: "App Configuration stores encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "App Configuration always encrypts keys and values at rest with Microsoft-managed keys. Stores holding sensitive " +
        "settings should encrypt with a customer-managed key from Key Vault (`encryption.keyVaultProperties.keyIdentifier`; Standard or Premium SKU).",
    remediation:
        "Set `encryption.keyVaultProperties.keyIdentifier` to a Key Vault key URI and `identityClientId` to a user-assigned " +
        "identity that may use the key (or give the store a system-assigned identity).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:appconfiguration:ConfigurationStore"],
    config: {},
    catalogue: ["azure-enc-appconfig-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:appconfiguration:ConfigurationStore", props: { resourceGroupName: "rg", sku: { name: "standard" }, encryption: { keyVaultProperties: { keyIdentifier: "https://contoso.vault.azure.net/keys/appconfig" } } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:appconfiguration:ConfigurationStore", props: { resourceGroupName: "rg", sku: { name: "standard" } } }],
    },
    check({ props }) {
        return namesKey(
            props.get("encryption").get("keyVaultProperties").get("keyIdentifier"),
            "`encryption.keyVaultProperties.keyIdentifier` is not set (the store uses Microsoft-managed keys); set it to a Key Vault key URI.",
        );
    },
});
