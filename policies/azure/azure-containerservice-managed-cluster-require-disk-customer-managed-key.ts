import { namesKey } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-containerservice-managed-cluster-require-disk-customer-managed-key",
    title: "AKS clusters encrypt node disks with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "AKS node OS and data disks are managed disks, encrypted at rest with platform-managed keys unless the cluster names " +
        "a disk encryption set (`diskEncryptionSetID`). Clusters holding sensitive data should use one that encrypts with a Key Vault key.",
    remediation:
        "Set `diskEncryptionSetID` to a disk encryption set that uses a Key Vault key (Azure only accepts it when the cluster is created).",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:containerservice:ManagedCluster"],
    config: {},
    catalogue: ["azure-enc-aks-disks-cmk"],
    examples: {
        pass: [{ title: "a disk encryption set with a Key Vault key", type: "azure-native:containerservice:ManagedCluster", props: { resourceGroupName: "rg", dnsPrefix: "app", diskEncryptionSetID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des" } }],
        fail: [{ title: "platform-managed keys", type: "azure-native:containerservice:ManagedCluster", props: { resourceGroupName: "rg", dnsPrefix: "app" } }],
    },
    check({ props }) {
        return namesKey(props.get("diskEncryptionSetID"), "`diskEncryptionSetID` is not set (node disks use platform-managed keys); set it to a disk encryption set with a Key Vault key.");
    },
});
