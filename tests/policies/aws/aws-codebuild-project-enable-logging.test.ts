import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-codebuild-project-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const project = (logsConfig?: unknown) => ({ type: "aws:codebuild/project:Project", props: { serviceRole: "arn:aws:iam::111122223333:role/build", ...(logsConfig === undefined ? {} : { logsConfig }) } });

describe("aws-codebuild-project-enable-logging", () => {
    describe("passes", () => {
        it.each([
            ["a project that says nothing (CloudWatch Logs is ENABLED by default)", undefined],
            ["a project with CloudWatch Logs explicitly on", { cloudwatchLogs: { status: "ENABLED", groupName: "build" } }],
            ["a project that logs to S3 only", { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "logs/app" } }],
            ["a project that only names a log group", { cloudwatchLogs: { groupName: "build" } }],
        ])("%s", async (_, logsConfig) => {
            expect((await runResourcePolicy(policy, project(logsConfig))).verdict).toBe("pass");
        });

        it("a project with S3 logs on whatever CloudWatch's status during preview", async () => {
            expect((await runResourcePolicy(policy, project({ cloudwatchLogs: { status: UNKNOWN }, s3Logs: { status: "ENABLED", location: "logs" } }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a project with CloudWatch Logs DISABLED and no S3 logs", async () => {
            const r = await runResourcePolicy(policy, project({ cloudwatchLogs: { status: "DISABLED" } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("keeps no build logs");
        });

        it("a project with both destinations DISABLED", async () => {
            expect((await runResourcePolicy(policy, project({ cloudwatchLogs: { status: "disabled" }, s3Logs: { status: "DISABLED" } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while CloudWatch's status is unknown and S3 is not on", async () => {
            const r = await runResourcePolicy(policy, project({ cloudwatchLogs: { status: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("logsConfig.cloudwatchLogs.status");
        });

        it("cannot decide while S3's status is unknown and CloudWatch is off", async () => {
            expect((await runResourcePolicy(policy, project({ cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: UNKNOWN } }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, project(), { s3: true })).rejects.toThrow("config key 's3' is not a setting of this policy (it takes none)");
        });
    });
});
