import { defineResourcePolicy } from "../core/policy";
import { all, fail, pass, unknown } from "../core/verdict";

const TASK = "aws:datasync/task:Task";

export default defineResourcePolicy({
    name: "aws-datasync-task-enable-logging",
    title: "DataSync tasks log to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A DataSync task should log what it transfers to CloudWatch Logs: a `cloudwatchLogGroupArn` and " +
        "`options.logLevel` BASIC or TRANSFER (FSBP DataSync.1); the log level defaults to OFF. Advisory by default: " +
        "FSBP-only (CIS AWS v3.0.0 has no DataSync item); make it mandatory where your benchmark requires the logs.",
    remediation:
        "Set `cloudwatchLogGroupArn` to a log group with a retention (aws-cloudwatch-log-group-configure-retention) and " +
        "`options: { logLevel: \"BASIC\" }` (or TRANSFER), and let datasync.amazonaws.com write to the log group.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "DataSync.1" }],
    enforcementLevel: "advisory",
    resourceTypes: [TASK],
    config: {},
    catalogue: ["aws-log-datasync-task"],
    examples: {
        pass: [
            {
                title: "a task that logs at BASIC level",
                type: TASK,
                props: { sourceLocationArn: "arn:aws:datasync:eu-west-1:111122223333:location/loc-1", destinationLocationArn: "arn:aws:datasync:eu-west-1:111122223333:location/loc-2", cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:datasync", options: { logLevel: "BASIC" } },
            },
        ],
        fail: [{ title: "a task without logging (the default)", type: TASK, props: { sourceLocationArn: "arn:aws:datasync:eu-west-1:111122223333:location/loc-1", destinationLocationArn: "arn:aws:datasync:eu-west-1:111122223333:location/loc-2" } }],
    },
    check({ props }) {
        const group = props.get("cloudwatchLogGroupArn");
        const level = props.get("options").get("logLevel");
        return all([
            // A log group ARN that is unknown during preview comes from a log group of the stack: it is set.
            group.isUnknown || group.isText() ? pass : fail("`cloudwatchLogGroupArn` is not set, so the task has no log group to write to; set it to a CloudWatch Logs group ARN."),
            level.isUnknown
                ? unknown(level)
                : level.isOneOf("BASIC", "TRANSFER")
                  ? pass
                  : fail("`options.logLevel` is not BASIC or TRANSFER (it defaults to OFF), so the task logs nothing; set it to BASIC or TRANSFER."),
        ]);
    },
});
