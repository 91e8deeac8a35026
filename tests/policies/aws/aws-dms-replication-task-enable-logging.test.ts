import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-dms-replication-task-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const task = (settings?: unknown) => ({
    type: "aws:dms/replicationTask:ReplicationTask",
    props: {
        migrationType: "full-load-and-cdc",
        replicationTaskId: "orders",
        tableMappings: "{}",
        ...(settings === undefined ? {} : { replicationTaskSettings: typeof settings === "string" ? settings : JSON.stringify(settings) }),
    },
});
const component = (Id: string, Severity: string) => ({ Id, Severity });

describe("aws-dms-replication-task-enable-logging", () => {
    describe("passes", () => {
        it("a task that enables logging and leaves the components at their default severity", async () => {
            expect((await runResourcePolicy(policy, task({ Logging: { EnableLogging: true } }))).verdict).toBe("pass");
        });

        it("a task that logs the four components at DEFAULT or more, and others at error only", async () => {
            const LogComponents = [
                component("TARGET_APPLY", "LOGGER_SEVERITY_DEFAULT"),
                component("TARGET_LOAD", "LOGGER_SEVERITY_DEBUG"),
                component("SOURCE_CAPTURE", "LOGGER_SEVERITY_DETAILED_DEBUG"),
                component("SOURCE_UNLOAD", "LOGGER_SEVERITY_DEFAULT"),
                component("TASK_MANAGER", "LOGGER_SEVERITY_ERROR"),
            ];
            expect((await runResourcePolicy(policy, task({ Logging: { EnableLogging: true, LogComponents } }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a task without settings (DMS logs nothing by default)", async () => {
            const r = await runResourcePolicy(policy, task());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`replicationTaskSettings` is not set");
        });

        it("a task whose settings leave logging off", async () => {
            const r = await runResourcePolicy(policy, task({ Logging: { EnableLogging: false }, TargetMetadata: {} }));
            expect(r.messages.join()).toContain("does not set `Logging.EnableLogging` to true");
        });

        it("a task that lowers a target component below DEFAULT (DMS.7)", async () => {
            const r = await runResourcePolicy(policy, task({ Logging: { EnableLogging: true, LogComponents: [component("TARGET_APPLY", "LOGGER_SEVERITY_WARNING")] } }));
            expect(r.messages.join()).toContain("logs TARGET_APPLY below LOGGER_SEVERITY_DEFAULT, so the task's target activity");
        });

        it("a task that lowers a source component below DEFAULT (DMS.8)", async () => {
            const r = await runResourcePolicy(policy, task({ Logging: { EnableLogging: true, LogComponents: [component("SOURCE_UNLOAD", "LOGGER_SEVERITY_INFO")] } }));
            expect(r.messages.join()).toContain("source activity");
        });

        it("a task whose settings are not JSON, without echoing them", async () => {
            const r = await runResourcePolicy(policy, task("{not json s3cr3t"));
            expect(r.messages.join()).toContain("not valid JSON");
            expect(r.messages.join()).not.toContain("s3cr3t");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the settings are unknown", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:dms/replicationTask:ReplicationTask", props: { migrationType: "cdc", replicationTaskId: "t", tableMappings: "{}", replicationTaskSettings: UNKNOWN } });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("replicationTaskSettings");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, task(), { severity: "x" })).rejects.toThrow("config key 'severity' is not a setting of this policy (it takes none)");
        });
    });
});
