import { anyOf, isSetting, namesKey } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";
import { all } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-eventhub-namespace-require-customer-managed-key",
    title: "Event Hubs namespaces encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Event Hubs always encrypts data at rest with Microsoft-managed keys. Namespaces holding sensitive messages should " +
        "encrypt with a customer-managed key from Key Vault (`encryption.keySource` Microsoft.KeyVault with a key in " +
        "`encryption.keyVaultProperties`; Premium or Dedicated tier).",
    remediation:
        "Set `encryption.keySource` to Microsoft.KeyVault and add an entry to `encryption.keyVaultProperties` with " +
        "`keyName` and `keyVaultUri` (and an identity that may use the key).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:eventhub:Namespace"],
    config: {},
    catalogue: ["azure-enc-eventhub-cmk"],
    examples: {
        pass: [
            {
                title: "a namespace with a Key Vault key",
                type: "azure-native:eventhub:Namespace",
                props: { resourceGroupName: "rg", sku: { name: "Premium" }, encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: [{ keyName: "ns-key", keyVaultUri: "https://contoso.vault.azure.net" }] } },
            },
        ],
        fail: [{ title: "a namespace with Microsoft-managed keys", type: "azure-native:eventhub:Namespace", props: { resourceGroupName: "rg", sku: { name: "Premium" } } }],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        const key = anyOf(
            encryption.get("keyVaultProperties").items(),
            (k) => all([namesKey(k.get("keyName"), "no `keyName`"), namesKey(k.get("keyVaultUri"), "no `keyVaultUri`")]),
            "`encryption.keyVaultProperties` names no key; add an entry with `keyName` and `keyVaultUri`.",
        );
        return all([
            isSetting(encryption.get("keySource"), ["Microsoft.KeyVault"], "`encryption.keySource` is not Microsoft.KeyVault (the namespace uses Microsoft-managed keys); set it with a key in `encryption.keyVaultProperties`."),
            key,
        ]);
    },
});
