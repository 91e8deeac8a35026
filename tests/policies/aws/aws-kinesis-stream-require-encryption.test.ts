import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-kinesis-stream-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:kinesis/stream:Stream";
const stream = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "clicks", shardCount: 1, ...props } });

describe("aws-kinesis-stream-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["KMS with the AWS managed key", { encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" }],
            ["KMS with a customer managed key", { encryptionType: "KMS", kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }],
            ["kms in lower case", { encryptionType: "kms", kmsKeyId: "alias/aws/kinesis" }],
        ])("when the stream uses %s", async (_, props) => {
            expect((await runResourcePolicy(policy, stream(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", props: {} })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `encryptionType` is not set (defaults to NONE)", async () => {
            const r = await runResourcePolicy(policy, stream({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptionType` is not set and Kinesis defaults to NONE");
        });

        it("when `encryptionType` is NONE", async () => {
            const r = await runResourcePolicy(policy, stream({ encryptionType: "NONE" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryptionType` is not KMS");
        });

        it("when `encryptionType` is a secret NONE, without printing it", async () => {
            const r = await runResourcePolicy(policy, stream({ encryptionType: secret("NONE-SECRET") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("NONE-SECRET");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encryptionType` is unknown", async () => {
            const r = await runResourcePolicy(policy, stream({ encryptionType: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryptionType");
        });

        it("passes KMS whatever the unknown key", async () => {
            expect((await runResourcePolicy(policy, stream({ encryptionType: "KMS", kmsKeyId: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, stream({}), { requireCmk: true })).rejects.toThrow(
                "config key 'requireCmk' is not a setting of this policy (it takes none)",
            );
        });
    });
});
