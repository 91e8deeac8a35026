import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { resourcePolicy } from "../core/public-access";

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
    examples: {
        pass: [
            {
                title: "a policy for a named account",
                type: BUCKET_POLICY,
                props: {
                    bucket: "data",
                    policy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" }],
                    }),
                },
            },
        ],
        fail: [
            {
                title: "a policy that allows anyone to read",
                type: BUCKET_POLICY,
                props: {
                    bucket: "data",
                    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" }] }),
                },
            },
        ],
    },
    check(r) {
        const props: PropsOf<typeof r.canonicalType> = r.props; // BucketPolicy and the inline `policy` of a bucket
        return resourcePolicy(props.get("policy"), "policy");
    },
});
