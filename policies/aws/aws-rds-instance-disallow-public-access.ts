import { defineResourcePolicy } from "../core/policy-legacy";
import { isTrue } from "../core/values";

export default defineResourcePolicy({
    name: "aws-rds-instance-disallow-public-access",
    title: "RDS DB instances are not publicly accessible",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "RDS DB instances, Aurora cluster instances and Aurora Limitless shard groups must not be publicly accessible: " +
        "a publicly accessible database gets a public DNS name and address, so only its security groups stand between " +
        "it and the internet.",
    remediation:
        "Set `publiclyAccessible` to false (or leave it out: it defaults to false) and reach the database from inside " +
        "the VPC, through a bastion, VPN, or RDS Proxy.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.2" },
        { framework: "cis-aws", version: "3.0.0", id: "2.3.3" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/shardGroup:ShardGroup"],
    config: {},
    check({ props }, _config, report) {
        if (isTrue(props.publiclyAccessible)) {
            report("`publiclyAccessible` is true; set it to false (or leave it out) and reach the database from inside the VPC.");
        }
    },
});
