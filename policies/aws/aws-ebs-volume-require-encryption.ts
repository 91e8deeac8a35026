import { EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";

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
    check({ props }, config, report) {
        const device = ebsDevice(props, "`encrypted`", config.ebsEncryptionByDefault);
        if (device.kind === "violation") report(device.message);
        else if (device.kind === "unknown") device.read();
    },
});
