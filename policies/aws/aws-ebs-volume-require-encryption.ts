import { defineResourcePolicy } from "../core/policy";
import { EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";

export default defineResourcePolicy({
    name: "aws-ebs-volume-require-encryption",
    title: "EBS volumes are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "EBS volumes must be encrypted at rest. EBS does not encrypt a volume unless it says `encrypted: true` or the " +
        "account has EBS encryption by default turned on (tell the policy so with `ebsEncryptionByDefault`).",
    remediation:
        "Set `encrypted: true` (optionally with `kmsKeyId` for a customer managed key). An existing unencrypted volume " +
        "cannot be encrypted in place: snapshot it, copy the snapshot with encryption, and create the volume from the copy.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:ebs/volume:Volume"],
    config: { ...EBS_ENCRYPTION_BY_DEFAULT_SETTING },
    examples: {
        pass: [
            { title: "an encrypted volume", type: "aws:ebs/volume:Volume", props: { availabilityZone: "eu-west-1a", size: 20, encrypted: true } },
            {
                title: "a volume that leaves `encrypted` unset in an account that encrypts EBS by default",
                type: "aws:ebs/volume:Volume",
                props: { availabilityZone: "eu-west-1a", size: 20 },
                config: { ebsEncryptionByDefault: true },
            },
        ],
        fail: [
            { title: "an unencrypted volume", type: "aws:ebs/volume:Volume", props: { availabilityZone: "eu-west-1a", size: 20, encrypted: false } },
            { title: "a volume that leaves `encrypted` unset", type: "aws:ebs/volume:Volume", props: { availabilityZone: "eu-west-1a", size: 20 } },
        ],
    },
    check({ props }, config) {
        return ebsDevice(props.get("encrypted"), props.get("snapshotId"), "`encrypted`", config.ebsEncryptionByDefault);
    },
});
