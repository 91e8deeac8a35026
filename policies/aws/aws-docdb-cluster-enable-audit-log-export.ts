import { logExports } from "../core/log-exports";
import { defineResourcePolicy } from "../core/policy";

const CLUSTER = "aws:docdb/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-docdb-cluster-enable-audit-log-export",
    title: "DocumentDB clusters publish their audit log to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A DocumentDB cluster should publish its audit log (authentication, authorisation and DDL events) to CloudWatch " +
        "Logs: `enabledCloudwatchLogsExports` must contain \"audit\"; DocumentDB publishes nothing unless asked. Advisory " +
        "by default: FSBP-only (CIS AWS v3.0.0 has no database-log item), and auditing also needs the cluster parameter " +
        "group's `audit_logs`; make it mandatory where your benchmark requires the log.",
    remediation:
        "Add \"audit\" to `enabledCloudwatchLogsExports`, set `audit_logs` to `enabled` in the cluster parameter group, and " +
        "declare the `/aws/docdb/<cluster>/audit` log group with a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "DocumentDB.4" }],
    enforcementLevel: "advisory",
    resourceTypes: [CLUSTER],
    config: {},
    catalogue: ["aws-log-docdb-audit"],
    examples: {
        pass: [{ title: "a cluster that publishes its audit log", type: CLUSTER, props: { enabledCloudwatchLogsExports: ["audit", "profiler"] } }],
        fail: [
            { title: "a cluster that publishes no logs (the default)", type: CLUSTER, props: {} },
            { title: "a cluster that publishes only the profiler log", type: CLUSTER, props: { enabledCloudwatchLogsExports: ["profiler"] } },
        ],
    },
    check({ props }) {
        return logExports(props.get("enabledCloudwatchLogsExports"), ["audit"], "the DocumentDB cluster");
    },
});
