import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const API = "aws:appsync/graphQLApi:GraphQLApi";

export default defineResourcePolicy({
    name: "aws-appsync-graphql-api-enable-field-logging",
    title: "AppSync GraphQL APIs log their resolvers (field-level logging)",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An AppSync GraphQL API should send field-level (resolver) logs to CloudWatch Logs: a `logConfig` whose " +
        "`fieldLogLevel` is not NONE (ERROR or ALL; FSBP AppSync.2). AppSync logs nothing without a `logConfig`. Advisory " +
        "by default: FSBP-only (CIS AWS v3.0.0 has no AppSync item), and ALL logs request data; make it mandatory where " +
        "your benchmark requires the logs.",
    remediation:
        "Set `logConfig: { fieldLogLevel: \"ERROR\" (or \"ALL\"), cloudwatchLogsRoleArn: <role AppSync assumes> }`, and " +
        "give the `/aws/appsync/apis/<api id>` log group a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "AppSync.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [API],
    config: {},
    catalogue: ["aws-log-appsync-field-level"],
    examples: {
        pass: [{ title: "an API that logs resolver errors", type: API, props: { name: "orders", authenticationType: "AWS_IAM", logConfig: { fieldLogLevel: "ERROR", cloudwatchLogsRoleArn: "arn:aws:iam::111122223333:role/appsync-logs" } } }],
        fail: [
            { title: "an API without a log configuration (the default)", type: API, props: { name: "orders", authenticationType: "AWS_IAM" } },
            { title: "an API with field logging NONE", type: API, props: { name: "orders", authenticationType: "AWS_IAM", logConfig: { fieldLogLevel: "NONE", cloudwatchLogsRoleArn: "arn:aws:iam::111122223333:role/appsync-logs" } } },
        ],
    },
    check({ props }) {
        const level = props.get("logConfig").get("fieldLogLevel");
        if (level.isUnknown) return unknown(level);
        if (level.isText() && !level.isOneOf("NONE")) return pass;
        return fail(
            props.get("logConfig").isUnset
                ? "the API declares no `logConfig`, so AppSync writes no field-level logs; set `logConfig: { fieldLogLevel: \"ERROR\", cloudwatchLogsRoleArn: <role> }`."
                : "`logConfig.fieldLogLevel` is NONE (or not set), so AppSync writes no field-level logs; set it to ERROR or ALL.",
        );
    },
});
