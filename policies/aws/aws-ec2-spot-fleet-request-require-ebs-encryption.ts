import { distinct, EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy";
import { all, each, failIf, unknown } from "../core/verdict";

const SPOT_FLEET = "aws:ec2/spotFleetRequest:SpotFleetRequest";

export default defineResourcePolicy({
    name: "aws-ec2-spot-fleet-request-require-ebs-encryption",
    title: "Spot Fleet requests encrypt the EBS volumes they launch",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "A Spot Fleet request that describes its instances itself (`launchSpecifications`) must encrypt their EBS " +
        "volumes: every `rootBlockDevices` and `ebsBlockDevices` entry must set `encrypted: true`, and each launch " +
        "specification must declare its root volume. EBS does not encrypt by default, unless the account does " +
        "(`ebsEncryptionByDefault`). Requests that launch from launch templates (`launchTemplateConfigs`) are checked " +
        "through the templates (aws-ec2-launch-template-require-ebs-encryption).",
    remediation:
        "Give every launch specification `rootBlockDevices: [{ encrypted: true }]` and `encrypted: true` on each " +
        "`ebsBlockDevices` entry (optionally with `kmsKeyId`), launch from an encrypting launch template instead, or " +
        "enable EBS encryption by default for the account and set the policy's `ebsEncryptionByDefault`.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.173" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SPOT_FLEET],
    config: { ...EBS_ENCRYPTION_BY_DEFAULT_SETTING },
    catalogue: ["aws-enc-spot-fleet-ebs"],
    examples: {
        pass: [
            {
                title: "a launch specification with an encrypted root volume",
                type: SPOT_FLEET,
                props: { iamFleetRole: "arn:aws:iam::111122223333:role/fleet", targetCapacity: 2, launchSpecifications: [{ ami: "ami-0123456789abcdef0", instanceType: "m5.large", rootBlockDevices: [{ encrypted: true }] }] },
            },
        ],
        fail: [
            {
                title: "a launch specification that does not declare its root volume",
                type: SPOT_FLEET,
                props: { iamFleetRole: "arn:aws:iam::111122223333:role/fleet", targetCapacity: 2, launchSpecifications: [{ ami: "ami-0123456789abcdef0", instanceType: "m5.large" }] },
            },
        ],
    },
    check({ props }, config) {
        const byDefault = config.ebsEncryptionByDefault;
        return distinct(
            each(props.get("launchSpecifications").blocks(), (spec) => {
                if (spec.isUnknown) return unknown(spec);
                const roots = spec.get("rootBlockDevices").blocks();
                return all([
                    each(roots, (root) => (root.isUnknown ? unknown(root) : ebsDevice(root.get("encrypted"), undefined, "`launchSpecifications[].rootBlockDevices[].encrypted`", byDefault))),
                    failIf(
                        !roots.length && !byDefault,
                        "`launchSpecifications[].rootBlockDevices` is not set, so the root volume takes the AMI's encryption (EBS does not encrypt by default); set `rootBlockDevices: [{ encrypted: true }]`.",
                    ),
                    each(spec.get("ebsBlockDevices").blocks(), (d) =>
                        d.isUnknown ? unknown(d) : ebsDevice(d.get("encrypted"), d.get("snapshotId"), "`launchSpecifications[].ebsBlockDevices[].encrypted`", byDefault),
                    ),
                ]);
            }),
        );
    },
});
