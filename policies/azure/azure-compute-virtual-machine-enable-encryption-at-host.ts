import { isOn } from "../core/azure-cmk";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-compute-virtual-machine-enable-encryption-at-host",
    title: "Virtual machines and scale sets encrypt at host",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "low",
    description:
        "Managed disks are encrypted in Azure Storage, but a VM's temporary disk and its disk caches live on the host " +
        "unencrypted unless encryption at host is on (`securityProfile.encryptionAtHost`; for a scale set " +
        "`virtualMachineProfile.securityProfile.encryptionAtHost`). With it, data is encrypted on the host and flows " +
        "encrypted to Storage. Unset means off. The subscription must register the EncryptionAtHost feature first.",
    remediation:
        "Set `securityProfile.encryptionAtHost: true` (scale sets: `virtualMachineProfile.securityProfile.encryptionAtHost`) " +
        "after registering the Microsoft.Compute EncryptionAtHost feature; the VM must be deallocated to change it.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:compute:VirtualMachine", "azure-native:compute:VirtualMachineScaleSet"],
    config: {},
    catalogue: ["azure-enc-vm-encryption-at-host"],
    examples: {
        pass: [
            { title: "a VM with encryption at host", type: "azure-native:compute:VirtualMachine", props: { resourceGroupName: "rg", securityProfile: { encryptionAtHost: true } } },
            { title: "a scale set with encryption at host", type: "azure-native:compute:VirtualMachineScaleSet", props: { resourceGroupName: "rg", virtualMachineProfile: { securityProfile: { encryptionAtHost: true } } } },
        ],
        fail: [{ title: "a VM that does not say (off)", type: "azure-native:compute:VirtualMachine", props: { resourceGroupName: "rg", hardwareProfile: { vmSize: "Standard_D2s_v5" } } }],
    },
    check(resource) {
        if (resource.canonicalType === "azure-native:compute:VirtualMachineScaleSet") {
            return isOn(
                resource.props.get("virtualMachineProfile").get("securityProfile").get("encryptionAtHost"),
                "`virtualMachineProfile.securityProfile.encryptionAtHost` is not true (temporary disks and caches are not encrypted on the host); set it to true.",
            );
        }
        return isOn(resource.props.get("securityProfile").get("encryptionAtHost"), "`securityProfile.encryptionAtHost` is not true (temporary disks and caches are not encrypted on the host); set it to true.");
    },
});
