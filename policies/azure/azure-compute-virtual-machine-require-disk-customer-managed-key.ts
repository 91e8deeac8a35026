import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { each, fail, pass, unknown, type Verdict } from "../core/verdict";

/**
 * One disk a VM or scale set declares inline (`osDisk`, `dataDisks[i]`), untyped so that the VM's and the scale set's
 * disk shapes share it; `path` names it in messages.
 */
function diskVerdict(disk: Value<Readonly<Record<string, unknown>>>, path: string, canUseAde: boolean): Verdict {
    if (disk.isUnknown) return unknown(disk);
    const create = disk.get("createOption");
    const managed = disk.get("managedDisk") as Value<Readonly<Record<string, unknown>>>;
    const existing = managed.get("id");
    // An attached disk is a compute.Disk of its own (azure-compute-disk-require-customer-managed-key checks it).
    if (isAzureText(create, "Attach") || existing.isText()) return pass;
    // An ephemeral OS disk lives on the host, not in Azure Storage (encryption at host covers it).
    if (isAzureText(disk.get("diffDiskSettings").get("option") as Value, "Local")) return pass;
    const set = managed.get("diskEncryptionSet").get("id");
    if (set.isText()) return pass;
    const ade = disk.get("encryptionSettings").get("enabled");
    if (canUseAde && ade.isTrue()) return pass;
    if (set.isUnknown || create.isUnknown || existing.isUnknown || (canUseAde && ade.isUnknown)) return unknown(set, create, existing, ade);
    return fail(`\`${path}.managedDisk.diskEncryptionSet.id\` is not set (the disk is encrypted with platform-managed keys); set it to a disk encryption set that uses a Key Vault key.`);
}

function storageVerdict(storage: Value<Readonly<Record<string, unknown>>>, path: string, canUseAde: boolean): Verdict {
    if (storage.isUnknown) return unknown(storage);
    const os = storage.get("osDisk") as Value<Readonly<Record<string, unknown>>>;
    const osVerdict = os.isUnset
        ? fail(`\`${path}.osDisk\` is not set, so Azure creates the OS disk with platform-managed keys; declare it with \`managedDisk.diskEncryptionSet.id\`.`)
        : diskVerdict(os, `${path}.osDisk`, canUseAde);
    const data = storage.get("dataDisks") as Value;
    if (data.isUnknown) return each([osVerdict, unknown(data)], (v) => v);
    const dataVerdicts = data.items().map((d, i) => diskVerdict(d as Value<Readonly<Record<string, unknown>>>, `${path}.dataDisks[${i}]`, false));
    return each([osVerdict, ...dataVerdicts], (v) => v);
}

export default defineResourcePolicy({
    name: "azure-compute-virtual-machine-require-disk-customer-managed-key",
    title: "Virtual machines and scale sets create their disks with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "The OS and data disks a virtual machine or scale set creates inline are managed disks, encrypted at rest with " +
        "platform-managed keys unless each names a disk encryption set (`managedDisk.diskEncryptionSet.id`). Disks " +
        "holding sensitive data should use one that encrypts with a Key Vault key; a VM's OS disk may use Azure Disk " +
        "Encryption instead (`osDisk.encryptionSettings.enabled`). Attached disks (createOption Attach or " +
        "`managedDisk.id`) are checked as compute.Disk resources; ephemeral OS disks are not stored in Azure Storage.",
    remediation:
        "Set `managedDisk.diskEncryptionSet.id` on `storageProfile.osDisk` and every entry of `storageProfile.dataDisks` " +
        "(scale sets: under `virtualMachineProfile.storageProfile`) to a disk encryption set that uses a Key Vault key.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "7.3" },
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:compute:VirtualMachine", "azure-native:compute:VirtualMachineScaleSet"],
    config: {},
    catalogue: ["azure-enc-disk-cmk"],
    examples: {
        pass: [
            {
                title: "a VM whose OS and data disks use a disk encryption set",
                type: "azure-native:compute:VirtualMachine",
                props: {
                    resourceGroupName: "rg",
                    storageProfile: {
                        osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des" } } },
                        dataDisks: [{ lun: 0, createOption: "Empty", diskSizeGB: 128, managedDisk: { diskEncryptionSet: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des" } } }],
                    },
                },
            },
        ],
        fail: [
            { title: "a VM whose OS disk uses platform-managed keys", type: "azure-native:compute:VirtualMachine", props: { resourceGroupName: "rg", storageProfile: { osDisk: { createOption: "FromImage" } } } },
            {
                title: "a scale set whose data disk uses platform-managed keys",
                type: "azure-native:compute:VirtualMachineScaleSet",
                props: {
                    resourceGroupName: "rg",
                    virtualMachineProfile: {
                        storageProfile: {
                            osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des" } } },
                            dataDisks: [{ lun: 0, createOption: "Empty", diskSizeGB: 128 }],
                        },
                    },
                },
            },
        ],
    },
    check(resource) {
        if (resource.canonicalType === "azure-native:compute:VirtualMachineScaleSet") {
            const profile = resource.props.get("virtualMachineProfile");
            if (profile.isUnknown) return unknown(profile);
            return storageVerdict(profile.get("storageProfile") as Value<Readonly<Record<string, unknown>>>, "virtualMachineProfile.storageProfile", false);
        }
        return storageVerdict(resource.props.get("storageProfile") as Value<Readonly<Record<string, unknown>>>, "storageProfile", true);
    },
});
