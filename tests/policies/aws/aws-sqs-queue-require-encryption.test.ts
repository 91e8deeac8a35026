import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-sqs-queue-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:sqs/queue:Queue";
const queue = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "orders", ...props } });
const KEY = "arn:aws:kms:ap-northeast-1:111122223333:key/k1";

describe("aws-sqs-queue-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["says nothing (SSE-SQS is the default for new queues)", {}],
            ["enables SSE-SQS", { sqsManagedSseEnabled: true }],
            ["names a KMS key", { kmsMasterKeyId: KEY }],
            ["names the AWS managed key", { kmsMasterKeyId: "alias/aws/sqs" }],
            ["turns SSE-SQS off but names a KMS key", { sqsManagedSseEnabled: false, kmsMasterKeyId: KEY }],
        ])("when the queue %s", async (_, props) => {
            expect((await runResourcePolicy(policy, queue(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:sqs/queuePolicy:QueuePolicy", props: { sqsManagedSseEnabled: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when SSE-SQS is turned off without a KMS key", async () => {
            const r = await runResourcePolicy(policy, queue({ sqsManagedSseEnabled: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`sqsManagedSseEnabled` is not true and `kmsMasterKeyId` is not set");
        });

        it("when SSE-SQS is turned off and the key id is empty", async () => {
            expect((await runResourcePolicy(policy, queue({ sqsManagedSseEnabled: false, kmsMasterKeyId: "" }))).verdict).toBe("fail");
        });

        it("when SSE-SQS is turned off as a secret, without printing secrets", async () => {
            const r = await runResourcePolicy(policy, queue({ sqsManagedSseEnabled: secret(false), policy: secret("queue-policy-secret") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("queue-policy-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `sqsManagedSseEnabled` is unknown and no key is set", async () => {
            const r = await runResourcePolicy(policy, queue({ sqsManagedSseEnabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".sqsManagedSseEnabled");
        });

        it("cannot decide SSE-SQS turned off while the key id is unknown", async () => {
            const r = await runResourcePolicy(policy, queue({ sqsManagedSseEnabled: false, kmsMasterKeyId: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".kmsMasterKeyId");
        });

        it("passes an unknown key id while SSE-SQS is left at its default", async () => {
            expect((await runResourcePolicy(policy, queue({ kmsMasterKeyId: UNKNOWN }))).verdict).toBe("pass");
        });

        it("passes a known key whatever `sqsManagedSseEnabled` is", async () => {
            expect((await runResourcePolicy(policy, queue({ kmsMasterKeyId: KEY, sqsManagedSseEnabled: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, queue({}), { requireKms: true })).rejects.toThrow(
                "config key 'requireKms' is not a setting of this policy (it takes none)",
            );
        });
    });
});
