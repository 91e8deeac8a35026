import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const BROKER = "aws:mq/broker:Broker";

export default defineResourcePolicy({
    name: "aws-mq-broker-enable-audit-logs",
    title: "ActiveMQ brokers stream their audit log to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "An Amazon MQ broker for ActiveMQ should stream its audit log (user management through JMX or the web console) " +
        "to CloudWatch Logs: `logs.audit: true` (FSBP MQ.2); it defaults to false. RabbitMQ brokers have no audit log " +
        "and are not judged. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no MQ item); make it mandatory where " +
        "your benchmark requires the log.",
    remediation:
        "Set `logs: { audit: true }` (and `general: true` if you want the broker log), let Amazon MQ write to CloudWatch " +
        "Logs (a log-group resource policy for mq.amazonaws.com), and give the `/aws/amazonmq/broker/<id>/audit` log group " +
        "a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "MQ.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [BROKER],
    config: {},
    catalogue: ["aws-log-mq-audit"],
    examples: {
        pass: [
            { title: "an ActiveMQ broker with audit logs", type: BROKER, props: { brokerName: "orders", engineType: "ActiveMQ", engineVersion: "5.18", hostInstanceType: "mq.m5.large", users: [], logs: { audit: true } } },
            { title: "a RabbitMQ broker (no audit log to keep)", type: BROKER, props: { brokerName: "events", engineType: "RabbitMQ", engineVersion: "3.13", hostInstanceType: "mq.m5.large", users: [] } },
        ],
        fail: [{ title: "an ActiveMQ broker without audit logs (the default)", type: BROKER, props: { brokerName: "orders", engineType: "ActiveMQ", engineVersion: "5.18", hostInstanceType: "mq.m5.large", users: [] } }],
    },
    check({ props }) {
        const engine = props.get("engineType");
        if (engine.isUnknown) return unknown(engine);
        if (!engine.isOneOf("ActiveMQ")) return pass;
        const audit = props.get("logs").get("audit");
        if (audit.isTrue()) return pass;
        if (audit.isUnknown) return unknown(audit);
        return fail("`logs.audit` is not true (it defaults to false), so the ActiveMQ broker does not stream its audit log; set `logs: { audit: true }`.");
    },
});
