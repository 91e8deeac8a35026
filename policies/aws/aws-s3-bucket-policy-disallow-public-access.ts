import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { analysePolicy, invalidPolicyMessage, publicPolicyMessage } from "../core/public-access";

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BUCKET = "aws:s3/bucket:Bucket";

export default defineResourcePolicy({
    name: "aws-s3-bucket-policy-disallow-public-access",
    title: "S3 bucket policies do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "critical",
    description:
        "S3 bucket policies must not allow anyone: no Allow statement with Principal `*`, `{AWS: \"*\"}` or a " +
        "NotPrincipal unless a fixed condition restricts who can use it (VPC endpoint, VPC, account, organisation, " +
        "source ARN or IP range).",
    remediation:
        "In every Allow statement, name the principals (account, role or service) instead of `*`, or add a fixed " +
        "condition such as `StringEquals: { \"aws:SourceVpce\": <endpoint id> }`, `aws:SourceAccount`, " +
        "`aws:PrincipalOrgID` or `aws:SourceArn`. Deny statements are fine. This covers BucketPolicy and the deprecated " +
        "inline `policy` of Bucket / BucketV2.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.2" },
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.3" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [BUCKET_POLICY, BUCKET],
    config: {},
    check({ props }, _config, report) {
        const known = new KnownValues();
        const policy = known.get(props, "policy");
        if (!policy.known) return known.settle();
        const verdict = analysePolicy(policy.value, known);
        switch (verdict.kind) {
            case "public":
                report(publicPolicyMessage("policy", verdict.statements));
                return;
            case "invalid":
                report(invalidPolicyMessage("policy", verdict.error));
                return;
            case "undecided":
                return known.settle();
            case "not-public":
                return;
        }
    },
});
