import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-compute-virtual-machine-require-disk-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:compute:VirtualMachine";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-compute-virtual-machine-require-disk-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the OS and data disks use a disk encryption set", async () => {
            expect((await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, "dataDisks": [{"lun": 0, "createOption": "Empty", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}]}}))).verdict).toBe("pass");
        });
        it("when the OS disk uses Azure Disk Encryption", async () => {
            expect((await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "encryptionSettings": {"enabled": true}}}}))).verdict).toBe("pass");
        });
        it("when the data disk is an attached compute.Disk", async () => {
            expect((await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, "dataDisks": [{"lun": 0, "createOption": "Attach", "managedDisk": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/data"}}]}}))).verdict).toBe("pass");
        });
        it("when the OS disk is ephemeral", async () => {
            expect((await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "diffDiskSettings": {"option": "Local"}}}}))).verdict).toBe("pass");
        });
        it("when a scale set's disks use a disk encryption set", async () => {
            expect((await runResourcePolicy(policy, resource({"virtualMachineProfile": {"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, "dataDisks": [{"lun": 0, "createOption": "Empty", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}]}}}, "azure-native:compute:VirtualMachineScaleSet"))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, "dataDisks": [{"lun": 0, "createOption": "Empty", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}]}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the VM declares no OS disk", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`storageProfile.osDisk` is not set");
        });
        it("when the OS disk uses platform-managed keys", async () => {
            const r = await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage"}}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`storageProfile.osDisk.managedDisk.diskEncryptionSet.id` is not set");
        });
        it("when the second data disk uses platform-managed keys", async () => {
            const r = await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, "dataDisks": [{"lun": 0, "createOption": "Empty", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, {"lun": 1, "createOption": "Empty"}]}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`storageProfile.dataDisks[1].managedDisk.diskEncryptionSet.id` is not set");
        });
        it("when a scale set's OS disk uses platform-managed keys", async () => {
            const r = await runResourcePolicy(policy, resource({"virtualMachineProfile": {"storageProfile": {"osDisk": {"createOption": "FromImage"}}}}, "azure-native:compute:VirtualMachineScaleSet"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`virtualMachineProfile.storageProfile.osDisk.managedDisk.diskEncryptionSet.id` is not set");
        });
        it("when a scale set's OS disk claims Azure Disk Encryption settings it cannot have", async () => {
            const r = await runResourcePolicy(policy, resource({"virtualMachineProfile": {"storageProfile": {"osDisk": {"createOption": "FromImage", "encryptionSettings": {"enabled": true}}}}}, "azure-native:compute:VirtualMachineScaleSet"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the disk encryption set id is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": UNKNOWN}}}}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("id");
        });
        it("cannot decide while the data disks are unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}}, "dataDisks": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("dataDisks");
        });
        it("fails on a known violation even while the data disks are unknown but the OS disk uses platform keys", async () => {
            const r = await runResourcePolicy(policy, resource({"storageProfile": {"osDisk": {"createOption": "FromImage"}, "dataDisks": UNKNOWN}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`storageProfile.osDisk.managedDisk.diskEncryptionSet.id` is not set");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
