import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2-spot-fleet-request-require-ebs-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const spec = (props: Record<string, unknown>) => ({ ami: "ami-0123456789abcdef0", instanceType: "m5.large", ...props });
const fleet = (props: Record<string, unknown>) => ({ type: "aws:ec2/spotFleetRequest:SpotFleetRequest", props: { iamFleetRole: "arn:aws:iam::111122223333:role/fleet", targetCapacity: 2, ...props } });
const ROOT = { rootBlockDevices: [{ encrypted: true }] };

describe("aws-ec2-spot-fleet-request-require-ebs-encryption", () => {
    describe("passes", () => {
        it.each([
            ["encrypts every volume of its launch specifications", fleet({ launchSpecifications: [spec({ ...ROOT, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] })] })],
            ["launches from launch templates only", fleet({ launchTemplateConfigs: [{ launchTemplateSpecification: { id: "lt-1", version: "1" } }] })],
        ])("when the request %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a launch specification does not declare its root volume", async () => {
            const r = await runResourcePolicy(policy, fleet({ launchSpecifications: [spec(ROOT), spec({})] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`launchSpecifications[].rootBlockDevices` is not set");
        });

        it("when a data volume is unencrypted", async () => {
            const r = await runResourcePolicy(policy, fleet({ launchSpecifications: [spec({ ...ROOT, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] })] }));
            expect(r.messages.join()).toContain("`launchSpecifications[].ebsBlockDevices[].encrypted` is not true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a launch specification is unknown", async () => {
            expect((await runResourcePolicy(policy, fleet({ launchSpecifications: [UNKNOWN] }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("with `ebsEncryptionByDefault`, passes an undeclared root volume", async () => {
            expect((await runResourcePolicy(policy, fleet({ launchSpecifications: [spec({})] }), { ebsEncryptionByDefault: true })).verdict).toBe("pass");
        });
    });
});
