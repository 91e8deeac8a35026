import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-sfn-state-machine-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "aws:sfn/stateMachine:StateMachine";
const GROUP = "arn:aws:logs:ap-northeast-1:111122223333:log-group:sfn:*";
const machine = (loggingConfiguration?: Record<string, unknown> | string) => ({
    type: TYPE,
    props: { definition: "{}", roleArn: "arn:aws:iam::111122223333:role/sfn", ...(loggingConfiguration === undefined ? {} : { loggingConfiguration }) },
});

describe("aws-sfn-state-machine-enable-logging", () => {
    describe("passes", () => {
        it.each([["ALL"], ["ERROR"], ["FATAL"], ["error"]])("when it logs at level %s to a log group", async (level) => {
            expect((await runResourcePolicy(policy, machine({ level, logDestination: GROUP }))).verdict).toBe("pass");
        });

        it("when the log group's ARN is unknown during preview (a log group of the stack)", async () => {
            expect((await runResourcePolicy(policy, machine({ level: "ALL", logDestination: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when it declares no logging (OFF is the default)", async () => {
            const r = await runResourcePolicy(policy, machine());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`loggingConfiguration.level` is not ALL, ERROR or FATAL");
        });

        it("when logging is OFF, or the level is left out", async () => {
            expect((await runResourcePolicy(policy, machine({ level: "OFF", logDestination: GROUP }))).verdict).toBe("fail");
            expect((await runResourcePolicy(policy, machine({ logDestination: GROUP }))).verdict).toBe("fail");
        });

        it("when a level is set without a destination", async () => {
            const r = await runResourcePolicy(policy, machine({ level: "ALL" }));
            expect(r.messages.join()).toContain("`loggingConfiguration.logDestination` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the level is unknown", async () => {
            const r = await runResourcePolicy(policy, machine({ level: UNKNOWN, logDestination: GROUP }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("loggingConfiguration.level");
        });

        it("cannot decide while the whole logging configuration is unknown", async () => {
            expect((await runResourcePolicy(policy, machine(UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, machine(), { logLevel: "ALL" })).rejects.toThrow("config key 'logLevel' is not a setting of this policy (it takes none)");
        });
    });
});
