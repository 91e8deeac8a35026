import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-datasync-task-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const GROUP = "arn:aws:logs:eu-west-1:111122223333:log-group:datasync";
const task = (props: Record<string, unknown>) => ({
    type: "aws:datasync/task:Task",
    props: { sourceLocationArn: "arn:aws:datasync:eu-west-1:111122223333:location/loc-1", destinationLocationArn: "arn:aws:datasync:eu-west-1:111122223333:location/loc-2", ...props },
});

describe("aws-datasync-task-enable-logging", () => {
    describe("passes", () => {
        it.each([["BASIC"], ["TRANSFER"], ["basic"]])("a task that logs at level %s to a log group", async (logLevel) => {
            expect((await runResourcePolicy(policy, task({ cloudwatchLogGroupArn: GROUP, options: { logLevel } }))).verdict).toBe("pass");
        });

        it("a task whose log group ARN is unknown during preview (a log group of the stack)", async () => {
            expect((await runResourcePolicy(policy, task({ cloudwatchLogGroupArn: UNKNOWN, options: { logLevel: "BASIC" } }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a task without logging (the default), with both findings", async () => {
            const r = await runResourcePolicy(policy, task({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(2);
            expect(r.messages.join()).toContain("`cloudwatchLogGroupArn` is not set");
            expect(r.messages.join()).toContain("`options.logLevel` is not BASIC or TRANSFER");
        });

        it("a task with a log group but the level OFF", async () => {
            const r = await runResourcePolicy(policy, task({ cloudwatchLogGroupArn: GROUP, options: { logLevel: "OFF" } }));
            expect(r.messages).toEqual([expect.stringContaining("`options.logLevel`")]);
        });

        it("a task without a log group fails even while the level is unknown", async () => {
            expect((await runResourcePolicy(policy, task({ options: { logLevel: UNKNOWN } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the level is unknown", async () => {
            const r = await runResourcePolicy(policy, task({ cloudwatchLogGroupArn: GROUP, options: { logLevel: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("options.logLevel");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, task({}), { level: "BASIC" })).rejects.toThrow("config key 'level' is not a setting of this policy (it takes none)");
        });
    });
});
