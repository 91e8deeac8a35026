import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-sqs-queue-require-encryption",
    title: "SQS queues are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "SQS queues must be encrypted at rest, with SQS-managed keys (SSE-SQS) or a KMS key (SSE-KMS). SSE-SQS is the " +
        "default for new queues, so a queue that says nothing passes; `sqsManagedSseEnabled: false` without a " +
        "`kmsMasterKeyId` turns encryption off and fails.",
    remediation: "Remove `sqsManagedSseEnabled: false` (or set it to true), or set `kmsMasterKeyId` to a KMS key for SSE-KMS.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "SQS.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:sqs/queue:Queue"],
    config: {},
    examples: {
        pass: [
            { title: "a queue that says nothing (SSE-SQS is the default)", type: "aws:sqs/queue:Queue", props: {} },
            { title: "a queue with a KMS key", type: "aws:sqs/queue:Queue", props: { kmsMasterKeyId: "alias/orders" } },
        ],
        fail: [{ title: "SSE-SQS turned off without a KMS key", type: "aws:sqs/queue:Queue", props: { sqsManagedSseEnabled: false } }],
    },
    check({ props }) {
        const key = props.get("kmsMasterKeyId");
        if (key.isText()) return pass; // SSE-KMS
        const managed = props.get("sqsManagedSseEnabled");
        if (managed.isTrue() || managed.isBlank) return pass; // SSE-SQS (the default)
        if (managed.isUnknown || key.isUnknown) return unknown(managed, key);
        return fail(
            "`sqsManagedSseEnabled` is not true and `kmsMasterKeyId` is not set, so the queue is not encrypted; remove `sqsManagedSseEnabled: false` or set `kmsMasterKeyId` to a KMS key.",
        );
    },
});
