import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-efs-file-system-policy-disallow-public-access",
    title: "EFS file-system policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "EFS file-system policies (FileSystemPolicy) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (aws:SourceVpc, aws:SourceVpce, aws:PrincipalAccount, aws:PrincipalOrgID ...). `elasticfilesystem:AccessedViaMountTarget` alone does not: any account's client with network access to a mount target qualifies.",
    remediation:
        "Name the principals instead of `*`, or add a fixed condition such as `StringEquals: { \"aws:PrincipalAccount\": <account id> }` or `aws:SourceVpc`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-efs-file-system-policy"],
    resourceTypes: [
        "aws:efs/fileSystemPolicy:FileSystemPolicy",
    ],
    config: {},
    examples: {
        pass: [
            { title: "the account's principals, through mount targets", type: "aws:efs/fileSystemPolicy:FileSystemPolicy", props: { fileSystemId: "fs-0123456789abcdef0", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["elasticfilesystem:ClientMount"], Resource: "*", Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" }, StringEquals: { "aws:PrincipalAccount": "111122223333" } } }] }) } },
        ],
        fail: [
            { title: "anyone may mount and write", type: "aws:efs/fileSystemPolicy:FileSystemPolicy", props: { fileSystemId: "fs-0123456789abcdef0", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], Resource: "*", Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } } }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy");
    },
});
