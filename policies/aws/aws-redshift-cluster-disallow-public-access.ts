import { defineResourcePolicy } from "../core/policy";
import { failIf, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-redshift-cluster-disallow-public-access",
    title: "Redshift clusters are not publicly accessible",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "Amazon Redshift clusters must not be publicly accessible: a publicly accessible cluster gets a public " +
        "endpoint, so only its security groups stand between the warehouse and the internet.",
    remediation:
        "Set `publiclyAccessible` to false (or leave it out: @pulumi/aws v7 defaults it to false) and reach the " +
        "cluster from inside the VPC.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Redshift.1" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:redshift/cluster:Cluster"],
    config: {},
    examples: {
        pass: [{ title: "a cluster that leaves it out (private by default)", type: "aws:redshift/cluster:Cluster", props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus" } }],
        fail: [{ title: "a publicly accessible cluster", type: "aws:redshift/cluster:Cluster", props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus", publiclyAccessible: true } }],
    },
    check({ props }) {
        const accessible = props.get("publiclyAccessible");
        if (accessible.isUnknown) return unknown(accessible);
        return failIf(accessible.isTrue(), "`publiclyAccessible` is true; set it to false (or leave it out) and reach the cluster from inside the VPC.");
    },
});
