import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-sns-topic-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:sns/topic:Topic";
const topic = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "alerts", ...props } });

describe("aws-sns-topic-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["the AWS managed key", "alias/aws/sns"],
            ["a customer managed key ARN", "arn:aws:kms:ap-northeast-1:111122223333:key/k1"],
            ["a customer alias", "alias/alerts"],
        ])("when the topic names %s", async (_, kmsMasterKeyId) => {
            expect((await runResourcePolicy(policy, topic({ kmsMasterKeyId }))).verdict).toBe("pass");
        });

        it("when the key id is a secret", async () => {
            expect((await runResourcePolicy(policy, topic({ kmsMasterKeyId: secret("alias/alerts") }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:sns/topicSubscription:TopicSubscription", props: {} })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["leaves `kmsMasterKeyId` unset", {}],
            ["sets an empty `kmsMasterKeyId`", { kmsMasterKeyId: "" }],
            ["sets a blank `kmsMasterKeyId`", { kmsMasterKeyId: "  " }],
        ])("when the topic %s", async (_, props) => {
            const r = await runResourcePolicy(policy, topic(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`kmsMasterKeyId` is not set");
        });

        it("when the key id is a secret empty string, without printing other secrets", async () => {
            const r = await runResourcePolicy(policy, topic({ kmsMasterKeyId: secret(""), policy: secret("{\"Statement\":\"policy-secret\"}") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("policy-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `kmsMasterKeyId` is unknown", async () => {
            const r = await runResourcePolicy(policy, topic({ kmsMasterKeyId: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".kmsMasterKeyId");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, topic({}), { allowAwsManagedKey: true })).rejects.toThrow(
                "config key 'allowAwsManagedKey' is not a setting of this policy (it takes none)",
            );
        });
    });
});
