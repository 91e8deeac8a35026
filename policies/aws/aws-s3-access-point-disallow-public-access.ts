import { KnownValues } from "../core/known";
import { defineResourcePolicy, type Report } from "../core/policy-legacy";
import { analysePolicy, invalidPolicyMessage, publicPolicyMessage } from "../core/public-access";
import { isFalse } from "../core/values";

const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
const ACCESS_POINT_POLICY = "aws:s3control/accessPointPolicy:AccessPointPolicy";
const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
const MRAP_POLICY = "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Access-point block settings default to true: only an explicit false turns one off. */
function checkBlock(block: unknown, path: string, known: KnownValues, report: Report): void {
    for (const flag of FLAGS) {
        const v = known.get(block, flag);
        if (v.known && isFalse(v.value)) {
            report(`\`${path}.${flag}\` is false; leave it out or set it to true (access points block public access by default).`);
        }
    }
}

function checkPolicy(holder: unknown, property: string, path: string, known: KnownValues, report: Report): void {
    const policy = known.get(holder, property);
    if (!policy.known) return;
    const verdict = analysePolicy(policy.value, known);
    if (verdict.kind === "public") report(publicPolicyMessage(path, verdict.statements));
    if (verdict.kind === "invalid") report(invalidPolicyMessage(path, verdict.error));
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
    check({ canonicalType, props }, _config, report) {
        const known = new KnownValues();
        let failed = false;
        const fail: Report = (message) => {
            failed = true;
            report(message);
        };
        switch (canonicalType) {
            case ACCESS_POINT: {
                const block = known.get(props, "publicAccessBlockConfiguration");
                if (block.known) checkBlock(block.value, "publicAccessBlockConfiguration", known, fail);
                checkPolicy(props, "policy", "policy", known, fail);
                break;
            }
            case ACCESS_POINT_POLICY:
                checkPolicy(props, "policy", "policy", known, fail);
                break;
            case MRAP: {
                const details = known.get(props, "details");
                const block = details.known ? known.get(details.value, "publicAccessBlock") : details;
                if (block.known) checkBlock(block.value, "details.publicAccessBlock", known, fail);
                break;
            }
            case MRAP_POLICY: {
                const details = known.get(props, "details");
                if (details.known) checkPolicy(details.value, "policy", "details.policy", known, fail);
                break;
            }
        }
        if (!failed) known.settle();
    },
});
