import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const KEY_PARTS = ["keyVaultUri", "keyName"] as const;

export default defineResourcePolicy({
    name: "azure-storage-account-require-customer-managed-key",
    title: "Storage accounts encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Storage accounts holding sensitive data should encrypt with a customer-managed key in Key Vault, so that the " +
        "customer controls the key's lifecycle (rotation, revocation) rather than relying on Microsoft-managed keys.",
    remediation:
        "Set `encryption.keySource` to Microsoft.Keyvault and `encryption.keyVaultProperties` to the key " +
        "(`keyVaultUri` and `keyName`), with an identity (`encryption.encryptionIdentity` or the account's managed " +
        "identity) that may wrap and unwrap with the key.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.12" },
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    examples: {
        pass: [
            {
                title: "an account with a Key Vault key",
                type: "azure-native:storage:StorageAccount",
                props: { encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyVaultUri: "https://contoso.vault.azure.net", keyName: "storage" } } },
            },
        ],
        fail: [
            { title: "an account with Microsoft-managed keys", type: "azure-native:storage:StorageAccount", props: { encryption: { keySource: "Microsoft.Storage" } } },
            { title: "a Key Vault key source without the key's name", type: "azure-native:storage:StorageAccount", props: { encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyVaultUri: "https://contoso.vault.azure.net" } } } },
        ],
    },
    check({ props }) {
        const encryption = props.get("encryption");
        if (encryption.isUnknown) return unknown(encryption);
        const keySource = encryption.get("keySource");
        if (keySource.isUnknown) return unknown(keySource);
        if (!isAzureText(keySource, "Microsoft.Keyvault")) {
            return fail("`encryption.keySource` is not Microsoft.Keyvault (the account uses Microsoft-managed keys); set it to Microsoft.Keyvault with `encryption.keyVaultProperties`.");
        }
        // Decide from the known parts of the key reference; an unknown part only matters when nothing is missing.
        const keyVault = encryption.get("keyVaultProperties");
        if (keyVault.isUnknown) return unknown(keyVault);
        const parts = KEY_PARTS.map((k) => keyVault.get(k));
        const missing = KEY_PARTS.filter((_, i) => !parts[i]?.isUnknown && !parts[i]?.isText());
        if (missing.length) {
            return fail(`\`encryption.keyVaultProperties\` does not name the key (${missing.map((k) => `\`${k}\``).join(", ")} not set); set the Key Vault URI and key name.`);
        }
        return parts.some((p) => p.isUnknown) ? unknown(...parts) : pass;
    },
});
