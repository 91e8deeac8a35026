import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const STREAM = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";

export default defineResourcePolicy({
    name: "aws-kinesis-firehose-delivery-stream-require-encryption",
    title: "Firehose delivery streams encrypt the data they buffer",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A Firehose stream that producers write to directly (Direct PUT) must encrypt the records it holds at rest: " +
        "`serverSideEncryption.enabled` must be true. Server-side encryption is off unless enabled. A stream that reads " +
        "from a Kinesis data stream (`kinesisSourceConfiguration`) or an MSK cluster (`mskSourceConfiguration`) cannot set " +
        "it — its records rest in the source, whose own encryption applies (aws-kinesis-stream-require-encryption) — and " +
        "is not checked.",
    remediation:
        "Set `serverSideEncryption: { enabled: true }` (keyType AWS_OWNED_CMK, or CUSTOMER_MANAGED_CMK with `keyArn`).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "DataFirehose.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [STREAM],
    config: {},
    catalogue: ["aws-enc-firehose"],
    examples: {
        pass: [
            { title: "a Direct PUT stream with server-side encryption", type: STREAM, props: { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" } } },
            {
                title: "a stream that reads from a Kinesis data stream",
                type: STREAM,
                props: { destination: "extended_s3", kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks", roleArn: "arn:aws:iam::111122223333:role/firehose" } },
            },
        ],
        fail: [{ title: "a Direct PUT stream without server-side encryption (the default)", type: STREAM, props: { destination: "extended_s3" } }],
    },
    check({ props }) {
        const kinesis = props.get("kinesisSourceConfiguration");
        const msk = props.get("mskSourceConfiguration");
        if (kinesis.isSet || msk.isSet) return pass; // the source's encryption applies
        const enabled = props.get("serverSideEncryption").get("enabled");
        if (enabled.isTrue()) return pass;
        if (enabled.isUnknown || kinesis.isUnknown || msk.isUnknown) return unknown(enabled, kinesis, msk);
        return fail(
            "`serverSideEncryption.enabled` is not true, so the records this Direct PUT stream buffers are not encrypted at rest; set `serverSideEncryption: { enabled: true }`.",
        );
    },
});
