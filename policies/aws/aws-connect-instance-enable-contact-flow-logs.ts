import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const INSTANCE = "aws:connect/instance:Instance";

export default defineResourcePolicy({
    name: "aws-connect-instance-enable-contact-flow-logs",
    title: "Amazon Connect instances log their flows to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "low",
    description:
        "An Amazon Connect instance should log its (contact) flows to CloudWatch Logs: `contactFlowLogsEnabled: true` " +
        "(FSBP Connect.2); it defaults to false. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no Connect item); make " +
        "it mandatory where your benchmark requires the logs.",
    remediation:
        "Set `contactFlowLogsEnabled: true`, and give the `/aws/connect/<instance alias>` log group a retention " +
        "(aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "Connect.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [INSTANCE],
    config: {},
    catalogue: ["aws-log-connect-instance"],
    examples: {
        pass: [{ title: "an instance with flow logs", type: INSTANCE, props: { identityManagementType: "CONNECT_MANAGED", inboundCallsEnabled: true, outboundCallsEnabled: true, contactFlowLogsEnabled: true } }],
        fail: [{ title: "an instance without flow logs (the default)", type: INSTANCE, props: { identityManagementType: "CONNECT_MANAGED", inboundCallsEnabled: true, outboundCallsEnabled: true } }],
    },
    check({ props }) {
        const enabled = props.get("contactFlowLogsEnabled");
        if (enabled.isTrue()) return pass;
        if (enabled.isUnknown) return unknown(enabled);
        return fail("`contactFlowLogsEnabled` is not true (it defaults to false), so the instance's flows are not logged; set it to true.");
    },
});
