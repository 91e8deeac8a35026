import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2-instance-require-ebs-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:ec2/instance:Instance";
type Props = Record<string, unknown>;
const base: Props = { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" };
const instance = (props: Props) => ({ type: TYPE, props: { ...base, ...props } });
const encryptedRoot: Props = { rootBlockDevice: { encrypted: true, volumeSize: 20 } };
const device = (extra: Props): Props => ({ deviceName: "/dev/sdf", volumeSize: 100, ...extra });

describe("aws-ec2-instance-require-ebs-encryption", () => {
    describe("passes", () => {
        it("when the root volume is encrypted and there are no other devices", async () => {
            expect((await runResourcePolicy(policy, instance(encryptedRoot))).verdict).toBe("pass");
        });

        it("when the root volume and every EBS block device are encrypted", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [device({ encrypted: true }), device({ deviceName: "/dev/sdg", encrypted: true })] }));
            expect(r.verdict).toBe("pass");
        });

        it("when the instance takes its block devices from a launch template", async () => {
            expect((await runResourcePolicy(policy, instance({ launchTemplate: { name: "web", version: "$Latest" } }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:ec2/spotInstanceRequest:SpotInstanceRequest", props: { rootBlockDevice: { encrypted: false } } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the root volume is not encrypted", async () => {
            const r = await runResourcePolicy(policy, instance({ rootBlockDevice: { encrypted: false } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`rootBlockDevice.encrypted` is not true");
        });

        it("when the root block device leaves `encrypted` unset", async () => {
            const r = await runResourcePolicy(policy, instance({ rootBlockDevice: { volumeSize: 20 } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`rootBlockDevice.encrypted` is not set");
        });

        it("when there is no root block device and no launch template", async () => {
            const r = await runResourcePolicy(policy, instance({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`rootBlockDevice` is not set");
        });

        it("when one EBS block device is not encrypted", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [device({ encrypted: true }), device({ deviceName: "/dev/sdg", encrypted: false })] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`ebsBlockDevices[].encrypted` is not true");
        });

        it("when an EBS block device restored from a snapshot does not say `encrypted`", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [device({ snapshotId: "snap-0123456789abcdef0" })] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("takes the encryption of its snapshot");
        });

        it("when an EBS block device is a secret false, without printing it", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [device({ encrypted: secret(false), kmsKeyId: secret("k-secret-id") })] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("k-secret-id");
        });
    });

    describe("unknown during preview", () => {
        it("still fails a known unencrypted device when another device is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [UNKNOWN, device({ deviceName: "/dev/sdg", encrypted: false })] }));
            expect(r.verdict).toBe("fail");
        });

        it("still fails an unencrypted root when the device list is unknown", async () => {
            expect((await runResourcePolicy(policy, instance({ rootBlockDevice: { encrypted: false }, ebsBlockDevices: UNKNOWN }))).verdict).toBe("fail");
        });

        it("cannot decide while a device's `encrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [device({ encrypted: UNKNOWN })] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".ebsBlockDevices.0.encrypted");
        });

        it("cannot decide while one whole EBS block device is unknown and the rest are encrypted", async () => {
            const r = await runResourcePolicy(policy, instance({ ...encryptedRoot, ebsBlockDevices: [device({ encrypted: true }), UNKNOWN] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".ebsBlockDevices.1");
        });

        it("cannot decide while the root block device is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ rootBlockDevice: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".rootBlockDevice");
        });

        it("cannot decide an instance without a root block device while its launch template is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ launchTemplate: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".launchTemplate");
        });
    });

    describe("config", () => {
        it("passes unset encryption and a missing root block device when the account encrypts EBS by default", async () => {
            const r = await runResourcePolicy(policy, instance({ ebsBlockDevices: [device({})] }), { ebsEncryptionByDefault: true });
            expect(r.verdict).toBe("pass");
        });

        it("still fails an explicit false when the account encrypts EBS by default", async () => {
            const r = await runResourcePolicy(policy, instance({ rootBlockDevice: { encrypted: false } }), { ebsEncryptionByDefault: true });
            expect(r.verdict).toBe("fail");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, instance(encryptedRoot), { ebsDefault: true })).rejects.toThrow("config key 'ebsDefault'");
        });
    });
});
