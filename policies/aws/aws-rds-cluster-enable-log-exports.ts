import { logExports } from "../core/log-exports";
import { defineResourcePolicy } from "../core/policy";
import { pass, unknown } from "../core/verdict";

const CLUSTER = "aws:rds/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-rds-cluster-enable-log-exports",
    title: "Aurora clusters publish their audit (MySQL) or postgresql (PostgreSQL) logs to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An Aurora MySQL cluster should publish its audit log (FSBP RDS.34), an Aurora PostgreSQL cluster its postgresql " +
        "log (RDS.37), to CloudWatch Logs through `enabledCloudwatchLogsExports`; Aurora publishes nothing unless asked. " +
        "Multi-AZ DB clusters of RDS for MySQL/PostgreSQL are not judged here. Advisory by default: FSBP-only (CIS AWS " +
        "v3.0.0 has no database-log item), and the audit log needs the cluster's parameter group to turn auditing on " +
        "(`server_audit_logging`); make it mandatory where your benchmark requires the logs.",
    remediation:
        "Add \"audit\" (aurora-mysql) or \"postgresql\" (aurora-postgresql) to `enabledCloudwatchLogsExports`; for Aurora " +
        "MySQL also set `server_audit_logging` to 1 (and `server_audit_events`) in the cluster parameter group. Declare the " +
        "`/aws/rds/cluster/<id>/<type>` log group with a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.34" },
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.37" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [CLUSTER],
    config: {},
    catalogue: ["aws-log-aurora-cluster-exports"],
    examples: {
        pass: [
            { title: "an Aurora MySQL cluster that publishes its audit log", type: CLUSTER, props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit", "error"] } },
            { title: "an Aurora PostgreSQL cluster that publishes its postgresql log", type: CLUSTER, props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] } },
        ],
        fail: [
            { title: "an Aurora MySQL cluster that publishes no logs (the default)", type: CLUSTER, props: { engine: "aurora-mysql" } },
            { title: "an Aurora PostgreSQL cluster without its postgresql log", type: CLUSTER, props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: [] } },
        ],
    },
    check({ props }) {
        const engine = props.get("engine");
        if (engine.isUnknown) return unknown(engine);
        const exports = props.get("enabledCloudwatchLogsExports");
        if (engine.isOneOf("aurora-mysql", "aurora")) return logExports(exports, ["audit"], "the Aurora MySQL cluster");
        if (engine.isOneOf("aurora-postgresql")) return logExports(exports, ["postgresql"], "the Aurora PostgreSQL cluster");
        return pass;
    },
});
