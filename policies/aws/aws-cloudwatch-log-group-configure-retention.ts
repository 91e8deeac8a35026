import { defineResourcePolicy } from "../core/policy-legacy";
import { isKnown } from "../core/values";

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
    check({ props }, config, report) {
        const classKnown = isKnown(props, "logGroupClass");
        if (classKnown && typeof props.logGroupClass === "string" && props.logGroupClass.toUpperCase() === "DELIVERY") {
            report("`logGroupClass` is DELIVERY, which the service caps at 2 days of retention; use STANDARD or INFREQUENT_ACCESS.");
            return;
        }
        const days = props.retentionInDays; // unknown: the verdict waits for it (the SDK says so)
        if (days !== undefined && days !== null && days !== 0 && (typeof days !== "number" || days < config.minimumRetentionDays)) {
            report(`\`retentionInDays\` is shorter than ${config.minimumRetentionDays} days; set it to at least ${config.minimumRetentionDays} (or 0 to never expire).`);
            return;
        }
        // A long enough retention still depends on the class (DELIVERY caps it): wait for an unknown class.
        if (!classKnown) void props.logGroupClass;
    },
});
