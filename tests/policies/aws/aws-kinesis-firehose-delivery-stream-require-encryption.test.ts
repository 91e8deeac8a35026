import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-kinesis-firehose-delivery-stream-require-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const stream = (props: Record<string, unknown>) => ({ type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", props: { destination: "extended_s3", ...props } });
const KINESIS = { kinesisStreamArn: "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks", roleArn: "arn:aws:iam::111122223333:role/firehose" };

describe("aws-kinesis-firehose-delivery-stream-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["a Direct PUT stream with an AWS owned key", stream({ serverSideEncryption: { enabled: true } })],
            ["a Direct PUT stream with a customer managed key", stream({ serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: "arn:aws:kms:eu-west-1:111122223333:key/k1" } })],
            ["a stream that reads from a Kinesis data stream", stream({ kinesisSourceConfiguration: KINESIS })],
        ])("%s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["without server-side encryption (the default)", stream({})],
            ["with server-side encryption turned off", stream({ serverSideEncryption: { enabled: false } })],
        ])("a Direct PUT stream %s", async (_, input) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`serverSideEncryption.enabled` is not true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `serverSideEncryption.enabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, stream({ serverSideEncryption: { enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("serverSideEncryption.enabled");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, stream({}), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
