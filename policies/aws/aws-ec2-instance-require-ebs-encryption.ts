import { defineResourcePolicy } from "../core/policy";
import { distinct, EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { all, each, failIf, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [
            {
                title: "an encrypted root volume and data volume",
                type: "aws:ec2/instance:Instance",
                props: { ami: "ami-0123456789abcdef0", rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] },
            },
            { title: "block devices from a launch template", type: "aws:ec2/instance:Instance", props: { launchTemplate: { name: "web" } } },
        ],
        fail: [
            { title: "no `rootBlockDevice` and no launch template", type: "aws:ec2/instance:Instance", props: { ami: "ami-0123456789abcdef0" } },
            { title: "an unencrypted root volume", type: "aws:ec2/instance:Instance", props: { ami: "ami-0123456789abcdef0", rootBlockDevice: { encrypted: false } } },
        ],
    },
    check({ props }, config) {
        const byDefault = config.ebsEncryptionByDefault;
        const roots = props.get("rootBlockDevice").blocks();
        const template = props.get("launchTemplate");
        return distinct(
            all([
                each(roots, (root) => (root.isUnknown ? unknown(root) : ebsDevice(root.get("encrypted"), undefined, "`rootBlockDevice.encrypted`", byDefault))),
                // Without a rootBlockDevice the root volume follows the launch template, if any, else the AMI.
                roots.length || byDefault
                    ? pass
                    : template.isUnknown
                      ? unknown(template)
                      : failIf(
                            template.isUnset,
                            "`rootBlockDevice` is not set, so the root volume takes the AMI's encryption (EBS does not encrypt by " +
                                "default); set `rootBlockDevice.encrypted` to true.",
                        ),
                each(props.get("ebsBlockDevices").blocks(), (d) =>
                    d.isUnknown ? unknown(d) : ebsDevice(d.get("encrypted"), d.get("snapshotId"), "`ebsBlockDevices[].encrypted`", byDefault),
                ),
            ]),
        );
    },
});
