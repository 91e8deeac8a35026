import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ec2-launch-template-require-ebs-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:ec2/launchTemplate:LaunchTemplate";
type Props = Record<string, unknown>;
const template = (props: Props) => ({ type: TYPE, props: { name: "web", imageId: "ami-0123456789abcdef0", ...props } });
/** Launch templates carry `ebs.encrypted` as a string. */
const ebsMapping = (ebs: Props, deviceName = "/dev/xvda"): Props => ({ deviceName, ebs: { volumeSize: 20, ...ebs } });

describe("aws-ec2-launch-template-require-ebs-encryption", () => {
    describe("passes", () => {
        it.each([["true"], ["TRUE"], ["True"]])("when every EBS mapping says encrypted %s", async (encrypted) => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted }), ebsMapping({ encrypted: "true" }, "/dev/sdf")] }));
            expect(r.verdict).toBe("pass");
        });

        it("when the template maps no block devices", async () => {
            expect((await runResourcePolicy(policy, template({}))).verdict).toBe("pass");
        });

        it("when the only mappings are instance store and suppressed devices", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { deviceName: "/dev/sdc", noDevice: "" }] }));
            expect(r.verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:ec2/launchConfiguration:LaunchConfiguration", props: { blockDeviceMappings: [ebsMapping({ encrypted: "false" })] } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([["false"], ["FALSE"], ["no"]])("when an EBS mapping says encrypted %s", async (encrypted) => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted })] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`blockDeviceMappings[].ebs.encrypted` is not true");
        });

        it("when an EBS mapping leaves `encrypted` unset (empty string)", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted: "" })] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not set");
        });

        it("when one of several EBS mappings is not encrypted", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted: "true" }), ebsMapping({}, "/dev/sdf")] }));
            expect(r.verdict).toBe("fail");
        });

        it("when `encrypted` is a secret \"false\", without printing it", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted: secret("false"), kmsKeyId: secret("k-secret-id") })] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("k-secret-id");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a mapping's `encrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted: UNKNOWN })] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".blockDeviceMappings.0.ebs.encrypted");
        });

        it("cannot decide while the mappings are unknown", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
        });

        it("still fails a known unencrypted mapping when another mapping is unknown", async () => {
            expect((await runResourcePolicy(policy, template({ blockDeviceMappings: [UNKNOWN, ebsMapping({ encrypted: "false" })] }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("passes an unset `encrypted` when the account encrypts EBS by default", async () => {
            expect((await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({})] }), { ebsEncryptionByDefault: true })).verdict).toBe("pass");
        });

        it("still fails \"false\" when the account encrypts EBS by default", async () => {
            const r = await runResourcePolicy(policy, template({ blockDeviceMappings: [ebsMapping({ encrypted: "false" })] }), { ebsEncryptionByDefault: true });
            expect(r.verdict).toBe("fail");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, template({}), { ebsEncryption: true })).rejects.toThrow("config key 'ebsEncryption'");
        });
    });
});
