import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const TASK = "aws:dms/replicationTask:ReplicationTask";

/** The components FSBP DMS.7 (target) and DMS.8 (source) require logging at LOGGER_SEVERITY_DEFAULT or more. */
const COMPONENTS = ["TARGET_APPLY", "TARGET_LOAD", "SOURCE_CAPTURE", "SOURCE_UNLOAD"] as const;
const ENOUGH = new Set(["LOGGER_SEVERITY_DEFAULT", "LOGGER_SEVERITY_DEBUG", "LOGGER_SEVERITY_DETAILED_DEBUG"]);

function record(v: unknown): Record<string, unknown> | undefined {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export default defineResourcePolicy({
    name: "aws-dms-replication-task-enable-logging",
    title: "DMS replication tasks log their source and target components",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A DMS replication task should log to CloudWatch Logs (`replicationTaskSettings` `Logging.EnableLogging: true`) " +
        "with the target components TARGET_APPLY and TARGET_LOAD (FSBP DMS.7) and the source components SOURCE_CAPTURE " +
        "and SOURCE_UNLOAD (DMS.8) at LOGGER_SEVERITY_DEFAULT or more; a component left out of `LogComponents` logs at " +
        "DEFAULT. DMS does not log unless asked. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no DMS item), and a " +
        "migration task is often short-lived; make it mandatory where your benchmark requires the logs.",
    remediation:
        "In `replicationTaskSettings` set `\"Logging\": { \"EnableLogging\": true }` and do not lower TARGET_APPLY, " +
        "TARGET_LOAD, SOURCE_CAPTURE or SOURCE_UNLOAD below LOGGER_SEVERITY_DEFAULT in `LogComponents`. Give the " +
        "`dms-tasks-<instance>` log group a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "DMS.7" },
        { framework: "aws-fsbp", version: "1.0.0", id: "DMS.8" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [TASK],
    config: {},
    catalogue: ["aws-log-dms-replication-task"],
    examples: {
        pass: [
            {
                title: "a task that logs every component at the default severity",
                type: TASK,
                props: { migrationType: "full-load-and-cdc", replicationTaskId: "orders", tableMappings: "{}", replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: true } }) },
            },
        ],
        fail: [
            { title: "a task without task settings (logging is off by default)", type: TASK, props: { migrationType: "full-load", replicationTaskId: "orders", tableMappings: "{}" } },
            {
                title: "a task that logs SOURCE_CAPTURE only at error level",
                type: TASK,
                props: {
                    migrationType: "cdc",
                    replicationTaskId: "orders",
                    tableMappings: "{}",
                    replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: true, LogComponents: [{ Id: "SOURCE_CAPTURE", Severity: "LOGGER_SEVERITY_ERROR" }] } }),
                },
            },
        ],
    },
    check({ props }) {
        const settings = props.get("replicationTaskSettings");
        if (settings.isUnknown) return unknown(settings);
        const text = settings.text();
        if (text === undefined || text.trim() === "") {
            return fail("`replicationTaskSettings` is not set, so the task does not log (DMS's default); set `\"Logging\": { \"EnableLogging\": true }` in it.");
        }
        let parsed: unknown;
        try {
            parsed = JSON.parse(text);
        } catch {
            return fail("`replicationTaskSettings` is not valid JSON, so this policy cannot see its logging settings; write it as JSON with `\"Logging\": { \"EnableLogging\": true }`.");
        }
        const logging = record(record(parsed)?.["Logging"]);
        const enabled = logging?.["EnableLogging"];
        if (enabled !== true && !(typeof enabled === "string" && /^true$/i.test(enabled))) {
            return fail("`replicationTaskSettings` does not set `Logging.EnableLogging` to true, so the task does not log; set it to true.");
        }
        const components = Array.isArray(logging?.["LogComponents"]) ? (logging["LogComponents"] as unknown[]) : [];
        const low: string[] = [];
        for (const c of components) {
            const id = record(c)?.["Id"];
            const severity = record(c)?.["Severity"];
            if (typeof id !== "string" || !(COMPONENTS as readonly string[]).includes(id.toUpperCase())) continue;
            if (typeof severity === "string" && !ENOUGH.has(severity.toUpperCase())) low.push(id.toUpperCase());
        }
        if (low.length) {
            return fail(
                `\`replicationTaskSettings\` logs ${low.join(", ")} below LOGGER_SEVERITY_DEFAULT, so the task's ${low.some((l) => l.startsWith("SOURCE")) ? "source" : "target"} activity is not fully logged; set their \`Severity\` to LOGGER_SEVERITY_DEFAULT (or remove them from \`LogComponents\`).`,
            );
        }
        return pass;
    },
});
