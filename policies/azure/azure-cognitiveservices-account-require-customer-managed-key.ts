import { isSetting, namesKey } from "../core/azure-cmk";
import { all } from "../core/verdict";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-cognitiveservices-account-require-customer-managed-key",
    title: "Azure AI services accounts encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure AI services (Cognitive Services) always encrypt data at rest with Microsoft-managed keys. Accounts holding " +
        "sensitive data (models, training data, fine-tuning files) should encrypt with a customer-managed key from Key Vault.",
    remediation:
        "Set `properties.encryption.keySource` to Microsoft.KeyVault and `properties.encryption.keyVaultProperties` to the " +
        "key (`keyVaultUri`, `keyName`) with an identity that may use it.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    config: {},
    catalogue: ["azure-enc-cognitive-cmk"],
    examples: {
        pass: [{ title: "encrypted with a Key Vault key", type: "azure-native:cognitiveservices:Account", props: { resourceGroupName: "rg", kind: "OpenAI", properties: { encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: "https://contoso.vault.azure.net", keyName: "ai" } } } } }],
        fail: [{ title: "Microsoft-managed keys only", type: "azure-native:cognitiveservices:Account", props: { resourceGroupName: "rg", kind: "OpenAI", properties: {} } }],
    },
    check({ props }) {
        const encryption = props.get("properties").get("encryption");
        const key = encryption.get("keyVaultProperties");
        return all([
            isSetting(encryption.get("keySource"), ["Microsoft.KeyVault"], "`properties.encryption.keySource` is not Microsoft.KeyVault (the account uses Microsoft-managed keys); set it with `keyVaultProperties`."),
            namesKey(key.get("keyVaultUri"), "`properties.encryption.keyVaultProperties.keyVaultUri` is not set; set it to the Key Vault URI."),
            namesKey(key.get("keyName"), "`properties.encryption.keyVaultProperties.keyName` is not set; set it to the key name."),
        ]);
    },
});
