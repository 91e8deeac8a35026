// A platform team's own pack: srguard's AWS policies, one made advisory while the team migrates, plus a rule of the
// team's own. In a team's repository the import is simply `from "srguard"` (the package's main module).
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { packArgs } from "srguard";

/** The team's own rule: every S3 bucket carries a `cost-center` tag. */
export const requireCostCenterTag: ResourceValidationPolicy = {
    name: "team-s3-bucket-require-cost-center-tag",
    description: "Every S3 bucket carries a cost-center tag, so that its data has an owner.",
    enforcementLevel: "mandatory",
    severity: "low",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:s3/bucket:Bucket" && args.type !== "aws:s3/bucketV2:BucketV2") return;
        const tags = args.props.tags as Record<string, unknown> | undefined;
        if (!tags || typeof tags["cost-center"] !== "string" || tags["cost-center"] === "") {
            reportViolation("`tags` has no `cost-center`; add the owning cost center.");
        }
    },
};

export const teamPackArgs = packArgs({
    clouds: ["aws"],
    enforcement: { "aws-cloudwatch-log-group-configure-retention": "advisory" },
    extra: [requireCostCenterTag],
    description: "Example team pack: srguard's AWS policies plus the team's own tagging rule",
});
