import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudwatch-log-group-require-kms-key";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:cloudwatch/logGroup:LogGroup";
const logGroup = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "/app/audit", retentionInDays: 365, ...props } });

describe("aws-cloudwatch-log-group-require-kms-key", () => {
    describe("passes", () => {
        it("when the log group names a customer managed key", async () => {
            expect((await runResourcePolicy(policy, logGroup({ kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }))).verdict).toBe("pass");
        });

        it("when the key ARN is a secret", async () => {
            expect((await runResourcePolicy(policy, logGroup({ kmsKeyId: secret("arn:aws:kms:ap-northeast-1:111122223333:key/k1") }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:cloudwatch/logStream:LogStream", props: {} })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([["leaves `kmsKeyId` unset", {}], ["sets an empty `kmsKeyId`", { kmsKeyId: "" }]])("when the log group %s", async (_, props) => {
            const r = await runResourcePolicy(policy, logGroup(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`kmsKeyId` is not set");
        });

        it("reports at the advisory level by default", () => {
            expect(policy.enforcementLevel).toBe("advisory");
        });

        it("when the log group name is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, logGroup({ name: secret("/secret/group-name") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("/secret/group-name");
        });
    });

    describe("unknown during preview", () => {
        it("passes a `kmsKeyId` computed from a key: set, and CloudWatch accepts only customer managed keys", async () => {
            const r = await runResourcePolicy(policy, logGroup({ kmsKeyId: UNKNOWN }));
            expect(r.verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, logGroup({}), { minimumRetentionDays: 30 })).rejects.toThrow(
                "config key 'minimumRetentionDays' is not a setting of this policy (it takes none)",
            );
        });
    });
});
