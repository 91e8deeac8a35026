import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const WORKGROUP = "aws:athena/workgroup:Workgroup";

export default defineResourcePolicy({
    name: "aws-athena-workgroup-enable-cloudwatch-metrics",
    title: "Athena workgroups publish their query metrics to CloudWatch",
    cloud: "aws",
    control: "log-retention",
    severity: "low",
    description:
        "An Athena workgroup should publish its query metrics to CloudWatch (`configuration." +
        "publishCloudwatchMetricsEnabled`), which is what FSBP Athena.4 (\"logging enabled\") checks through the AWS " +
        "Config rule athena-workgroup-logging-enabled. It defaults to true, so a workgroup that says nothing passes; only " +
        "an explicit false fails. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no Athena item), and the queries " +
        "themselves are in CloudTrail either way.",
    remediation: "Remove `configuration.publishCloudwatchMetricsEnabled: false` (or set it to true).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "Athena.4" }],
    enforcementLevel: "advisory",
    resourceTypes: [WORKGROUP],
    config: {},
    catalogue: ["aws-log-athena-workgroup"],
    examples: {
        pass: [
            { title: "a workgroup that says nothing (metrics are on by default)", type: WORKGROUP, props: { name: "analysts" } },
            { title: "a workgroup that publishes metrics", type: WORKGROUP, props: { name: "analysts", configuration: { publishCloudwatchMetricsEnabled: true } } },
        ],
        fail: [{ title: "a workgroup that turns metrics off", type: WORKGROUP, props: { name: "analysts", configuration: { publishCloudwatchMetricsEnabled: false } } }],
    },
    check({ props }) {
        const metrics = props.get("configuration").get("publishCloudwatchMetricsEnabled");
        if (metrics.isUnknown) return unknown(metrics);
        if (!metrics.isFalse()) return pass;
        return fail("`configuration.publishCloudwatchMetricsEnabled` is false, so the workgroup publishes no query metrics to CloudWatch; remove it or set it to true.");
    },
});
