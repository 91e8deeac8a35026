import { isAzureText } from "../core/azure";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

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
        "encryption stays on, so it is not treated as unencrypted. The disks a VM or scale set creates inline are checked " +
        "by azure-compute-virtual-machine-require-disk-customer-managed-key (CIS 7.3); this policy covers every disk " +
        "declared on its own, attached or not (CIS 7.4).",
    remediation:
        "Set `encryption.type` to EncryptionAtRestWithCustomerKey (or EncryptionAtRestWithPlatformAndCustomerKeys) " +
        "and `encryption.diskEncryptionSetId` to a disk encryption set that uses a Key Vault key.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "7.4" },
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:compute:Disk", "azure-native:compute:Snapshot"],
    config: {},
    catalogue: ["azure-enc-disk-cmk"],
    examples: {
        pass: [
            {
                title: "a disk encrypted through a disk encryption set",
                type: "azure-native:compute:Disk",
                props: { creationData: { createOption: "Empty" }, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des" } },
            },
            { title: "a disk with Azure Disk Encryption", type: "azure-native:compute:Disk", props: { creationData: { createOption: "Empty" }, encryptionSettingsCollection: { enabled: true } } },
        ],
        fail: [
            { title: "a disk with platform-managed keys", type: "azure-native:compute:Disk", props: { creationData: { createOption: "Empty" } } },
            { title: "a customer-managed key type without a disk encryption set", type: "azure-native:compute:Snapshot", props: { creationData: { createOption: "Copy" }, encryption: { type: "EncryptionAtRestWithCustomerKey" } } },
        ],
    },
    check(resource) {
        const props: PropsOf<"azure-native:compute:Disk" | "azure-native:compute:Snapshot"> = resource.props;
        // Azure Disk Encryption (guest-level, keys in the customer's Key Vault) counts as a customer-managed key too.
        const ade = props.get("encryptionSettingsCollection").get("enabled");
        if (ade.isTrue()) return pass;
        const encryption = props.get("encryption");
        const type = encryption.get("type");
        const customerType = !type.isUnknown && isAzureText(type, ...CUSTOMER_KEY_TYPES);
        const set = encryption.get("diskEncryptionSetId");
        if (customerType && set.isText()) return pass;
        if (customerType && !set.isUnknown) return fail("`encryption.diskEncryptionSetId` is not set; a customer-managed key type needs a disk encryption set.");
        if (!ade.isUnknown && !type.isUnknown && !customerType) {
            return fail(
                "`encryption.type` is not a customer-managed key type (the disk uses platform-managed keys); " +
                    `set it to ${CUSTOMER_KEY_TYPES.join(" or ")} with \`encryption.diskEncryptionSetId\`.`,
            );
        }
        return unknown(ade, type, ...(customerType ? [set] : []));
    },
});
