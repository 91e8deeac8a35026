import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-dynamodb-resource-policy-disallow-public-access",
    title: "DynamoDB resource policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "DynamoDB resource policies (ResourcePolicy on a table or stream) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce ...).",
    remediation:
        "Name the accounts or roles instead of `*`, or add a fixed condition such as `StringEquals: { \"aws:PrincipalAccount\": <account id> }`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-dynamodb-resource-policy"],
    resourceTypes: [
        "aws:dynamodb/resourcePolicy:ResourcePolicy",
    ],
    config: {},
    examples: {
        pass: [
            { title: "one role of another account may read", type: "aws:dynamodb/resourcePolicy:ResourcePolicy", props: { resourceArn: "arn:aws:dynamodb:ap-northeast-1:111122223333:table/orders", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:role/reader" }, Action: "dynamodb:GetItem", Resource: "*" }] }) } },
        ],
        fail: [
            { title: "anyone may read", type: "aws:dynamodb/resourcePolicy:ResourcePolicy", props: { resourceArn: "arn:aws:dynamodb:ap-northeast-1:111122223333:table/orders", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "dynamodb:GetItem", Resource: "*" }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy");
    },
});
