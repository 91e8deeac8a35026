import { isSet, known } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";

export default defineResourcePolicy({
    name: "aws-sns-topic-require-encryption",
    title: "SNS topics are encrypted at rest with AWS KMS",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "SNS topics must set `kmsMasterKeyId`: SNS stores messages unencrypted unless the topic names a KMS key (the AWS " +
        "managed alias/aws/sns or a customer managed key).",
    remediation:
        "Set `kmsMasterKeyId` to a KMS key: alias/aws/sns, or a customer managed key whose key policy lets the publishing " +
        "services use it.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "SNS.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:sns/topic:Topic"],
    config: {},
    check({ props }, _config, report) {
        const key = known(props, "kmsMasterKeyId");
        if (!key.known) key.read();
        else if (!isSet(key.value)) {
            report("`kmsMasterKeyId` is not set and SNS does not encrypt topics at rest by default; set it to a KMS key (e.g. alias/aws/sns).");
        }
    },
});
