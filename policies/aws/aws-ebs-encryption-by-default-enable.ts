import { defineResourcePolicy } from "../core/policy";
import { isUnsetFlag } from "../core/encryption";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-ebs-encryption-by-default-enable",
    title: "EBS encryption by default stays enabled",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A stack that manages the account's EBS encryption-by-default setting (aws.ebs.EncryptionByDefault) must keep it " +
        "enabled, so that every new EBS volume and snapshot copy in the region is encrypted.",
    remediation: "Set `enabled: true` on the EncryptionByDefault resource, or leave it unset (it defaults to true).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.7" },
        { framework: "cis-aws", version: "3.0.0", id: "2.2.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:ebs/encryptionByDefault:EncryptionByDefault"],
    config: {},
    examples: {
        pass: [
            { title: "encryption by default enabled", type: "aws:ebs/encryptionByDefault:EncryptionByDefault", props: { enabled: true } },
            { title: "left at its default (enabled)", type: "aws:ebs/encryptionByDefault:EncryptionByDefault", props: {} },
        ],
        fail: [{ title: "encryption by default turned off", type: "aws:ebs/encryptionByDefault:EncryptionByDefault", props: { enabled: false } }],
    },
    check({ props }) {
        const enabled = props.get("enabled");
        if (enabled.isTrue() || isUnsetFlag(enabled)) return pass;
        if (enabled.isUnknown) return unknown(enabled);
        return fail("`enabled` is not true, which turns EBS encryption by default off for the region; set it to true.");
    },
});
