import { ALLOWED_AWS_REGIONS_CONFIG, awsPlacement, isAllowedAwsRegion, isDefaultProvider, notAllowedRegion } from "../core/aws-regions";
import { defineResourcePolicy } from "../core/policy";
import { isGlobalAwsType } from "../core/region";
import { fail, pass } from "../core/verdict";

/** Resources whose own region is where a copy of another region's data is kept: said in the message. */
const COPY_TYPES: ReadonlySet<string> = new Set([
    "aws:dynamodb/tableReplica:TableReplica",
    "aws:kms/replicaKey:ReplicaKey",
    "aws:kms/replicaExternalKey:ReplicaExternalKey",
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
    "aws:ebs/snapshotCopy:SnapshotCopy",
    "aws:ec2/amiCopy:AmiCopy",
]);

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
        "records, Organizations, billing and account settings) are exempt.",
    remediation:
        "Create the resource in an allowed region: set `region` on the resource, or use a provider whose `region` is " +
        "allowed (`pulumi config set aws:region ap-northeast-1` for the default provider). When no region can be " +
        "determined the policy fails, because the resource would land wherever the deployer's environment points.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.34" },
        { framework: "iso27001", version: "2022", id: "A.5.31" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: "all",
    config: { allowedRegions: ALLOWED_AWS_REGIONS_CONFIG },
    examples: {
        pass: [
            { title: "a bucket in Tokyo", type: "aws:s3/bucket:Bucket", props: { region: "ap-northeast-1" } },
            { title: "an IAM role (global)", type: "aws:iam/role:Role", props: { assumeRolePolicy: "{}" } },
        ],
        fail: [
            { title: "a bucket in Frankfurt", type: "aws:s3/bucket:Bucket", props: { region: "eu-central-1" } },
            { title: "a bucket with no region anywhere", type: "aws:s3/bucket:Bucket", props: {} },
        ],
    },
    check({ canonicalType, props, provider }, config) {
        if (isGlobalAwsType(canonicalType)) return pass;
        const placement = awsPlacement(props, provider);
        if ("kind" in placement) return placement; // unknown during preview
        if (!placement.found) return fail(NO_REGION);
        if (isAllowedAwsRegion(placement.region, config.allowedRegions)) return pass;
        const what =
            placement.from === "resource"
                ? "`region`"
                : provider && isDefaultProvider(provider)
                  ? "the default provider's `region` (stack config `aws:region`)"
                  : `the \`region\` of provider \`${provider?.name ?? "(unnamed)"}\``;
        const copy = COPY_TYPES.has(canonicalType) ? " This resource keeps a copy of data from another region." : "";
        return fail(`${notAllowedRegion(what, config.allowedRegions)}${copy}`);
    },
});
