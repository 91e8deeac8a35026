import { flag, isSet, known } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy";

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
    check({ props }, _config, report) {
        const key = known(props, "kmsMasterKeyId");
        if (key.known && isSet(key.value)) return; // SSE-KMS
        const managed = flag(props, "sqsManagedSseEnabled");
        if (managed === "on" || managed === "unset") return; // SSE-SQS (the default)
        if (managed === "unknown") {
            void props["sqsManagedSseEnabled"];
            return;
        }
        if (!key.known) {
            key.read();
            return;
        }
        report("`sqsManagedSseEnabled` is not true and `kmsMasterKeyId` is not set, so the queue is not encrypted; remove `sqsManagedSseEnabled: false` or set `kmsMasterKeyId` to a KMS key.");
    },
});
