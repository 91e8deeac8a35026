import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const PROJECT = "aws:codebuild/project:Project";

export default defineResourcePolicy({
    name: "aws-codebuild-project-enable-logging",
    title: "CodeBuild projects keep their build logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A CodeBuild project should keep its build logs in CloudWatch Logs or S3 (FSBP CodeBuild.4). CloudWatch Logs is " +
        "ENABLED by default, so a project that says nothing passes; it fails only when `logsConfig.cloudwatchLogs.status` " +
        "is DISABLED and `logsConfig.s3Logs.status` is not ENABLED. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no " +
        "CodeBuild item); make it mandatory where your benchmark requires the logs.",
    remediation:
        "Remove `logsConfig.cloudwatchLogs.status: \"DISABLED\"`, or set `logsConfig.s3Logs: { status: \"ENABLED\", " +
        "location: <bucket/prefix> }`; give the `/aws/codebuild/<project>` log group a retention " +
        "(aws-cloudwatch-log-group-configure-retention) or the bucket a lifecycle that matches yours.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "CodeBuild.4" }],
    enforcementLevel: "advisory",
    resourceTypes: [PROJECT],
    config: {},
    catalogue: ["aws-log-codebuild-project"],
    examples: {
        pass: [
            { title: "a project that says nothing (CloudWatch Logs is on by default)", type: PROJECT, props: { serviceRole: "arn:aws:iam::111122223333:role/build" } },
            { title: "a project that logs to S3 only", type: PROJECT, props: { serviceRole: "arn:aws:iam::111122223333:role/build", logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "build-logs/app" } } } },
        ],
        fail: [{ title: "a project with every log destination off", type: PROJECT, props: { serviceRole: "arn:aws:iam::111122223333:role/build", logsConfig: { cloudwatchLogs: { status: "DISABLED" } } } }],
    },
    check({ props }) {
        const logs = props.get("logsConfig");
        const cloudwatch = logs.get("cloudwatchLogs").get("status");
        const s3 = logs.get("s3Logs").get("status");
        if (cloudwatch.isUnknown) return s3.isOneOf("ENABLED") ? pass : unknown(cloudwatch, s3);
        if (!cloudwatch.isOneOf("DISABLED")) return pass; // ENABLED is the default
        if (s3.isOneOf("ENABLED")) return pass;
        if (s3.isUnknown) return unknown(s3);
        return fail("`logsConfig.cloudwatchLogs.status` is DISABLED and `logsConfig.s3Logs.status` is not ENABLED, so the project keeps no build logs; remove the DISABLED status or enable S3 logs.");
    },
});
