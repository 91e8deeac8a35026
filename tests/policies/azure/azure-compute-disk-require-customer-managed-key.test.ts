import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-compute-disk-require-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const DISK = "azure-native:compute:Disk";
const SNAPSHOT = "azure-native:compute:Snapshot";
const DES = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des";
const base = { resourceGroupName: "rg", creationData: { createOption: "Empty" }, diskSizeGB: 64 };
const disk = (props: Record<string, unknown>, type = DISK) => ({ type, props: { ...base, ...props } });
const customerKey = { encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: DES } };

describe("azure-compute-disk-require-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it.each([
            ["a customer-managed key", customerKey],
            ["platform and customer keys (double encryption)", { encryption: { type: "EncryptionAtRestWithPlatformAndCustomerKeys", diskEncryptionSetId: DES } }],
            ["a customer-managed key type written in lower case", { encryption: { type: "encryptionatrestwithcustomerkey", diskEncryptionSetId: DES } }],
            ["Azure Disk Encryption with the customer's Key Vault", { encryptionSettingsCollection: { enabled: true, encryptionSettings: [] } }],
        ])("when the disk uses %s", async (_, props) => {
            expect((await runResourcePolicy(policy, disk(props))).verdict).toBe("pass");
        });

        it.each([SNAPSHOT, ...versionedTokens(DISK), ...versionedTokens(SNAPSHOT)])("for %s", async (type) => {
            expect((await runResourcePolicy(policy, disk(customerKey, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["has no encryption settings (platform-managed keys by default)", {}],
            ["uses platform-managed keys explicitly", { encryption: { type: "EncryptionAtRestWithPlatformKey" } }],
            ["turns Azure Disk Encryption off and uses platform keys", { encryptionSettingsCollection: { enabled: false } }],
        ])("when the disk %s", async (_, props) => {
            const r = await runResourcePolicy(policy, disk(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.type` is not a customer-managed key type");
        });

        it("when a customer-key type names no disk encryption set", async () => {
            const r = await runResourcePolicy(policy, disk({ encryption: { type: "EncryptionAtRestWithCustomerKey" } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.diskEncryptionSetId` is not set");
        });

        it.each([SNAPSHOT, ...versionedTokens(SNAPSHOT)])("for a platform-key %s", async (type) => {
            expect((await runResourcePolicy(policy, disk({}, type))).verdict).toBe("fail");
        });

        it("when the type is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, disk({ encryption: { type: secret("PlatformKeyOnlyX") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("PlatformKeyOnlyX");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the encryption type is unknown", async () => {
            const r = await runResourcePolicy(policy, disk({ encryption: { type: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryption.type");
        });

        it("cannot decide a platform-key disk while Azure Disk Encryption's flag is unknown", async () => {
            const r = await runResourcePolicy(policy, disk({ encryptionSettingsCollection: { enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryptionSettingsCollection.enabled");
        });

        it("passes a customer-key disk whose Azure Disk Encryption flag is unknown", async () => {
            expect((await runResourcePolicy(policy, disk({ ...customerKey, encryptionSettingsCollection: { enabled: UNKNOWN } }))).verdict).toBe("pass");
        });

        it("cannot decide a customer-key disk while its disk encryption set id is unknown", async () => {
            const r = await runResourcePolicy(policy, disk({ encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, disk({}), { allowPlatformKeys: true })).rejects.toThrow("config key 'allowPlatformKeys'");
        });
    });
});
