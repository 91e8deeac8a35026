import { requireLogCompanions } from "../core/log-companions";
import { defineStackPolicy } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";
import { each, fail, pass, unknown, type Verdict } from "../core/verdict";
import type { StackResource } from "../core/policy";

const CLUSTER = "aws:redshift/cluster:Cluster";
const LOGGING = "aws:redshift/logging:Logging";

/** Whether a Logging resource sends the audit logs somewhere: an S3 bucket, or CloudWatch Logs with log types. */
function delivers(logging: StackResource<typeof LOGGING>): Verdict {
    const type = logging.props.get("logDestinationType");
    const bucket = logging.props.get("bucketName");
    const exports = logging.props.get("logExports").items();
    if (type.isUnknown) return unknown(type);
    if (type.isOneOf("cloudwatch")) {
        if (exports.some((e) => e.isText())) return pass;
        if (exports.some((e) => e.isUnknown)) return unknown(...exports);
        return fail(`Logging ${logging.name} sends to CloudWatch Logs but its \`logExports\` is empty, so nothing is logged; add "connectionlog", "userlog" (and "useractivitylog").`);
    }
    // A bucket name that is unknown during preview comes from a bucket of the stack: it is set.
    if (bucket.isUnknown || bucket.isText()) return pass;
    return fail(`Logging ${logging.name} names no \`bucketName\` (and is not \`logDestinationType: "cloudwatch"\`), so the audit logs have nowhere to go; set one.`);
}

export default defineStackPolicy({
    name: "aws-redshift-cluster-enable-audit-logging",
    title: "Redshift clusters have audit logging",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every provisioned Redshift cluster of the stack should have an aws.redshift.Logging (v7 moved audit logging out " +
        "of the cluster) whose `clusterIdentifier` refers to it and that delivers the connection and user logs to S3 or " +
        "CloudWatch Logs (FSBP Redshift.4); a cluster has no audit logging unless it is turned on. The Logging joins its " +
        "cluster by property dependency (`clusterIdentifier: cluster.clusterIdentifier`) or by the literal identifier. " +
        "Advisory by default: FSBP-only (CIS AWS v3.0.0 has no Redshift item); make it mandatory where your benchmark " +
        "requires the logs.",
    remediation:
        "Add an `aws.redshift.Logging` with `clusterIdentifier: cluster.clusterIdentifier` and either `logDestinationType: " +
        "\"cloudwatch\", logExports: [\"connectionlog\", \"userlog\", \"useractivitylog\"]` (log groups with a retention: " +
        "aws-cloudwatch-log-group-configure-retention) or `bucketName` (a bucket Redshift may write to, with a lifecycle " +
        "that matches your retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "Redshift.4" }],
    enforcementLevel: "advisory",
    resourceTypes: [CLUSTER, LOGGING],
    config: {},
    catalogue: ["aws-log-redshift-audit"],
    examples: {
        pass: [
            {
                title: "a cluster whose audit logs go to CloudWatch Logs",
                resources: [
                    { type: CLUSTER, name: "warehouse", props: { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus" } },
                    { type: LOGGING, name: "warehouse-audit", props: { clusterIdentifier: "warehouse", logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog"] } },
                ],
            },
        ],
        fail: [{ title: "a cluster without audit logging", resources: [{ type: CLUSTER, name: "warehouse", props: { clusterIdentifier: "warehouse", nodeType: "ra3.xlplus" } }] }],
    },
    *check(stack) {
        const clusters = stack.ofType(CLUSTER);
        if (!clusters.length) return;
        yield* requireLogCompanions({
            targets: clusters,
            companions: new Companions(new Join(clusters, (c) => texts(c.props.get("clusterIdentifier"))), stack.ofType(LOGGING), "clusterIdentifier"),
            property: "clusterIdentifier",
            missing:
                "no aws.redshift.Logging in this stack has a `clusterIdentifier` referring to this cluster, so it keeps no audit logs; add one with `clusterIdentifier: <cluster>.clusterIdentifier` and a destination.",
            judge(loggings) {
                const verdicts = loggings.map(delivers);
                // One Logging that delivers is enough.
                return verdicts.some((v) => v.kind === "pass") ? pass : each(verdicts, (v) => v);
            },
        });
    },
});
