import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-elasticbeanstalk-environment-enable-log-streaming";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const NS = "aws:elasticbeanstalk:cloudwatch:logs";
const setting = (name: string, value: unknown, namespace: unknown = NS) => ({ namespace, name, value });
const environment = (settings?: unknown) => ({ type: "aws:elasticbeanstalk/environment:Environment", props: { application: "web", ...(settings === undefined ? {} : { settings }) } });

describe("aws-elasticbeanstalk-environment-enable-log-streaming", () => {
    describe("passes", () => {
        it("an environment that streams its logs and keeps them a year", async () => {
            expect((await runResourcePolicy(policy, environment([setting("StreamLogs", "true"), setting("RetentionInDays", "365")]))).verdict).toBe("pass");
        });

        it("an environment built from a saved configuration that may set the option (not judged)", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:elasticbeanstalk/environment:Environment", props: { application: "web", templateName: "prod-config" } })).verdict).toBe("pass");
        });

        it("an environment that keeps them ten years, next to other settings", async () => {
            const r = await runResourcePolicy(policy, environment([setting("InstanceType", "t3.small", "aws:autoscaling:launchconfiguration"), setting("StreamLogs", "True"), setting("RetentionInDays", "3653")]));
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an environment that does not stream its logs (the default)", async () => {
            const r = await runResourcePolicy(policy, environment());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`StreamLogs` is not \"true\"");
        });

        it("an environment that streams logs for the default 7 days", async () => {
            const r = await runResourcePolicy(policy, environment([setting("StreamLogs", "true")]));
            expect(r.messages.join()).toContain("7 days (the default of `RetentionInDays`), less than 365 days");
        });

        it("an environment that streams logs for 30 days", async () => {
            expect((await runResourcePolicy(policy, environment([setting("StreamLogs", "true"), setting("RetentionInDays", "30")]))).messages.join()).toContain("for less than 365 days");
        });

        it("a saved configuration does not excuse an explicit StreamLogs false", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:elasticbeanstalk/environment:Environment", props: { application: "web", templateName: "prod-config", settings: [setting("StreamLogs", "false")] } });
            expect(r.verdict).toBe("fail");
        });

        it("StreamLogs set in another namespace does not count", async () => {
            expect((await runResourcePolicy(policy, environment([setting("StreamLogs", "true", "aws:elasticbeanstalk:hostmanager")]))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the settings are unknown", async () => {
            expect((await runResourcePolicy(policy, environment(UNKNOWN))).verdict).toBe("unknown");
        });

        it("cannot decide while StreamLogs' value is unknown", async () => {
            const r = await runResourcePolicy(policy, environment([setting("StreamLogs", UNKNOWN)]));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("settings.0.value");
        });

        it("cannot decide the retention while a setting's namespace is unknown", async () => {
            expect((await runResourcePolicy(policy, environment([setting("StreamLogs", "true"), setting("RetentionInDays", "1", UNKNOWN)]))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("minimumRetentionDays lowers the bar (7 days passes at 7)", async () => {
            expect((await runResourcePolicy(policy, environment([setting("StreamLogs", "true")]), { minimumRetentionDays: 7 })).verdict).toBe("pass");
        });

        it("rejects an unknown setting", async () => {
            await expect(runResourcePolicy(policy, environment(), { retention: 7 })).rejects.toThrow("retention");
        });
    });
});
