import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-compute-disk-require-double-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:compute:DiskEncryptionSet";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-compute-disk-require-double-encryption", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when a disk encryption set uses platform and customer keys", async () => {
            expect((await runResourcePolicy(policy, resource({"encryptionType": "EncryptionAtRestWithPlatformAndCustomerKeys"}))).verdict).toBe("pass");
        });
        it("when a disk uses platform and customer keys", async () => {
            expect((await runResourcePolicy(policy, resource({"creationData": {"createOption": "Empty"}, "encryption": {"type": "EncryptionAtRestWithPlatformAndCustomerKeys", "diskEncryptionSetId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}, "azure-native:compute:Disk"))).verdict).toBe("pass");
        });
        it("when a snapshot uses platform and customer keys", async () => {
            expect((await runResourcePolicy(policy, resource({"creationData": {"createOption": "Copy"}, "encryption": {"type": "encryptionatrestwithplatformandcustomerkeys", "diskEncryptionSetId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}, "azure-native:compute:Snapshot"))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"encryptionType": "EncryptionAtRestWithPlatformAndCustomerKeys"}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a disk encryption set does not say (customer key only)", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptionType` is not EncryptionAtRestWithPlatformAndCustomerKeys");
        });
        it("when a disk encryption set uses the customer key only", async () => {
            const r = await runResourcePolicy(policy, resource({"encryptionType": "EncryptionAtRestWithCustomerKey"}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptionType` is not");
        });
        it("when a disk uses platform-managed keys", async () => {
            const r = await runResourcePolicy(policy, resource({"creationData": {"createOption": "Empty"}}, "azure-native:compute:Disk"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.type` is not");
        });
        it("when a disk uses the customer key only", async () => {
            const r = await runResourcePolicy(policy, resource({"creationData": {"createOption": "Empty"}, "encryption": {"type": "EncryptionAtRestWithCustomerKey", "diskEncryptionSetId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}, "azure-native:compute:Disk"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.type` is not");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the encryption type is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"encryptionType": UNKNOWN}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("encryptionType");
        });
        it("cannot decide while a disk's encryption is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"creationData": {"createOption": "Empty"}, "encryption": UNKNOWN}, "azure-native:compute:Disk"));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("encryption");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
