import { logExports } from "../core/log-exports";
import { defineResourcePolicy } from "../core/policy";
import { pass, unknown } from "../core/verdict";

const INSTANCE = "aws:rds/instance:Instance";

/** The logs FSBP RDS.9 requires each engine family to publish, with the family's name for messages. */
const REQUIRED: readonly { readonly test: RegExp; readonly name: string; readonly logs: readonly string[] }[] = [
    { test: /^oracle-/, name: "Oracle", logs: ["alert", "audit", "trace", "listener"] },
    { test: /^postgres$/, name: "PostgreSQL", logs: ["postgresql", "upgrade"] },
    { test: /^mysql$/, name: "MySQL", logs: ["audit", "error", "general", "slowquery"] },
    { test: /^mariadb$/, name: "MariaDB", logs: ["audit", "error", "general", "slowquery"] },
    { test: /^sqlserver-/, name: "SQL Server", logs: ["error", "agent"] },
];

export default defineResourcePolicy({
    name: "aws-rds-instance-enable-log-exports",
    title: "RDS DB instances publish their engine logs to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An RDS DB instance should publish its engine's logs to CloudWatch Logs (`enabledCloudwatchLogsExports`), the set " +
        "FSBP RDS.9 names per engine: Oracle alert, audit, trace, listener; PostgreSQL postgresql, upgrade (RDS.36: " +
        "postgresql); MySQL and MariaDB audit, error, general, slowquery (RDS.42); SQL Server error, agent (RDS.40). RDS " +
        "publishes nothing unless asked. Aurora instances are judged on their cluster (aws-rds-cluster-enable-log-exports); " +
        "other engines (Db2, RDS Custom) and instances whose engine comes from a source database are not judged. " +
        "Advisory by default: FSBP-only (CIS AWS v3.0.0 has no database-log item), and many databases legitimately run " +
        "without, e.g., general or slow-query logs; make it mandatory where your benchmark requires them.",
    remediation:
        "Add the missing types to `enabledCloudwatchLogsExports` (MySQL/MariaDB `audit` needs the MARIADB_AUDIT_PLUGIN " +
        "option group; `general` and `slowquery` need `general_log` / `slow_query_log` set in the parameter group), and " +
        "declare the `/aws/rds/instance/<id>/<type>` log groups with a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.9" },
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.36" },
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.40" },
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.42" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [INSTANCE],
    config: {},
    catalogue: ["aws-log-rds-instance-exports"],
    examples: {
        pass: [
            { title: "a PostgreSQL instance that publishes its logs", type: INSTANCE, props: { instanceClass: "db.t4g.micro", engine: "postgres", enabledCloudwatchLogsExports: ["postgresql", "upgrade"] } },
            { title: "an Aurora instance (judged on its cluster)", type: INSTANCE, props: { instanceClass: "db.r6g.large", engine: "aurora-mysql", clusterIdentifier: "orders" } },
        ],
        fail: [
            { title: "a MySQL instance that publishes no logs (the default)", type: INSTANCE, props: { instanceClass: "db.t4g.micro", engine: "mysql" } },
            { title: "a SQL Server instance without its agent log", type: INSTANCE, props: { instanceClass: "db.m5.large", engine: "sqlserver-se", enabledCloudwatchLogsExports: ["error"] } },
        ],
    },
    check({ props }) {
        const engine = props.get("engine");
        if (engine.isUnknown) return unknown(engine);
        const name = engine.text()?.trim().toLowerCase();
        const family = name === undefined ? undefined : REQUIRED.find((f) => f.test.test(name));
        if (!family) return pass;
        return logExports(props.get("enabledCloudwatchLogsExports"), family.logs, `the ${family.name} instance`);
    },
});
