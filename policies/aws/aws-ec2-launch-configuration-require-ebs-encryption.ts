import { distinct, EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy";
import { all, each, failIf, pass, unknown } from "../core/verdict";

const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

export default defineResourcePolicy({
    name: "aws-ec2-launch-configuration-require-ebs-encryption",
    title: "Launch configurations encrypt the EBS volumes they create",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "An Auto Scaling launch configuration must encrypt the EBS volumes of the instances it launches: the root volume " +
        "(`rootBlockDevice.encrypted`) and every `ebsBlockDevices` entry. Both default to unencrypted, so a launch " +
        "configuration without a `rootBlockDevice` fails unless the account encrypts EBS by default " +
        "(`ebsEncryptionByDefault`). Suppressed mappings (`noDevice`) create no volume and are not checked. Launch " +
        "templates are checked by aws-ec2-launch-template-require-ebs-encryption.",
    remediation:
        "Set `rootBlockDevice: { encrypted: true }` and `encrypted: true` on every `ebsBlockDevices` entry, or enable EBS " +
        "encryption by default for the account and set the policy's `ebsEncryptionByDefault`. Better: move to a launch " +
        "template (launch configurations are deprecated for new instance types).",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "mandatory",
    resourceTypes: [LAUNCH_CONFIGURATION],
    config: { ...EBS_ENCRYPTION_BY_DEFAULT_SETTING },
    examples: {
        pass: [
            {
                title: "an encrypted root volume and data volume",
                type: LAUNCH_CONFIGURATION,
                props: { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] },
            },
        ],
        fail: [
            { title: "no `rootBlockDevice`", type: LAUNCH_CONFIGURATION, props: { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro" } },
            {
                title: "an unencrypted data volume",
                type: LAUNCH_CONFIGURATION,
                props: { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] },
            },
        ],
    },
    check({ props }, config) {
        const byDefault = config.ebsEncryptionByDefault;
        const roots = props.get("rootBlockDevice").blocks();
        return distinct(
            all([
                each(roots, (root) => (root.isUnknown ? unknown(root) : ebsDevice(root.get("encrypted"), undefined, "`rootBlockDevice.encrypted`", byDefault))),
                failIf(
                    !roots.length && !byDefault,
                    "`rootBlockDevice` is not set, so the root volume takes the AMI's encryption (EBS does not encrypt by default); set `rootBlockDevice.encrypted` to true.",
                ),
                each(props.get("ebsBlockDevices").blocks(), (d) =>
                    d.isUnknown
                        ? unknown(d)
                        : d.get("noDevice").isTrue()
                          ? pass
                          : ebsDevice(d.get("encrypted"), d.get("snapshotId"), "`ebsBlockDevices[].encrypted`", byDefault),
                ),
            ]),
        );
    },
});
