import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const CLUSTER = "aws:msk/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-msk-cluster-disallow-public-access",
    title: "MSK clusters have public access turned off",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "MSK provisioned clusters must not expose their brokers to the internet: " +
        "`brokerNodeGroupInfo.connectivityInfo.publicAccess.type` must be DISABLED, which is the default when it is unset.",
    remediation: "Set `brokerNodeGroupInfo.connectivityInfo.publicAccess.type` to `DISABLED` (or leave it out) and reach the brokers through the VPC or PrivateLink.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-msk-cluster"],
    resourceTypes: [CLUSTER],
    config: {},
    examples: {
        pass: [{ title: "a cluster that says nothing (DISABLED)", type: CLUSTER, props: { clusterName: "events", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["subnet-a", "subnet-b", "subnet-c"] } } }],
        fail: [
            {
                title: "brokers with public IP addresses",
                type: CLUSTER,
                props: { clusterName: "events", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["subnet-a"], connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } } } },
            },
        ],
    },
    check({ props }) {
        const type = props.get("brokerNodeGroupInfo").get("connectivityInfo").get("publicAccess").get("type");
        if (type.isUnknown) return unknown(type);
        if (type.isBlank || type.isOneOf("DISABLED")) return pass;
        return fail("`brokerNodeGroupInfo.connectivityInfo.publicAccess.type` is not DISABLED, so the brokers are reachable from the internet; set it to DISABLED.");
    },
});
