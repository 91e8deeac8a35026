import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const INSTANCE = "aws:dms/replicationInstance:ReplicationInstance";

export default defineResourcePolicy({
    name: "aws-dms-replication-instance-disallow-public-access",
    title: "DMS replication instances are not publicly accessible",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "DMS replication instances, which read and write the databases they migrate, must set `publiclyAccessible: " +
        "false`. The DMS API's default is true (a public IP address), so an instance that leaves it unset fails.",
    remediation: "Set `publiclyAccessible: false` (and place the instance in private subnets through `replicationSubnetGroupId`).",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-dms-replication-instance"],
    resourceTypes: [INSTANCE],
    config: {},
    examples: {
        pass: [{ title: "a private instance", type: INSTANCE, props: { replicationInstanceClass: "dms.t3.micro", replicationInstanceId: "migrate", publiclyAccessible: false } }],
        fail: [
            { title: "a public instance", type: INSTANCE, props: { replicationInstanceClass: "dms.t3.micro", replicationInstanceId: "migrate", publiclyAccessible: true } },
            { title: "an instance that leaves it unset (the API default is public)", type: INSTANCE, props: { replicationInstanceClass: "dms.t3.micro", replicationInstanceId: "migrate" } },
        ],
    },
    check({ props }) {
        const pub = props.get("publiclyAccessible");
        if (pub.isUnknown) return unknown(pub);
        if (pub.isFalse()) return pass;
        return pub.isTrue()
            ? fail("`publiclyAccessible` is true, so the replication instance has a public IP address; set it to false.")
            : fail("`publiclyAccessible` is not set and DMS makes a replication instance public by default; set it to false.");
    },
});
