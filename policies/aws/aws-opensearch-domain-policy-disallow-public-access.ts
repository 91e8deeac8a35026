import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

export default defineResourcePolicy({
    name: "aws-opensearch-domain-policy-disallow-public-access",
    title: "OpenSearch domain access policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "OpenSearch Service and Elasticsearch domain access policies (`accessPolicies` of a Domain or DomainPolicy) must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a NotPrincipal unless a fixed condition restricts it (aws:SourceIp with a bounded range, aws:PrincipalAccount ...). A domain without an access policy admits no one through the policy.",
    remediation:
        "Name the roles that may call the domain instead of `*`, or add a fixed condition such as `IpAddress: { \"aws:SourceIp\": <office range> }`; prefer a VPC domain (`vpcOptions`).",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    resourceTypes: [
        "aws:opensearch/domain:Domain",
        "aws:opensearch/domainPolicy:DomainPolicy",
        "aws:elasticsearch/domain:Domain",
        "aws:elasticsearch/domainPolicy:DomainPolicy",
    ],
    config: {},
    examples: {
        pass: [
            { title: "one role may call the domain", type: "aws:opensearch/domainPolicy:DomainPolicy", props: { domainName: "search", accessPolicies: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/app" }, Action: "es:ESHttp*", Resource: "arn:aws:es:ap-northeast-1:111122223333:domain/search/*" }] }) } },
        ],
        fail: [
            { title: "anyone may call the domain", type: "aws:opensearch/domainPolicy:DomainPolicy", props: { domainName: "search", accessPolicies: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "arn:aws:es:ap-northeast-1:111122223333:domain/search/*" }] }) } },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        return resourcePolicy(props.get("accessPolicies"), "accessPolicies");
    },
});
