import { blocks, EBS_ENCRYPTION_BY_DEFAULT_SETTING, ebsDevice } from "../core/encryption";
import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";

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
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
    config: { ...EBS_ENCRYPTION_BY_DEFAULT_SETTING },
    check({ props }, config, report) {
        const values = new KnownValues();
        const problems = new Set<string>();
        for (const mapping of blocks(props, "blockDeviceMappings")) {
            if (!mapping.known) {
                values.defer(mapping.read);
                continue;
            }
            for (const ebs of blocks(mapping.value, "ebs")) {
                if (!ebs.known) {
                    values.defer(ebs.read);
                    continue;
                }
                const d = ebsDevice(ebs.value, "`blockDeviceMappings[].ebs.encrypted`", config.ebsEncryptionByDefault);
                if (d.kind === "violation") problems.add(d.message);
                else if (d.kind === "unknown") values.defer(d.read);
            }
        }
        if (problems.size) problems.forEach(report);
        else values.settle();
    },
});
