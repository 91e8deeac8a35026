import { logExports } from "../core/log-exports";
import { defineResourcePolicy } from "../core/policy";

const CLUSTER = "aws:neptune/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-neptune-cluster-enable-audit-log-export",
    title: "Neptune clusters publish their audit log to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A Neptune DB cluster should publish its audit log to CloudWatch Logs: `enableCloudwatchLogsExports` must contain " +
        "\"audit\"; Neptune publishes nothing unless asked. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no " +
        "database-log item), and auditing also needs the cluster parameter group's `neptune_enable_audit_log`; make it " +
        "mandatory where your benchmark requires the log.",
    remediation:
        "Add \"audit\" to `enableCloudwatchLogsExports`, set `neptune_enable_audit_log` to 1 in the cluster parameter group, " +
        "and declare the `/aws/neptune/<cluster>/audit` log group with a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "Neptune.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [CLUSTER],
    config: {},
    catalogue: ["aws-log-neptune-audit"],
    examples: {
        pass: [{ title: "a cluster that publishes its audit log", type: CLUSTER, props: { enableCloudwatchLogsExports: ["audit"] } }],
        fail: [
            { title: "a cluster that publishes no logs (the default)", type: CLUSTER, props: {} },
            { title: "a cluster that publishes only the slow-query log", type: CLUSTER, props: { enableCloudwatchLogsExports: ["slowquery"] } },
        ],
    },
    check({ props }) {
        return logExports(props.get("enableCloudwatchLogsExports"), ["audit"], "the Neptune cluster");
    },
});
