import { requireLogCompanions } from "../core/log-companions";
import { defineStackPolicy } from "../core/policy";
import { Companions, Join } from "../core/stack";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

export default defineStackPolicy({
    name: "aws-wafv2-web-acl-enable-logging",
    title: "AWS WAF web ACLs log the requests they inspect",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every AWS WAF (v2) web ACL of the stack should have a WebAclLoggingConfiguration whose `resourceArn` refers to " +
        "it, so that the requests it allowed and blocked are kept (FSBP WAF.11); a web ACL logs nothing unless one is " +
        "created. The logging configuration joins its web ACL by property dependency (`resourceArn: acl.arn`). Advisory " +
        "by default: FSBP-only (CIS AWS v3.0.0 has no WAF item), and WAF logs can be large; make it mandatory where your " +
        "benchmark requires them.",
    remediation:
        "Add an `aws.wafv2.WebAclLoggingConfiguration` with `resourceArn: acl.arn` and `logDestinationConfigs` naming a " +
        "CloudWatch Logs group, S3 bucket or Firehose stream whose name starts with `aws-waf-logs-`, kept with a retention " +
        "(aws-cloudwatch-log-group-configure-retention, or a bucket lifecycle).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "WAF.11" }],
    enforcementLevel: "advisory",
    resourceTypes: [WEB_ACL, LOGGING],
    config: {},
    catalogue: ["aws-log-wafv2"],
    examples: {
        pass: [
            {
                title: "a web ACL with a logging configuration",
                resources: [
                    { type: WEB_ACL, name: "edge", props: { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "edge", sampledRequestsEnabled: true } } },
                    { type: LOGGING, name: "edge-logs", props: { logDestinationConfigs: ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-edge"] }, propertyDependencies: { resourceArn: ["edge"] } },
                ],
            },
        ],
        fail: [
            {
                title: "a web ACL without logging",
                resources: [{ type: WEB_ACL, name: "edge", props: { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "edge", sampledRequestsEnabled: true } } }],
            },
        ],
    },
    *check(stack) {
        const acls = stack.ofType(WEB_ACL);
        if (!acls.length) return;
        // A web ACL's ARN is not one of its inputs: the logging configuration joins by property dependency only.
        yield* requireLogCompanions({
            targets: acls,
            companions: new Companions(new Join(acls, () => []), stack.ofType(LOGGING), "resourceArn"),
            property: "resourceArn",
            missing:
                "no WebAclLoggingConfiguration in this stack has a `resourceArn` referring to this web ACL, so the requests it inspects are not logged; add an `aws.wafv2.WebAclLoggingConfiguration` with `resourceArn: <acl>.arn`.",
        });
    },
});
