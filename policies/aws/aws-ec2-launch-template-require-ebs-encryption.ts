import { defineResourcePolicy } from "../core/policy";
import { distinct, EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { each, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-ec2-launch-template-require-ebs-encryption",
    title: "Launch templates encrypt the EBS volumes they map",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Every EBS volume a launch template maps (`blockDeviceMappings[].ebs`) must set `encrypted` to \"true\" — the " +
        "provider carries it as a string — unless the account encrypts EBS by default (`ebsEncryptionByDefault`). " +
        "Instance-store and suppressed (`noDevice`) mappings have no EBS volume and are not checked.",
    remediation:
        "Set `ebs: { encrypted: \"true\" }` (optionally with `kmsKeyId`) on every block device mapping, or enable EBS " +
        "encryption by default for the account and set the policy's `ebsEncryptionByDefault`.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.181" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
    config: { ...EBS_ENCRYPTION_BY_DEFAULT_SETTING },
    examples: {
        pass: [
            {
                title: "every EBS mapping encrypted",
                type: "aws:ec2/launchTemplate:LaunchTemplate",
                props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }] },
            },
        ],
        fail: [
            {
                title: "an EBS mapping that leaves `encrypted` unset",
                type: "aws:ec2/launchTemplate:LaunchTemplate",
                props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] },
            },
        ],
    },
    check({ props }, config) {
        return distinct(
            each(props.get("blockDeviceMappings").blocks(), (mapping) =>
                mapping.isUnknown
                    ? unknown(mapping)
                    : each(mapping.get("ebs").blocks(), (ebs) =>
                          ebs.isUnknown
                              ? unknown(ebs)
                              : ebsDevice(ebs.get("encrypted"), ebs.get("snapshotId"), "`blockDeviceMappings[].ebs.encrypted`", config.ebsEncryptionByDefault),
                      ),
            ),
        );
    },
});
