import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const STAGE = "aws:apigatewayv2/stage:Stage";

export default defineResourcePolicy({
    name: "aws-apigatewayv2-stage-enable-access-logging",
    title: "API Gateway v2 (HTTP and WebSocket) stages write access logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An API Gateway v2 stage (HTTP or WebSocket API) should write access logs — who called which route, from where, " +
        "with what result — to CloudWatch Logs: `accessLogSettings.destinationArn` (FSBP APIGateway.9, which covers V2 " +
        "stages only; REST API stages are not judged). A stage writes no access logs unless asked. Advisory by default: " +
        "FSBP-only (CIS AWS v3.0.0 has no API Gateway item), and internal or test APIs often run without; make it " +
        "mandatory where your benchmark requires the logs.",
    remediation:
        "Set `accessLogSettings: { destinationArn: logGroup.arn, format: <JSON format with $context.requestId, " +
        "$context.identity.sourceIp, $context.routeKey, $context.status> }` with a log group that has a retention " +
        "(aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "APIGateway.9" }],
    enforcementLevel: "advisory",
    resourceTypes: [STAGE],
    config: {},
    catalogue: ["aws-log-apigateway-access"],
    examples: {
        pass: [
            {
                title: "a stage with access logs",
                type: STAGE,
                props: { apiId: "a1b2c3", name: "$default", accessLogSettings: { destinationArn: "arn:aws:logs:eu-west-1:111122223333:log-group:api-access", format: '{"requestId":"$context.requestId"}' } },
            },
        ],
        fail: [{ title: "a stage without access logs (the default)", type: STAGE, props: { apiId: "a1b2c3", name: "$default", autoDeploy: true } }],
    },
    check({ props }) {
        const settings = props.get("accessLogSettings");
        if (settings.isUnknown) return unknown(settings);
        const destination = settings.get("destinationArn");
        // A log group ARN that is unknown during preview comes from a log group of the stack: it is set.
        if (destination.isUnknown || destination.isText()) return pass;
        return fail("`accessLogSettings.destinationArn` is not set, so the stage writes no access logs; set `accessLogSettings: { destinationArn: <log group ARN>, format: ... }`.");
    },
});
