import { defineResourcePolicy } from "../core/policy";
import { resourcePolicy } from "../core/public-access";
import type { Value } from "../core/read";
import { BLOCK_FLAGS } from "../core/s3-bucket";
import { all, each, failIf, unknown, type Verdict } from "../core/verdict";

const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
const ACCESS_POINT_POLICY = "aws:s3control/accessPointPolicy:AccessPointPolicy";
const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
const MRAP_POLICY = "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy";

/** Access-point block settings default to true: only an explicit false turns one off. */
function blockSettings(block: Value<{ readonly [K in (typeof BLOCK_FLAGS)[number]]?: unknown } | undefined>, path: string): Verdict {
    if (block.isUnknown) return unknown(block);
    return each(BLOCK_FLAGS, (flag) => {
        const v = block.get(flag);
        if (v.isUnknown) return unknown(v);
        return failIf(v.isFalse(), `\`${path}.${flag}\` is false; leave it out or set it to true (access points block public access by default).`);
    });
}

export default defineResourcePolicy({
    name: "aws-s3-access-point-disallow-public-access",
    title: "S3 access points block public access",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "S3 access points and Multi-Region Access Points must keep their Block Public Access settings on and must " +
        "not have a policy that allows anyone (Principal `*` or NotPrincipal) without a restricting condition.",
    remediation:
        "Leave `publicAccessBlockConfiguration` (access points) / `details.publicAccessBlock` (Multi-Region Access " +
        "Points) out or set all four settings to true; they cannot be changed after creation. In access point " +
        "policies, name the principals or add a fixed condition such as aws:SourceVpc, aws:SourceAccount or " +
        "aws:PrincipalOrgID.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.19" },
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.24" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ACCESS_POINT, ACCESS_POINT_POLICY, MRAP, MRAP_POLICY],
    config: {},
    examples: {
        pass: [
            { title: "an access point that keeps the defaults", type: ACCESS_POINT, props: { bucket: "data" } },
            {
                title: "an access point policy for a named role",
                type: ACCESS_POINT_POLICY,
                props: {
                    accessPointArn: "arn:aws:s3:eu-west-1:111122223333:accesspoint/ap",
                    policy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/app" }, Action: "s3:GetObject", Resource: "*" }],
                    }),
                },
            },
        ],
        fail: [
            { title: "an access point that turns a block setting off", type: ACCESS_POINT, props: { bucket: "data", publicAccessBlockConfiguration: { blockPublicPolicy: false } } },
            {
                title: "a Multi-Region Access Point policy that allows anyone",
                type: MRAP_POLICY,
                props: {
                    details: {
                        name: "mrap",
                        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] }),
                    },
                },
            },
        ],
    },
    check(r) {
        switch (r.canonicalType) {
            case ACCESS_POINT:
                return all([blockSettings(r.props.get("publicAccessBlockConfiguration"), "publicAccessBlockConfiguration"), resourcePolicy(r.props.get("policy"), "policy")]);
            case ACCESS_POINT_POLICY:
                return resourcePolicy(r.props.get("policy"), "policy");
            case MRAP:
                return blockSettings(r.props.get("details").get("publicAccessBlock"), "details.publicAccessBlock");
            case MRAP_POLICY:
                return resourcePolicy(r.props.get("details").get("policy"), "details.policy");
        }
    },
});
