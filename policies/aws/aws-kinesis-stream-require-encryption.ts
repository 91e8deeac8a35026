import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "a KMS-encrypted stream", type: "aws:kinesis/stream:Stream", props: { encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" } }],
        fail: [
            { title: "a stream that leaves `encryptionType` unset", type: "aws:kinesis/stream:Stream", props: {} },
            { title: "a stream with `encryptionType: NONE`", type: "aws:kinesis/stream:Stream", props: { encryptionType: "NONE" } },
        ],
    },
    check({ props }) {
        const type = props.get("encryptionType");
        if (type.isUnknown) return unknown(type);
        if (type.isOneOf("KMS")) return pass;
        return fail(
            type.isText()
                ? "`encryptionType` is not KMS, so the stream is not encrypted at rest; set it to KMS."
                : "`encryptionType` is not set and Kinesis defaults to NONE; set it to KMS.",
        );
    },
});
