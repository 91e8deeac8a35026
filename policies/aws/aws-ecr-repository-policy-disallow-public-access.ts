import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-ecr-repository-policy-disallow-public-access",
    title: "ECR repository and registry policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "ECR repository policies (RepositoryPolicy) and registry policies (RegistryPolicy) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn ...). Public images belong in ECR Public, not a private repository.",
    remediation:
        "Name the accounts or roles that pull instead of `*`, or add a fixed condition such as `StringEquals: { \"aws:PrincipalOrgID\": <organisation id> }`.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    catalogue: ["aws-public-ecr-repository-policy"],
    resourceTypes: [
        "aws:ecr/repositoryPolicy:RepositoryPolicy",
        "aws:ecr/registryPolicy:RegistryPolicy",
    ],
    config: {},
    examples: {
        pass: [
            { title: "the organisation may pull", type: "aws:ecr/repositoryPolicy:RepositoryPolicy", props: { repository: "app", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }] }) } },
        ],
        fail: [
            { title: "anyone may pull", type: "aws:ecr/repositoryPolicy:RepositoryPolicy", props: { repository: "app", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("policy"), "policy");
    },
});
