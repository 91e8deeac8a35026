import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-secretsmanager-secret-policy-disallow-public-access",
    title: "Secrets Manager secret policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "Secrets Manager resource policies (SecretPolicy and the inline `policy` of a Secret) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it. A secret without a policy is readable only through IAM in its own account. `blockPublicPolicy` is not required: it is no setting of the secret but a one-time Zelkova check of the same document when it is written (PutResourcePolicy), which this check of the document makes before deployment.",
    remediation:
        "Name the principals (accounts or roles) instead of `*`, or add a fixed condition on aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceVpce. `blockPublicPolicy: true` on the SecretPolicy makes Secrets Manager refuse a public policy too.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    resourceTypes: [
        "aws:secretsmanager/secretPolicy:SecretPolicy",
        "aws:secretsmanager/secret:Secret",
    ],
    config: {},
    catalogue: ["aws-public-secretsmanager-secret-policy"],
    examples: {
        pass: [
            { title: "one role of another account may read", type: "aws:secretsmanager/secretPolicy:SecretPolicy", props: { secretArn: "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:role/reader" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }] }) } },
        ],
        fail: [
            { title: "anyone may read", type: "aws:secretsmanager/secretPolicy:SecretPolicy", props: { secretArn: "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy");
    },
});
