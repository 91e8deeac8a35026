import { requireLogCompanions } from "../core/log-companions";
import { defineStackPolicy } from "../core/policy";
import { Companions, Join } from "../core/stack";
import { fail, pass, unknown } from "../core/verdict";

const FIREWALL = "aws:networkfirewall/firewall:Firewall";
const LOGGING = "aws:networkfirewall/loggingConfiguration:LoggingConfiguration";

export default defineStackPolicy({
    name: "aws-networkfirewall-firewall-enable-logging",
    title: "Network Firewall firewalls log their traffic",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every Network Firewall firewall of the stack should have a LoggingConfiguration whose `firewallArn` refers to it " +
        "with at least one log destination (ALERT, FLOW or TLS logs; FSBP NetworkFirewall.2); a firewall logs nothing " +
        "unless one is created. The logging configuration joins its firewall by property dependency (`firewallArn: " +
        "firewall.arn`). Advisory by default: FSBP-only (CIS AWS v3.0.0 has no Network Firewall item); make it mandatory " +
        "where your benchmark requires the logs — a firewall's alert log is usually worth keeping.",
    remediation:
        "Add an `aws.networkfirewall.LoggingConfiguration` with `firewallArn: firewall.arn` and `loggingConfiguration: { " +
        "logDestinationConfigs: [{ logType: \"ALERT\", logDestinationType: \"CloudWatchLogs\", logDestination: { " +
        "logGroup: <log group> } }] }` (add FLOW for every connection), kept with a retention " +
        "(aws-cloudwatch-log-group-configure-retention, or a bucket lifecycle).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "NetworkFirewall.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [FIREWALL, LOGGING],
    config: {},
    catalogue: ["aws-log-network-firewall"],
    examples: {
        pass: [
            {
                title: "a firewall that logs alerts to CloudWatch Logs",
                resources: [
                    { type: FIREWALL, name: "egress", props: { firewallPolicyArn: "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress", vpcId: "vpc-0abc", subnetMappings: [{ subnetId: "subnet-0abc" }] } },
                    {
                        type: LOGGING,
                        name: "egress-logs",
                        props: { loggingConfiguration: { logDestinationConfigs: [{ logType: "ALERT", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: "/nfw/egress" } }] } },
                        propertyDependencies: { firewallArn: ["egress"] },
                    },
                ],
            },
        ],
        fail: [
            {
                title: "a firewall without logging",
                resources: [{ type: FIREWALL, name: "egress", props: { firewallPolicyArn: "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress", vpcId: "vpc-0abc", subnetMappings: [{ subnetId: "subnet-0abc" }] } }],
            },
        ],
    },
    *check(stack) {
        const firewalls = stack.ofType(FIREWALL);
        if (!firewalls.length) return;
        // A firewall's ARN is not one of its inputs: the logging configuration joins by property dependency only.
        yield* requireLogCompanions({
            targets: firewalls,
            companions: new Companions(new Join(firewalls, () => []), stack.ofType(LOGGING), "firewallArn"),
            property: "firewallArn",
            missing:
                "no LoggingConfiguration in this stack has a `firewallArn` referring to this firewall, so its traffic is not logged; add an `aws.networkfirewall.LoggingConfiguration` with `firewallArn: <firewall>.arn` and an ALERT log destination.",
            judge(configs) {
                const destinations = configs.flatMap((c) => c.props.get("loggingConfiguration").get("logDestinationConfigs").items());
                if (destinations.some((d) => d.isSet)) return pass;
                const open = configs.map((c) => c.props.get("loggingConfiguration")).filter((l) => l.hasUnknown);
                if (open.length) return unknown(...open.map((l) => `the log destinations of this firewall's logging configuration (${l.path})`));
                return fail("the LoggingConfiguration of this firewall has no `loggingConfiguration.logDestinationConfigs`, so nothing is logged; add an ALERT (and FLOW) destination.");
            },
        });
    },
});
