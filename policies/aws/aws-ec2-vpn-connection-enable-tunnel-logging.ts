import { defineResourcePolicy } from "../core/policy";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const VPN = "aws:ec2/vpnConnection:VpnConnection";

export default defineResourcePolicy({
    name: "aws-ec2-vpn-connection-enable-tunnel-logging",
    title: "Site-to-Site VPN connections log both tunnels' activity",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A Site-to-Site VPN connection should publish both tunnels' activity logs (IKE negotiation, tunnel up/down, " +
        "DPD) to CloudWatch Logs: `tunnel1LogOptions.cloudwatchLogOptions.logEnabled` and the same for tunnel 2 (FSBP " +
        "EC2.171); tunnel logging is off unless asked. Advisory by default: FSBP-only (CIS AWS v3.0.0 has no VPN item); " +
        "make it mandatory where your benchmark requires the logs.",
    remediation:
        "Set `tunnel1LogOptions: { cloudwatchLogOptions: { logEnabled: true, logGroupArn: <log group ARN> } }` and the " +
        "same for `tunnel2LogOptions`, with a log group that has a retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "EC2.171" }],
    enforcementLevel: "advisory",
    resourceTypes: [VPN],
    config: {},
    catalogue: ["aws-log-site-to-site-vpn"],
    examples: {
        pass: [
            {
                title: "a connection that logs both tunnels",
                type: VPN,
                props: {
                    customerGatewayId: "cgw-0abc",
                    type: "ipsec.1",
                    tunnel1LogOptions: { cloudwatchLogOptions: { logEnabled: true, logGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:vpn" } },
                    tunnel2LogOptions: { cloudwatchLogOptions: { logEnabled: true, logGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:vpn" } },
                },
            },
        ],
        fail: [{ title: "a connection without tunnel logs (the default)", type: VPN, props: { customerGatewayId: "cgw-0abc", type: "ipsec.1" } }],
    },
    check({ props }) {
        const tunnel = (n: 1 | 2): Verdict => {
            const enabled = props.get(n === 1 ? "tunnel1LogOptions" : "tunnel2LogOptions").get("cloudwatchLogOptions").get("logEnabled");
            if (enabled.isTrue()) return pass;
            if (enabled.isUnknown) return unknown(enabled);
            return fail(`\`tunnel${n}LogOptions.cloudwatchLogOptions.logEnabled\` is not true, so tunnel ${n}'s activity is not logged; set it to true with a \`logGroupArn\`.`);
        };
        return all([tunnel(1), tunnel(2)]);
    },
});
