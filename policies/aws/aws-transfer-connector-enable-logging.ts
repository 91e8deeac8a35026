import { defineResourcePolicy } from "../core/policy";
import { fail, pass } from "../core/verdict";

const CONNECTOR = "aws:transfer/connector:Connector";

export default defineResourcePolicy({
    name: "aws-transfer-connector-enable-logging",
    title: "Transfer Family connectors log their transfers to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A Transfer Family (AS2 or SFTP) connector should log its file transfers to CloudWatch Logs, which it does only " +
        "with a `loggingRole` (FSBP Transfer.3). Advisory by default: FSBP-only (CIS AWS v3.0.0 has no Transfer Family " +
        "item); make it mandatory where your benchmark requires the logs.",
    remediation:
        "Set `loggingRole` to a role Transfer Family can assume with logs:CreateLogStream / logs:PutLogEvents (e.g. the " +
        "AWSTransferLoggingAccess managed policy), and give the `/aws/transfer/<connector id>` log group a retention " +
        "(aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "Transfer.3" }],
    enforcementLevel: "advisory",
    resourceTypes: [CONNECTOR],
    config: {},
    catalogue: ["aws-log-transfer-connector"],
    examples: {
        pass: [{ title: "a connector with a logging role", type: CONNECTOR, props: { accessRole: "arn:aws:iam::111122223333:role/transfer", url: "sftp://partner.example.com", loggingRole: "arn:aws:iam::111122223333:role/transfer-logs" } }],
        fail: [{ title: "a connector without a logging role", type: CONNECTOR, props: { accessRole: "arn:aws:iam::111122223333:role/transfer", url: "sftp://partner.example.com" } }],
    },
    check({ props }) {
        const role = props.get("loggingRole");
        // A role ARN that is unknown during preview comes from a role of the stack: it is set.
        if (role.isUnknown || role.isText()) return pass;
        return fail("`loggingRole` is not set, so the connector does not log its transfers; set it to a role that may write to CloudWatch Logs.");
    },
});
