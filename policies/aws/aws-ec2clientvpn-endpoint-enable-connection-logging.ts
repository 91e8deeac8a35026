import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const ENDPOINT = "aws:ec2clientvpn/endpoint:Endpoint";

export default defineResourcePolicy({
    name: "aws-ec2clientvpn-endpoint-enable-connection-logging",
    title: "Client VPN endpoints log client connections",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A Client VPN endpoint should log every client connection attempt (who connected, from where, when) to CloudWatch " +
        "Logs: `connectionLogOptions.enabled: true` with a `cloudwatchLogGroup` (FSBP EC2.51). Advisory by default: " +
        "FSBP-only (CIS AWS v3.0.0 has no Client VPN item); make it mandatory where your benchmark requires the logs — a " +
        "remote-access log is usually worth keeping.",
    remediation:
        "Set `connectionLogOptions: { enabled: true, cloudwatchLogGroup: <log group name> }` with a log group that has a " +
        "retention (aws-cloudwatch-log-group-configure-retention).",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "EC2.51" }],
    enforcementLevel: "advisory",
    resourceTypes: [ENDPOINT],
    config: {},
    catalogue: ["aws-log-client-vpn"],
    examples: {
        pass: [
            {
                title: "an endpoint that logs connections",
                type: ENDPOINT,
                props: { serverCertificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/server", authenticationOptions: [{ type: "certificate-authentication", rootCertificateChainArn: "arn:aws:acm:eu-west-1:111122223333:certificate/root" }], connectionLogOptions: { enabled: true, cloudwatchLogGroup: "client-vpn" } },
            },
        ],
        fail: [
            {
                title: "an endpoint with connection logging off",
                type: ENDPOINT,
                props: { serverCertificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/server", authenticationOptions: [{ type: "certificate-authentication", rootCertificateChainArn: "arn:aws:acm:eu-west-1:111122223333:certificate/root" }], connectionLogOptions: { enabled: false } },
            },
        ],
    },
    check({ props }) {
        const options = props.get("connectionLogOptions");
        const enabled = options.get("enabled");
        if (enabled.isUnknown) return unknown(enabled);
        if (!enabled.isTrue()) return fail("`connectionLogOptions.enabled` is not true, so the endpoint does not log client connections; set it to true with a `cloudwatchLogGroup`.");
        // A log group name that is unknown during preview comes from a log group of the stack: it is set.
        const group = options.get("cloudwatchLogGroup");
        if (group.isUnknown || group.isText()) return pass;
        return fail("`connectionLogOptions.cloudwatchLogGroup` is not set, so the connection logs have nowhere to go; set it to a CloudWatch Logs group name.");
    },
});
