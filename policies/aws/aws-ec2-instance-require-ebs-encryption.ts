import { blocks, EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";

export default defineResourcePolicy({
    name: "aws-ec2-instance-require-ebs-encryption",
    title: "EC2 instances encrypt their EBS volumes",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "EC2 instances must encrypt the EBS volumes they create: the root volume (`rootBlockDevice.encrypted`) and every " +
        "`ebsBlockDevices` entry. Both default to unencrypted, so an instance without a `rootBlockDevice` fails unless it " +
        "takes its block devices from a launch template (checked by aws-ec2-launch-template-require-ebs-encryption) or " +
        "the account encrypts EBS by default (`ebsEncryptionByDefault`).",
    remediation:
        "Set `rootBlockDevice: { encrypted: true }` and `encrypted: true` on every `ebsBlockDevices` entry (optionally " +
        "with `kmsKeyId`), or enable EBS encryption by default for the account and set the policy's " +
        "`ebsEncryptionByDefault`. Encryption of an existing device can only change by replacing it.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:ec2/instance:Instance"],
    config: { ...EBS_ENCRYPTION_BY_DEFAULT_SETTING },
    check({ props }, config, report) {
        const values = new KnownValues();
        const problems = new Set<string>();
        const judge = (device: Parameters<typeof ebsDevice>[0], path: string) => {
            const d = ebsDevice(device, path, config.ebsEncryptionByDefault);
            if (d.kind === "violation") problems.add(d.message);
            else if (d.kind === "unknown") values.defer(d.read);
        };

        const roots = blocks(props, "rootBlockDevice");
        for (const root of roots) {
            if (root.known) judge(root.value, "`rootBlockDevice.encrypted`");
            else values.defer(root.read);
        }
        if (!roots.length && !config.ebsEncryptionByDefault) {
            // Without a rootBlockDevice the root volume follows the launch template, if any, else the AMI.
            const template = values.get(props, "launchTemplate");
            if (template.known && (template.value === undefined || template.value === null)) {
                problems.add(
                    "`rootBlockDevice` is not set, so the root volume takes the AMI's encryption (EBS does not encrypt by " +
                        "default); set `rootBlockDevice.encrypted` to true.",
                );
            }
        }

        for (const device of blocks(props, "ebsBlockDevices")) {
            if (device.known) judge(device.value, "`ebsBlockDevices[].encrypted`");
            else values.defer(device.read);
        }

        if (problems.size) problems.forEach(report);
        else values.settle();
    },
});
