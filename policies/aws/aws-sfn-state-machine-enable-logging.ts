import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";

export default defineResourcePolicy({
    name: "aws-sfn-state-machine-enable-logging",
    title: "Step Functions state machines log their executions",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A Step Functions state machine should log its execution history to CloudWatch Logs: " +
        "`loggingConfiguration.level` ALL, ERROR or FATAL with a `logDestination`. Logging is OFF unless declared. " +
        "Advisory by default: execution history is also kept by the service (90 days for standard workflows); make it " +
        "mandatory where your benchmark requires the logs.",
    remediation:
        "Set `loggingConfiguration: { level: \"ERROR\" (or \"ALL\"), logDestination: `${logGroup.arn}:*` }` with a log " +
        "group that has a retention, and let the state machine's role deliver logs (logs:CreateLogDelivery and related).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "StepFunctions.1" }],
    enforcementLevel: "advisory",
    resourceTypes: [STATE_MACHINE],
    config: {},
    catalogue: ["aws-log-stepfunctions"],
    examples: {
        pass: [
            {
                title: "a state machine that logs errors",
                type: STATE_MACHINE,
                props: { definition: "{}", roleArn: "arn:aws:iam::111122223333:role/sfn", loggingConfiguration: { level: "ERROR", logDestination: "arn:aws:logs:ap-northeast-1:111122223333:log-group:sfn:*" } },
            },
        ],
        fail: [
            { title: "a state machine without logging (OFF is the default)", type: STATE_MACHINE, props: { definition: "{}", roleArn: "arn:aws:iam::111122223333:role/sfn" } },
            { title: "a state machine with logging OFF", type: STATE_MACHINE, props: { definition: "{}", roleArn: "arn:aws:iam::111122223333:role/sfn", loggingConfiguration: { level: "OFF" } } },
        ],
    },
    check({ props }) {
        const logging = props.get("loggingConfiguration");
        const level = logging.get("level");
        const destination = logging.get("logDestination");
        if (level.isUnknown) return unknown(level);
        if (!level.isOneOf("ALL", "ERROR", "FATAL")) {
            return fail(
                "`loggingConfiguration.level` is not ALL, ERROR or FATAL (it defaults to OFF), so executions are not logged; set it to ERROR or ALL with a `logDestination`.",
            );
        }
        // A destination that is unknown during preview comes from a log group of the stack: it is set.
        if (destination.isBlank) return fail("`loggingConfiguration.logDestination` is not set, so the execution logs have nowhere to go; set it to a CloudWatch Logs group ARN ending in `:*`.");
        return pass;
    },
});
