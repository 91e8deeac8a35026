import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { failIf, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "a private instance", type: "aws:rds/instance:Instance", props: { instanceClass: "db.t4g.micro", publiclyAccessible: false } }],
        fail: [{ title: "a publicly accessible instance", type: "aws:rds/instance:Instance", props: { instanceClass: "db.t4g.micro", publiclyAccessible: true } }],
    },
    check(db) {
        const props: PropsOf<typeof db.canonicalType> = db.props; // the three types read alike
        const accessible = props.get("publiclyAccessible");
        if (accessible.isUnknown) return unknown(accessible);
        return failIf(accessible.isTrue(), "`publiclyAccessible` is true; set it to false (or leave it out) and reach the database from inside the VPC.");
    },
});
