import { logExports } from "../core/log-exports";
import { defineResourcePolicy } from "../core/policy";

const NAMESPACE = "aws:redshiftserverless/namespace:Namespace";

export default defineResourcePolicy({
    name: "aws-redshiftserverless-namespace-enable-log-exports",
    title: "Redshift Serverless namespaces export their connection and user logs to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A Redshift Serverless namespace should export its connection log (who connected, from where) and user log " +
        "(changes to database users) to CloudWatch Logs: `logExports` must contain \"connectionlog\" and \"userlog\" " +
        "(FSBP RedshiftServerless.6); a namespace created through the API exports nothing unless asked. Advisory by " +
        "default: FSBP-only (CIS AWS v3.0.0 has no database-log item); make it mandatory where your benchmark requires " +
        "the logs.",
    remediation:
        "Set `logExports: [\"connectionlog\", \"userlog\"]` (add \"useractivitylog\" for query text, which also needs " +
        "`enable_user_activity_logging`), and declare the `/aws/redshift/<namespace>/<type>` log groups with a retention " +
        "(aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "RedshiftServerless.6" }],
    enforcementLevel: "advisory",
    resourceTypes: [NAMESPACE],
    config: {},
    catalogue: ["aws-log-redshiftserverless-exports"],
    examples: {
        pass: [{ title: "a namespace that exports its connection and user logs", type: NAMESPACE, props: { namespaceName: "analytics", logExports: ["connectionlog", "userlog", "useractivitylog"] } }],
        fail: [
            { title: "a namespace that exports nothing (the API's default)", type: NAMESPACE, props: { namespaceName: "analytics" } },
            { title: "a namespace that exports only the user activity log", type: NAMESPACE, props: { namespaceName: "analytics", logExports: ["useractivitylog"] } },
        ],
    },
    check({ props }) {
        return logExports(props.get("logExports"), ["connectionlog", "userlog"], "the namespace");
    },
});
