import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const WEB_ACL = "aws:waf/webAcl:WebAcl";

export default defineResourcePolicy({
    name: "aws-waf-web-acl-enable-logging",
    title: "AWS WAF Classic global web ACLs log the requests they inspect",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An AWS WAF Classic global web ACL should log the requests it inspects to a Kinesis Data Firehose stream: " +
        "`loggingConfiguration.logDestination` (FSBP WAF.1); WAF Classic logs nothing unless asked. Advisory by default: " +
        "FSBP-only (CIS AWS v3.0.0 has no WAF item); make it mandatory where your benchmark requires the logs. (WAF " +
        "Classic is end-of-life; new web ACLs belong on AWS WAF v2.)",
    remediation:
        "Set `loggingConfiguration: { logDestination: <Firehose stream ARN whose name starts with aws-waf-logs-> }`, with a " +
        "delivery destination whose retention matches yours; better, migrate the web ACL to AWS WAF v2.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "WAF.1" }],
    enforcementLevel: "advisory",
    resourceTypes: [WEB_ACL],
    config: {},
    catalogue: ["aws-log-waf-classic"],
    examples: {
        pass: [
            {
                title: "a web ACL that logs to Firehose",
                type: WEB_ACL,
                props: { name: "edge", metricName: "edge", defaultAction: { type: "ALLOW" }, loggingConfiguration: { logDestination: "arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-edge" } },
            },
        ],
        fail: [{ title: "a web ACL without logging (the default)", type: WEB_ACL, props: { name: "edge", metricName: "edge", defaultAction: { type: "ALLOW" } } }],
    },
    check({ props }) {
        const logging = props.get("loggingConfiguration");
        const destination = logging.get("logDestination");
        if (logging.isUnknown) return unknown(logging);
        // A destination that is unknown during preview comes from a Firehose stream of the stack: it is set.
        if (destination.isUnknown || destination.isText()) return pass;
        return fail("`loggingConfiguration.logDestination` is not set, so the web ACL does not log the requests it inspects; set it to a Firehose stream (aws-waf-logs-...).");
    },
});
