import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-containerservice-managed-cluster-require-disk-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:containerservice:ManagedCluster";
const base = {"resourceGroupName": "rg", "dnsPrefix": "app"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-containerservice-managed-cluster-require-disk-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the cluster names a disk encryption set", async () => {
            expect((await runResourcePolicy(policy, resource({"diskEncryptionSetID": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"diskEncryptionSetID": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when diskEncryptionSetID is not set", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`diskEncryptionSetID` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the disk encryption set id is unknown (a new set)", async () => {
            const r = await runResourcePolicy(policy, resource({"diskEncryptionSetID": UNKNOWN}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("diskEncryptionSetID");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
