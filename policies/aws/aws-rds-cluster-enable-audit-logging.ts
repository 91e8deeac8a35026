import { defineStackPolicy, type StackResource } from "../core/policy";
import type { Value } from "../core/read";
import { Join, texts } from "../core/stack";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const CLUSTER = "aws:rds/cluster:Cluster";
const PARAMETER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup";

/** The value a parameter group gives parameter `name` (case-insensitive): set, unknown, or absent (the default). */
function parameter(group: StackResource<typeof PARAMETER_GROUP>, name: string): { value: Value | undefined; undecided: Value[] } {
    const undecided: Value[] = [];
    let value: Value | undefined;
    const list = group.props.get("parameters");
    if (list.isUnknown) return { value: undefined, undecided: [list] };
    for (const p of list.blocks()) {
        const n = p.get("name");
        if (p.isUnknown || n.isUnknown) undecided.push(p.isUnknown ? p : n);
        else if (n.isOneOf(name)) value = p.get("value");
    }
    return { value, undecided };
}

function auditing(group: StackResource<typeof PARAMETER_GROUP>): Verdict {
    const logging = parameter(group, "server_audit_logging");
    const events = parameter(group, "server_audit_events");
    const on: Verdict =
        logging.value?.isUnknown ? unknown(logging.value)
        : logging.value?.isOneOf("1", "ON") ? pass
        : !logging.value && logging.undecided.length ? unknown(...logging.undecided)
        : fail(`cluster parameter group ${group.name} does not set \`server_audit_logging\` to 1 (the default is 0), so the cluster keeps no audit log; add \`{ name: "server_audit_logging", value: "1" }\`.`);
    const which: Verdict =
        events.value?.isUnknown ? unknown(events.value)
        : events.value?.isText() ? pass
        : !events.value && events.undecided.length ? unknown(...events.undecided)
        : fail(`cluster parameter group ${group.name} leaves \`server_audit_events\` empty; set it, e.g. to "CONNECT,QUERY_DCL,QUERY_DDL".`);
    return all([on, which]);
}

export default defineStackPolicy({
    name: "aws-rds-cluster-enable-audit-logging",
    title: "Aurora MySQL clusters turn auditing on in their cluster parameter group",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every Aurora MySQL cluster of the stack should audit database activity: its cluster parameter group " +
        "(`dbClusterParameterGroupName`) must set `server_audit_logging` to 1 and a non-empty `server_audit_events` " +
        "(FSBP RDS.45); the default parameter group leaves auditing off. (Publishing the audit log to CloudWatch Logs is " +
        "aws-rds-cluster-enable-log-exports.) The group joins its cluster by property dependency or by its literal name; " +
        "a named group that is not in the stack cannot be seen and is not judged. Advisory by default: FSBP-only (CIS AWS " +
        "v3.0.0 has no database-log item); make it mandatory where your benchmark requires the audit log.",
    remediation:
        "Declare an `aws.rds.ClusterParameterGroup` (family aurora-mysql8.0) with parameters `server_audit_logging = 1` " +
        "and `server_audit_events = CONNECT,QUERY_DCL,QUERY_DDL` (add QUERY_DML for data access), set the cluster's " +
        "`dbClusterParameterGroupName` to it, and add \"audit\" to `enabledCloudwatchLogsExports`.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "RDS.45" }],
    enforcementLevel: "advisory",
    resourceTypes: [CLUSTER, PARAMETER_GROUP],
    config: {},
    catalogue: ["aws-log-aurora-mysql-audit-parameter"],
    examples: {
        pass: [
            {
                title: "an Aurora MySQL cluster whose parameter group audits connections and DDL",
                resources: [
                    { type: PARAMETER_GROUP, name: "audit", props: { name: "aurora-audit", family: "aurora-mysql8.0", parameters: [{ name: "server_audit_logging", value: "1" }, { name: "server_audit_events", value: "CONNECT,QUERY_DDL" }] } },
                    { type: CLUSTER, name: "orders", props: { engine: "aurora-mysql", dbClusterParameterGroupName: "aurora-audit", enabledCloudwatchLogsExports: ["audit"] } },
                ],
            },
        ],
        fail: [{ title: "an Aurora MySQL cluster on the default parameter group", resources: [{ type: CLUSTER, name: "orders", props: { engine: "aurora-mysql" } }] }],
    },
    *check(stack) {
        const clusters = stack.ofType(CLUSTER);
        if (!clusters.length) return;
        const groups = new Join(stack.ofType(PARAMETER_GROUP), (g) => texts(g.props.get("name")));
        for (const cluster of clusters) {
            const engine = cluster.props.get("engine");
            if (engine.isUnknown) {
                yield { urn: cluster.urn, verdict: unknown(engine) };
                continue;
            }
            if (!engine.isOneOf("aurora-mysql", "aurora")) continue;
            const ref = groups.resolve(cluster, "dbClusterParameterGroupName");
            let verdict: Verdict;
            if (ref.kind === "unknown") verdict = unknown(ref.value);
            else if (ref.kind === "resources") {
                const verdicts = ref.targets.map(auditing);
                verdict = verdicts.some((v) => v.kind === "pass") ? pass : all(verdicts);
            } else if (cluster.props.get("dbClusterParameterGroupName").isText()) verdict = pass; // a group outside the stack
            else {
                verdict = fail(
                    "`dbClusterParameterGroupName` is not set, so the Aurora MySQL cluster uses the default parameter group, whose `server_audit_logging` is 0; give it a cluster parameter group that turns auditing on.",
                );
            }
            yield { urn: cluster.urn, verdict };
        }
    },
});
