import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-compute-virtual-machine-enable-encryption-at-host";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:compute:VirtualMachine";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-compute-virtual-machine-enable-encryption-at-host", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when a VM encrypts at host", async () => {
            expect((await runResourcePolicy(policy, resource({"securityProfile": {"encryptionAtHost": true}}))).verdict).toBe("pass");
        });
        it("when a scale set encrypts at host", async () => {
            expect((await runResourcePolicy(policy, resource({"virtualMachineProfile": {"securityProfile": {"encryptionAtHost": true}}}, "azure-native:compute:VirtualMachineScaleSet"))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"securityProfile": {"encryptionAtHost": true}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a VM does not say", async () => {
            const r = await runResourcePolicy(policy, resource({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`securityProfile.encryptionAtHost` is not true");
        });
        it("when a VM turns it off", async () => {
            const r = await runResourcePolicy(policy, resource({"securityProfile": {"encryptionAtHost": false}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`securityProfile.encryptionAtHost` is not true");
        });
        it("when a scale set does not say", async () => {
            const r = await runResourcePolicy(policy, resource({}, "azure-native:compute:VirtualMachineScaleSet"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`virtualMachineProfile.securityProfile.encryptionAtHost` is not true");
        });
        it("when a scale set sets it on the VM's place, not the profile", async () => {
            const r = await runResourcePolicy(policy, resource({"virtualMachineProfile": {"securityProfile": {}}}, "azure-native:compute:VirtualMachineScaleSet"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`virtualMachineProfile.securityProfile.encryptionAtHost` is not true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the VM flag is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"securityProfile": {"encryptionAtHost": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("encryptionAtHost");
        });
        it("cannot decide while the scale set profile is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"virtualMachineProfile": UNKNOWN}, "azure-native:compute:VirtualMachineScaleSet"));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("virtualMachineProfile");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
