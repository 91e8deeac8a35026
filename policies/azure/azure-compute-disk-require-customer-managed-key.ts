import { hasText, type Tri } from "../core/azure";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isTrue, type Props, sameText } from "../core/values";

/** `encryption.type` values that encrypt with a customer-managed key (through a disk encryption set). */
const CUSTOMER_KEY_TYPES = ["EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys"] as const;

export default defineResourcePolicy({
    name: "azure-compute-disk-require-customer-managed-key",
    title: "Managed disks and snapshots encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Managed disks and snapshots are always encrypted at rest with platform-managed keys " +
        "(EncryptionAtRestWithPlatformKey, the default). Disks holding sensitive data should use a customer-managed " +
        "key: server-side encryption through a disk encryption set, or Azure Disk Encryption with the customer's Key " +
        "Vault. `encryptionSettingsCollection.enabled: false` only turns Azure Disk Encryption off; the platform " +
        "encryption stays on, so it is not treated as unencrypted.",
    remediation:
        "Set `encryption.type` to EncryptionAtRestWithCustomerKey (or EncryptionAtRestWithPlatformAndCustomerKeys) " +
        "and `encryption.diskEncryptionSetId` to a disk encryption set that uses a Key Vault key.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "7.3" },
        { framework: "mcsb", version: "v2", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:compute:Disk", "azure-native:compute:Snapshot"],
    config: {},
    check({ props }, _config, report) {
        const known = new KnownValues();
        // Azure Disk Encryption (guest-level, keys in the customer's Key Vault) counts as a customer-managed key too.
        const ade = adeEnabled(known, props);
        const sse = serverSideKey(known, props);
        if (ade === "yes" || sse === "customer") return;
        if (sse === "customer-without-set") {
            report("`encryption.diskEncryptionSetId` is not set; a customer-managed key type needs a disk encryption set.");
            return;
        }
        if (ade === "no" && sse === "platform") {
            report(
                "`encryption.type` is not a customer-managed key type (the disk uses platform-managed keys); " +
                    `set it to ${CUSTOMER_KEY_TYPES.join(" or ")} with \`encryption.diskEncryptionSetId\`.`,
            );
            return;
        }
        known.settle();
    },
});

function adeEnabled(known: KnownValues, props: Props): Tri {
    const ade = known.get(props, "encryptionSettingsCollection");
    if (!ade.known) return "unknown";
    const enabled = known.get(ade.value, "enabled");
    if (!enabled.known) return "unknown";
    return isTrue(enabled.value) ? "yes" : "no";
}

function serverSideKey(known: KnownValues, props: Props): "customer" | "customer-without-set" | "platform" | "unknown" {
    const encryption = known.get(props, "encryption");
    if (!encryption.known) return "unknown";
    const type = known.get(encryption.value, "type");
    if (!type.known) return "unknown";
    if (!CUSTOMER_KEY_TYPES.some((t) => sameText(type.value, t))) return "platform";
    const set = known.get(encryption.value, "diskEncryptionSetId");
    if (!set.known) return "unknown";
    return hasText(set.value) ? "customer" : "customer-without-set";
}
