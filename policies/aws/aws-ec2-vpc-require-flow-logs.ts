import { defineStackPolicy } from "../core/policy";
import { Companions, Join } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const VPC = "aws:ec2/vpc:Vpc";
const DEFAULT_VPC = "aws:ec2/defaultVpc:DefaultVpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

/** Traffic types that record rejected traffic (CIS 3.7 asks for at least REJECT). */
const RECORDS_REJECTS = ["ALL", "REJECT"];

export default defineStackPolicy({
    name: "aws-ec2-vpc-require-flow-logs",
    title: "Every VPC has a flow log that records rejected traffic",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "Every VPC of the stack (aws.ec2.Vpc, and the default VPC when the stack adopts it with aws.ec2.DefaultVpc) must " +
        "have a FlowLog whose `vpcId` refers to it and whose `trafficType` is ALL or REJECT, so that the network traffic " +
        "of an incident — connection attempts that were refused included — is on record. VPCs have no flow log unless " +
        "one is created. A FlowLog joins its VPC by property dependency (`vpcId: vpc.id`); a literal VPC id names a VPC " +
        "outside the stack.",
    remediation:
        "Add an `aws.ec2.FlowLog` with `vpcId: vpc.id`, `trafficType: \"ALL\"` (or \"REJECT\") and a destination: a " +
        "CloudWatch Logs group (`logDestination` plus `iamRoleArn`; keep it with a retention policy) or an S3 bucket " +
        "(`logDestinationType: \"s3\"`). Flow logs on subnets or network interfaces alone do not cover the VPC.",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.7" },
        { framework: "aws-fsbp", version: "1.0.0", id: "EC2.6" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [VPC, DEFAULT_VPC, FLOW_LOG],
    config: {},
    catalogue: ["aws-log-vpc-flow-logs"],
    examples: {
        pass: [
            {
                title: "a VPC with a flow log of all traffic",
                resources: [
                    { type: VPC, name: "main", props: { cidrBlock: "10.0.0.0/16" } },
                    { type: FLOW_LOG, name: "main-flow", props: { trafficType: "ALL", logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs" }, propertyDependencies: { vpcId: ["main"] } },
                ],
            },
        ],
        fail: [
            { title: "a VPC without a flow log", resources: [{ type: VPC, name: "main", props: { cidrBlock: "10.0.0.0/16" } }] },
            {
                title: "a VPC whose flow log records only accepted traffic",
                resources: [
                    { type: VPC, name: "main", props: { cidrBlock: "10.0.0.0/16" } },
                    { type: FLOW_LOG, name: "main-flow", props: { trafficType: "ACCEPT", logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs" }, propertyDependencies: { vpcId: ["main"] } },
                ],
            },
        ],
    },
    *check(stack) {
        const vpcs = stack.ofType(VPC, DEFAULT_VPC);
        if (!vpcs.length) return;
        // A VPC's id is not one of its inputs: a flow log joins a VPC of the stack by property dependency only.
        const flowLogs = new Companions(new Join(vpcs, () => []), stack.ofType(FLOW_LOG), "vpcId");
        const undetermined = flowLogs.unresolved.map((l) => l.name);
        for (const vpc of vpcs) {
            const logs = flowLogs.of(vpc);
            let verdict: Verdict;
            const traffic = logs.map((l) => l.props.get("trafficType"));
            if (traffic.some((t) => t.isOneOf(...RECORDS_REJECTS))) verdict = pass;
            else if (traffic.some((t) => t.isUnknown)) verdict = unknown(...traffic.filter((t) => t.isUnknown).map((t) => `the \`trafficType\` of a flow log of this VPC (${t.path})`));
            else if (undetermined.length) verdict = unknown(`the VPC that flow log ${undetermined.join(", ")} refers to (\`vpcId\`)`);
            else if (logs.length) {
                verdict = fail(
                    `the flow logs of this VPC (${logs.map((l) => l.name).join(", ")}) record only accepted traffic; set \`trafficType\` to "ALL" (or "REJECT") so that refused connections are recorded.`,
                );
            } else {
                verdict = fail(
                    "no FlowLog in this stack has a `vpcId` referring to this VPC, so its network traffic is not recorded; add an `aws.ec2.FlowLog` with `vpcId: <vpc>.id` and `trafficType: \"ALL\"`.",
                );
            }
            yield { urn: vpc.urn, verdict };
        }
    },
});
