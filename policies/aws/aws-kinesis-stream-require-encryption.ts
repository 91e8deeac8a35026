import { isSet, known } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";
import { lower } from "../core/values";

export default defineResourcePolicy({
    name: "aws-kinesis-stream-require-encryption",
    title: "Kinesis data streams are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description: "Kinesis data streams must set `encryptionType: KMS`; the default is NONE (no server-side encryption).",
    remediation: "Set `encryptionType: \"KMS\"` and `kmsKeyId` (alias/aws/kinesis or a customer managed key).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Kinesis.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:kinesis/stream:Stream"],
    config: {},
    check({ props }, _config, report) {
        const type = known(props, "encryptionType");
        if (!type.known) return void type.read();
        if (lower(type.value)?.trim() === "kms") return;
        report(
            isSet(type.value)
                ? "`encryptionType` is not KMS, so the stream is not encrypted at rest; set it to KMS."
                : "`encryptionType` is not set and Kinesis defaults to NONE; set it to KMS.",
        );
    },
});
