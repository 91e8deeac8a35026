import { hasText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy-legacy";
import { KnownValues } from "../core/known";
import { isObject, sameText } from "../core/values";

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
        { framework: "mcsb", version: "v2", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: {},
    check({ props }, _config, report) {
        const enc = props.encryption;
        if (!isObject(enc) || !sameText(enc.keySource, "Microsoft.Keyvault")) {
            report("`encryption.keySource` is not Microsoft.Keyvault (the account uses Microsoft-managed keys); set it to Microsoft.Keyvault with `encryption.keyVaultProperties`.");
            return;
        }
        // Decide from the known parts of the key reference; an unknown part only matters when nothing is missing.
        const known = new KnownValues();
        const kv = known.get(enc, "keyVaultProperties");
        if (!kv.known) return known.settle();
        const missing = KEY_PARTS.filter((k) => {
            const part = known.get(kv.value, k);
            return part.known && !hasText(part.value);
        });
        if (missing.length) {
            report(`\`encryption.keyVaultProperties\` does not name the key (${missing.map((k) => `\`${k}\``).join(", ")} not set); set the Key Vault URI and key name.`);
            return;
        }
        known.settle();
    },
});
