import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2-launch-configuration-require-ebs-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const lc = (props: Record<string, unknown>) => ({ type: "aws:ec2/launchConfiguration:LaunchConfiguration", props: { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", ...props } });
const ROOT = { rootBlockDevice: { encrypted: true } };

describe("aws-ec2-launch-configuration-require-ebs-encryption", () => {
    describe("passes", () => {
        it.each([
            ["encrypts its root and data volumes", lc({ ...ROOT, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] })],
            ["suppresses a mapping (`noDevice`)", lc({ ...ROOT, ebsBlockDevices: [{ deviceName: "/dev/sdf", noDevice: true }] })],
        ])("when the launch configuration %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when there is no `rootBlockDevice`", async () => {
            const r = await runResourcePolicy(policy, lc({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`rootBlockDevice` is not set");
        });

        it("when a data volume is unencrypted", async () => {
            const r = await runResourcePolicy(policy, lc({ ...ROOT, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] }));
            expect(r.messages.join()).toContain("`ebsBlockDevices[].encrypted` is not true");
        });

        it("when the root volume leaves `encrypted` unset", async () => {
            expect((await runResourcePolicy(policy, lc({ rootBlockDevice: { volumeSize: 20 } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the root volume's flag is unknown", async () => {
            const r = await runResourcePolicy(policy, lc({ rootBlockDevice: { encrypted: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("rootBlockDevice.encrypted");
        });
    });

    describe("config", () => {
        it("with `ebsEncryptionByDefault`, passes unset flags but still fails an explicit false", async () => {
            expect((await runResourcePolicy(policy, lc({}), { ebsEncryptionByDefault: true })).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, lc({ rootBlockDevice: { encrypted: false } }), { ebsEncryptionByDefault: true })).verdict).toBe("fail");
        });
    });
});
