import { defineResourcePolicy } from "../core/policy";
import { failIf, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-redshiftserverless-workgroup-disallow-public-access",
    title: "Redshift Serverless workgroups are not publicly accessible",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "Amazon Redshift Serverless workgroups must not be publicly accessible: a publicly accessible workgroup " +
        "gets a public endpoint, so only its security groups stand between the data and the internet.",
    remediation: "Set `publiclyAccessible` to false (or leave it out) and reach the workgroup from inside the VPC.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RedshiftServerless.3" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:redshiftserverless/workgroup:Workgroup"],
    config: {},
    examples: {
        pass: [{ title: "a private workgroup", type: "aws:redshiftserverless/workgroup:Workgroup", props: { namespaceName: "ns", workgroupName: "wg" } }],
        fail: [
            {
                title: "a publicly accessible workgroup",
                type: "aws:redshiftserverless/workgroup:Workgroup",
                props: { namespaceName: "ns", workgroupName: "wg", publiclyAccessible: true },
            },
        ],
    },
    check({ props }) {
        const accessible = props.get("publiclyAccessible");
        if (accessible.isUnknown) return unknown(accessible);
        return failIf(accessible.isTrue(), "`publiclyAccessible` is true; set it to false (or leave it out) and reach the workgroup from inside the VPC.");
    },
});
