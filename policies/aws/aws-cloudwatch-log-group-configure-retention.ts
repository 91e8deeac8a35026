import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-cloudwatch-log-group-configure-retention",
    title: "CloudWatch log groups keep logs for the minimum retention period",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "CloudWatch log groups must keep log events at least the configured number of days (or never expire), " +
        "so that the evidence of an incident is still there when it is investigated.",
    remediation:
        "Set `retentionInDays` to at least the minimum (default 365), or leave it unset / 0 to never expire. " +
        "Do not use the DELIVERY log class for logs you must keep: the service caps its retention at 2 days.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    config: {
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 1,
            maximum: 3653,
            description: "Shortest retention, in days, that a log group may have (0 / unset = never expire always passes).",
        },
    },
    examples: {
        pass: [
            { title: "a year of retention", type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 365 } },
            { title: "never expire (retention unset)", type: "aws:cloudwatch/logGroup:LogGroup", props: {} },
        ],
        fail: [
            { title: "a week of retention", type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 7 } },
            { title: "the DELIVERY class (capped at 2 days)", type: "aws:cloudwatch/logGroup:LogGroup", props: { logGroupClass: "DELIVERY" } },
        ],
    },
    check({ props }, config) {
        const logClass = props.get("logGroupClass");
        if (logClass.text()?.toUpperCase() === "DELIVERY") {
            return fail("`logGroupClass` is DELIVERY, which the service caps at 2 days of retention; use STANDARD or INFREQUENT_ACCESS.");
        }
        const days = props.get("retentionInDays");
        if (days.isUnknown) return unknown(days);
        const n = days.value;
        if (n !== undefined && n !== 0 && (typeof n !== "number" || n < config.minimumRetentionDays)) {
            return fail(`\`retentionInDays\` is shorter than ${config.minimumRetentionDays} days; set it to at least ${config.minimumRetentionDays} (or 0 to never expire).`);
        }
        // A long enough retention still depends on the class (DELIVERY caps it): wait for an unknown class.
        return logClass.isUnknown ? unknown(logClass) : pass;
    },
});
