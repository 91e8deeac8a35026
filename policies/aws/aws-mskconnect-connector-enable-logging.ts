import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const CONNECTOR = "aws:mskconnect/connector:Connector";

export default defineResourcePolicy({
    name: "aws-mskconnect-connector-enable-logging",
    title: "MSK Connect connectors deliver their worker logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An MSK Connect connector should deliver its worker logs to CloudWatch Logs, Firehose or S3 " +
        "(`logDelivery.workerLogDelivery.<destination>.enabled: true`, FSBP MSK.5); a connector delivers none unless " +
        "asked. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no MSK item); make it mandatory where your benchmark " +
        "requires the logs.",
    remediation:
        "Set `logDelivery: { workerLogDelivery: { cloudwatchLogs: { enabled: true, logGroup: <log group> } } }` (or " +
        "`firehose` / `s3`), with a log group that has a retention (aws-cloudwatch-log-group-configure-retention) or a " +
        "bucket lifecycle that matches your retention.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "MSK.5" }],
    enforcementLevel: "advisory",
    resourceTypes: [CONNECTOR],
    config: {},
    catalogue: ["aws-log-msk-connect"],
    examples: {
        pass: [{ title: "a connector that delivers its worker logs to CloudWatch Logs", type: CONNECTOR, props: { logDelivery: { workerLogDelivery: { cloudwatchLogs: { enabled: true, logGroup: "/msk/connect" } } } } }],
        fail: [
            { title: "a connector without log delivery (the default)", type: CONNECTOR, props: {} },
            { title: "a connector with S3 delivery turned off", type: CONNECTOR, props: { logDelivery: { workerLogDelivery: { s3: { enabled: false, bucket: "logs" } } } } },
        ],
    },
    check({ props }) {
        const delivery = props.get("logDelivery").get("workerLogDelivery");
        const enabled = [delivery.get("cloudwatchLogs").get("enabled"), delivery.get("firehose").get("enabled"), delivery.get("s3").get("enabled")];
        if (enabled.some((e) => e.isTrue())) return pass;
        if (enabled.some((e) => e.isUnknown)) return unknown(...enabled);
        return fail(
            "no destination of `logDelivery.workerLogDelivery` (cloudwatchLogs, firehose, s3) is enabled, so the connector's worker logs are not kept; enable one, e.g. `cloudwatchLogs: { enabled: true, logGroup: <log group> }`.",
        );
    },
});
