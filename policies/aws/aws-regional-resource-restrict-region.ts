import { ALLOWED_AWS_REGIONS_CONFIG, awsPlacement, isAllowedAwsRegion, isDefaultProvider, notAllowedRegion } from "../core/aws-regions";
import { defineResourcePolicy } from "../core/policy";
import type { PropsOf, ResourceOf } from "../core/policy";
import { createsNothingAwsType, isGlobalAwsType } from "../core/region";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

/** Resources whose own region is where a copy of another region's data is kept: said in the message. */
const COPY_TYPES: ReadonlySet<string> = new Set([
    "aws:dynamodb/tableReplica:TableReplica",
    "aws:kms/replicaKey:ReplicaKey",
    "aws:kms/replicaExternalKey:ReplicaExternalKey",
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
    "aws:ebs/snapshotCopy:SnapshotCopy",
    "aws:ec2/amiCopy:AmiCopy",
]);

/**
 * The resources AWS requires in us-east-1 for CloudFront (global) that a user may count as part of CloudFront's global
 * footprint, by the name of the `globalServiceExceptions` entry. ACM certificates hold no customer data (a public
 * certificate, and a private key that ACM keeps); WAFv2 objects of scope CLOUDFRONT are CloudFront's firewall (its
 * sampled requests — client IPs and headers, kept three hours — live in us-east-1, which is why this is a switch).
 */
export const GLOBAL_SERVICE_EXCEPTIONS = ["acm-certificates", "cloudfront-waf"] as const;
type Exception = (typeof GLOBAL_SERVICE_EXCEPTIONS)[number];

const ACM_CERTIFICATE = "aws:acm/certificate:Certificate";
const WAF_SCOPED = [
    "aws:wafv2/webAcl:WebAcl",
    "aws:wafv2/ruleGroup:RuleGroup",
    "aws:wafv2/ipSet:IpSet",
    "aws:wafv2/regexPatternSet:RegexPatternSet",
    "aws:wafv2/apiKey:ApiKey",
] as const;
const WAF_SCOPED_TYPES: ReadonlySet<string> = new Set(WAF_SCOPED);
const LAMBDA_FUNCTION = "aws:lambda/function:Function";
const US_EAST_1 = "us-east-1";

/** Whether the resource is one of the global-service exceptions the config allows wherever it is; unknown if undecided. */
function exception(r: ResourceOf<string>, allowed: readonly string[]): boolean | Verdict {
    const on = (e: Exception) => allowed.includes(e);
    if (r.canonicalType === ACM_CERTIFICATE) return on("acm-certificates");
    if (WAF_SCOPED_TYPES.has(r.canonicalType) && on("cloudfront-waf")) {
        const scope = (r.props as PropsOf<(typeof WAF_SCOPED)[0]>).get("scope"); // every one of them has `scope`
        if (scope.isUnknown) return unknown(scope);
        return scope.isOneOf("CLOUDFRONT");
    }
    return false;
}

const NO_REGION =
    "no region is set for this resource, so where its data resides cannot be checked. Pin one: " +
    "`pulumi config set aws:region <region>` for the default provider, or set `region` on the explicit provider " +
    "or on the resource (the pack does not see AWS_REGION or ~/.aws/config).";

export default defineResourcePolicy({
    name: "aws-regional-resource-restrict-region",
    title: "Regional AWS resources are created only in allowed regions",
    cloud: "aws",
    control: "data-region",
    severity: "high",
    description:
        "Every regional AWS resource must be created in an allowed region (default: the Japan regions), so that the " +
        "data it holds stays within the agreed jurisdiction. Global services (IAM, CloudFront, Route 53 zones and " +
        "records, Organizations, billing and account settings), resources that create nothing (certificate " +
        "validations) and components are exempt; so are, by default, ACM certificates (no customer data) and WAFv2 " +
        "objects of scope CLOUDFRONT (`globalServiceExceptions`), and Lambda@Edge functions listed in `edgeFunctions` " +
        "may be in us-east-1, where AWS requires them.",
    remediation:
        "Create the resource in an allowed region: set `region` on the resource, or use a provider whose `region` is " +
        "allowed (`pulumi config set aws:region ap-northeast-1` for the default provider). When no region can be " +
        "determined the policy fails, because the resource would land wherever the deployer's environment points. " +
        "For CloudFront's us-east-1 pieces: ACM certificates and CLOUDFRONT-scope WAFv2 objects pass unless removed " +
        "from `globalServiceExceptions`; list a Lambda@Edge function's Pulumi resource name in `edgeFunctions`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.34" },
        { framework: "iso27001", version: "2022", id: "A.5.31" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: "all",
    config: {
        allowedRegions: ALLOWED_AWS_REGIONS_CONFIG,
        globalServiceExceptions: {
            type: "array",
            items: { type: "string", enum: GLOBAL_SERVICE_EXCEPTIONS },
            default: GLOBAL_SERVICE_EXCEPTIONS,
            description:
                "Resources that pass in any region because they belong to a global service: `acm-certificates` (ACM " +
                "certificates: no customer data; CloudFront requires them in us-east-1) and `cloudfront-waf` (WAFv2 " +
                "web ACLs, rule groups, IP sets, regex pattern sets and API keys of scope CLOUDFRONT, which AWS " +
                "requires in us-east-1; they keep sampled requests there for three hours). Default: both; an empty " +
                "list checks them like any regional resource.",
        },
        edgeFunctions: {
            type: "array",
            items: { type: "string" },
            default: [],
            description:
                "Pulumi resource names of Lambda@Edge functions (aws.lambda.Function), allowed in us-east-1 where AWS " +
                "requires them: CloudFront replicates their code to its edge locations and runs them there, like " +
                "CloudFront itself. Default: none.",
        },
    },
    examples: {
        pass: [
            { title: "a bucket in Tokyo", type: "aws:s3/bucket:Bucket", props: { region: "ap-northeast-1" } },
            { title: "an IAM role (global)", type: "aws:iam/role:Role", props: { assumeRolePolicy: "{}" } },
            { title: "CloudFront's certificate in us-east-1", type: ACM_CERTIFICATE, props: { region: US_EAST_1, domainName: "www.example.com" } },
            {
                title: "CloudFront's web ACL in us-east-1",
                type: "aws:wafv2/webAcl:WebAcl",
                props: { region: US_EAST_1, scope: "CLOUDFRONT", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "site", sampledRequestsEnabled: true } },
            },
        ],
        fail: [
            { title: "a bucket in Frankfurt", type: "aws:s3/bucket:Bucket", props: { region: "eu-central-1" } },
            { title: "a bucket with no region anywhere", type: "aws:s3/bucket:Bucket", props: {} },
            {
                title: "a regional web ACL in Virginia",
                type: "aws:wafv2/webAcl:WebAcl",
                props: { region: US_EAST_1, scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "api", sampledRequestsEnabled: true } },
            },
        ],
    },
    check(resource, config) {
        const { canonicalType, props, provider } = resource;
        if (isGlobalAwsType(canonicalType) || createsNothingAwsType(canonicalType)) return pass;
        const exempt = exception(resource, config.globalServiceExceptions);
        if (exempt === true) return pass;
        if (exempt !== false) return exempt; // unknown during preview
        const placement = awsPlacement(props, provider);
        if ("kind" in placement) return placement; // unknown during preview
        if (!placement.found) return fail(NO_REGION);
        if (isAllowedAwsRegion(placement.region, config.allowedRegions)) return pass;
        // A Lambda@Edge function the user named: AWS requires it in us-east-1.
        if (canonicalType === LAMBDA_FUNCTION && placement.region === US_EAST_1 && config.edgeFunctions.includes(resource.name)) return pass;
        const what =
            placement.from === "resource"
                ? "`region`"
                : provider && isDefaultProvider(provider)
                  ? "the default provider's `region` (stack config `aws:region`)"
                  : `the \`region\` of provider \`${provider?.name ?? "(unnamed)"}\``;
        const copy = COPY_TYPES.has(canonicalType) ? " This resource keeps a copy of data from another region." : "";
        const edge =
            canonicalType === LAMBDA_FUNCTION && placement.region === US_EAST_1
                ? " If this is a Lambda@Edge function (AWS requires those in us-east-1), list its resource name in `edgeFunctions`."
                : "";
        return fail(`${notAllowedRegion(what, config.allowedRegions)}${copy}${edge}`);
    },
});
