import { isSetting, namesKey } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";
import { all } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-containerregistry-registry-require-customer-managed-key",
    title: "Container registries encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure Container Registry always encrypts images at rest with service-managed keys. Registries holding " +
        "sensitive images should encrypt with a customer-managed key from Key Vault (`encryption.status` enabled " +
        "with `encryption.keyVaultProperties.keyIdentifier`; Premium SKU).",
    remediation:
        "Set `encryption.status` to enabled and `encryption.keyVaultProperties.keyIdentifier` to a Key Vault key URI, " +
        "with `encryption.keyVaultProperties.identity` an identity that may use the key. Azure only accepts it when the registry is created.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:containerregistry:Registry"],
    config: {},
    catalogue: ["azure-enc-acr-cmk"],
    examples: {
        pass: [
            {
                title: "a registry with a Key Vault key",
                type: "azure-native:containerregistry:Registry",
                props: { resourceGroupName: "rg", sku: { name: "Premium" }, encryption: { status: "enabled", keyVaultProperties: { keyIdentifier: "https://contoso.vault.azure.net/keys/acr", identity: "00000000-0000-0000-0000-000000000001" } } },
            },
        ],
        fail: [{ title: "a registry with service-managed keys", type: "azure-native:containerregistry:Registry", props: { resourceGroupName: "rg", sku: { name: "Premium" } } }],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        return all([
            isSetting(encryption.get("status"), ["enabled"], "`encryption.status` is not enabled (the registry uses service-managed keys); set it to enabled with a Key Vault key."),
            namesKey(encryption.get("keyVaultProperties").get("keyIdentifier"), "`encryption.keyVaultProperties.keyIdentifier` is not set; set it to a Key Vault key URI."),
        ]);
    },
});
