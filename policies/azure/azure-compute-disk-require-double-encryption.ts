import { isSetting } from "../core/azure-cmk";
import { defineResourcePolicy, type PropsOf } from "../core/policy";

const DOUBLE = "EncryptionAtRestWithPlatformAndCustomerKeys";

export default defineResourcePolicy({
    name: "azure-compute-disk-require-double-encryption",
    title: "Managed disks encrypt twice (platform and customer-managed keys)",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "low",
    description:
        "Double encryption at rest encrypts a managed disk with a platform-managed key and again with a customer-managed " +
        "key, so that a compromise of one key or algorithm does not expose the data. A disk encryption set encrypts with " +
        "the customer key only unless its `encryptionType` is EncryptionAtRestWithPlatformAndCustomerKeys, and a disk or " +
        "snapshot only with the platform key unless its `encryption.type` says so.",
    remediation:
        `Set the disk encryption set's \`encryptionType\` to ${DOUBLE}, and each disk's and snapshot's \`encryption.type\` ` +
        "to the same value with `encryption.diskEncryptionSetId` a double-encryption set.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:compute:DiskEncryptionSet", "azure-native:compute:Disk", "azure-native:compute:Snapshot"],
    config: {},
    catalogue: ["azure-enc-disk-double"],
    examples: {
        pass: [
            { title: "a double-encryption disk encryption set", type: "azure-native:compute:DiskEncryptionSet", props: { resourceGroupName: "rg", encryptionType: DOUBLE, activeKey: { keyUrl: "https://contoso.vault.azure.net/keys/disks/1" } } },
            {
                title: "a disk encrypted with platform and customer keys",
                type: "azure-native:compute:Disk",
                props: { resourceGroupName: "rg", creationData: { createOption: "Empty" }, encryption: { type: DOUBLE, diskEncryptionSetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des" } },
            },
        ],
        fail: [
            { title: "a disk encryption set with the customer key only (the default)", type: "azure-native:compute:DiskEncryptionSet", props: { resourceGroupName: "rg", activeKey: { keyUrl: "https://contoso.vault.azure.net/keys/disks/1" } } },
            { title: "a disk with platform-managed keys only", type: "azure-native:compute:Disk", props: { resourceGroupName: "rg", creationData: { createOption: "Empty" } } },
        ],
    },
    check(resource) {
        if (resource.canonicalType === "azure-native:compute:DiskEncryptionSet") {
            return isSetting(resource.props.get("encryptionType"), [DOUBLE], `\`encryptionType\` is not ${DOUBLE} (unset means the customer key only); set it to ${DOUBLE}.`);
        }
        const props: PropsOf<"azure-native:compute:Disk" | "azure-native:compute:Snapshot"> = resource.props;
        return isSetting(
            props.get("encryption").get("type"),
            [DOUBLE],
            `\`encryption.type\` is not ${DOUBLE} (unset means the platform key only); set it, with \`encryption.diskEncryptionSetId\` a double-encryption set.`,
        );
    },
});
