import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { isTrue } from "../core/values";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export default defineResourcePolicy({
    name: "aws-s3-account-public-access-block-enable-all-settings",
    title: "The account-level S3 Block Public Access has all four settings on",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "An AccountPublicAccessBlock managed by the stack must turn on all four settings (blockPublicAcls, " +
        "blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets): it is the account-wide backstop that keeps " +
        "every bucket and access point in the account from being made public.",
    remediation:
        "Set `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` to true on the " +
        "`aws.s3.AccountPublicAccessBlock`; each one left out is false. Serve public content through CloudFront with " +
        "origin access control instead of opening the account.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.1" },
        { framework: "cis-aws", version: "3.0.0", id: "2.1.4" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
    config: {},
    check({ props }, _config, report) {
        const known = new KnownValues();
        const off = FLAGS.filter((flag) => {
            const v = known.get(props, flag);
            return v.known && !isTrue(v.value);
        });
        if (off.length) {
            report(
                `${off.map((f) => `\`${f}\``).join(", ")} ${off.length === 1 ? "is" : "are"} not true (a setting left out is false); ` +
                    "set all four settings to true.",
            );
            return;
        }
        known.settle();
    },
});
