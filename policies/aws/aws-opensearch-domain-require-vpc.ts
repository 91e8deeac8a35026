import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-opensearch-domain-require-vpc",
    title: "OpenSearch and Elasticsearch domains are deployed in a VPC",
    cloud: "aws",
    control: "public-access",
    severity: "medium",
    description:
        "An OpenSearch Service or Elasticsearch domain should be deployed in a VPC (`vpcOptions.subnetIds` set; FSBP " +
        "Opensearch.2 / ES.2): a domain without it has a public endpoint that anyone on the internet can reach, guarded only " +
        "by its access policy. Subnet IDs computed from other resources count as set. Advisory by default: a public-endpoint " +
        "domain whose access policy admits no one publicly (judged, and blocked when public, by " +
        "aws-opensearch-domain-policy-disallow-public-access) is protected, and the endpoint type cannot be changed after " +
        "creation without replacing the domain.",
    remediation:
        "Set `vpcOptions: { subnetIds: [...private subnet ids], securityGroupIds: [...] }` when creating the domain (a domain " +
        "cannot move between a public endpoint and a VPC: a new domain is needed).",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Opensearch.2" },
        { framework: "aws-fsbp", version: "1.0.0", id: "ES.2" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"],
    config: {},
    catalogue: ["aws-public-opensearch-domain"],
    examples: {
        pass: [{ title: "a domain in two private subnets", type: "aws:opensearch/domain:Domain", props: { domainName: "search", vpcOptions: { subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], securityGroupIds: ["sg-0a1b2c3d"] } } }],
        fail: [{ title: "a domain with a public endpoint (no vpcOptions)", type: "aws:opensearch/domain:Domain", props: { domainName: "search" } }],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props;
        const vpc = props.get("vpcOptions");
        if (vpc.isUnknown) return unknown(vpc);
        const subnets = vpc.get("subnetIds");
        // A list, or an element, computed from other resources (the subnets of a VPC) counts as set.
        if (subnets.isUnknown || subnets.items().some((s) => s.isUnknown || s.isText())) return pass;
        return fail(
            "`vpcOptions.subnetIds` is not set, so the domain has a public endpoint reachable from the internet and guarded only " +
                "by its access policy; create the domain in a VPC with `vpcOptions.subnetIds` (private subnets) and `securityGroupIds`.",
        );
    },
});
