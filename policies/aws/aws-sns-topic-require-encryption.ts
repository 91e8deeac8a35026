import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "a topic with a KMS key", type: "aws:sns/topic:Topic", props: { kmsMasterKeyId: "alias/aws/sns" } }],
        fail: [{ title: "a topic without a KMS key", type: "aws:sns/topic:Topic", props: {} }],
    },
    check({ props }) {
        const key = props.get("kmsMasterKeyId");
        if (key.isUnknown) return unknown(key);
        if (key.isText()) return pass;
        return fail("`kmsMasterKeyId` is not set and SNS does not encrypt topics at rest by default; set it to a KMS key (e.g. alias/aws/sns).");
    },
});
