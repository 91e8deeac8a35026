import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-enable-cloudwatch-logs";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:cloudtrail/trail:Trail";
const GROUP = "arn:aws:logs:ap-northeast-1:111122223333:log-group:cloudtrail:*";
const ROLE = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch";
const trail = (props: Record<string, unknown>) => ({ type: TYPE, props: { s3BucketName: "audit-logs", isMultiRegionTrail: true, ...props } });

describe("aws-cloudtrail-trail-enable-cloudwatch-logs", () => {
    describe("passes", () => {
        it("when the trail delivers to a log group through a role", async () => {
            expect((await runResourcePolicy(policy, trail({ cloudWatchLogsGroupArn: GROUP, cloudWatchLogsRoleArn: ROLE }))).verdict).toBe("pass");
        });

        it("when the ARNs are secrets", async () => {
            expect((await runResourcePolicy(policy, trail({ cloudWatchLogsGroupArn: secret(GROUP), cloudWatchLogsRoleArn: secret(ROLE) }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the trail delivers only to S3, naming both settings", async () => {
            const r = await runResourcePolicy(policy, trail({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`cloudWatchLogsGroupArn` is not set");
            expect(r.messages.join()).toContain("`cloudWatchLogsRoleArn` is not set");
            expect(policy.enforcementLevel).toBe("advisory");
        });

        it("when the log group is blank", async () => {
            expect((await runResourcePolicy(policy, trail({ cloudWatchLogsGroupArn: " ", cloudWatchLogsRoleArn: ROLE }))).messages).toHaveLength(1);
        });
    });

    describe("unknown during preview", () => {
        // An ARN computed from another resource (`${logGroup.arn}:*`) is unknown during preview, but it is set.
        it("passes while the log group and role ARNs are computed from other resources", async () => {
            expect((await runResourcePolicy(policy, trail({ cloudWatchLogsGroupArn: UNKNOWN, cloudWatchLogsRoleArn: UNKNOWN }))).verdict).toBe("pass");
        });

        it("still reports a missing role while the log group ARN is computed", async () => {
            expect((await runResourcePolicy(policy, trail({ cloudWatchLogsGroupArn: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, trail({}), { logGroup: "x" })).rejects.toThrow("config key 'logGroup'");
        });
    });
});
