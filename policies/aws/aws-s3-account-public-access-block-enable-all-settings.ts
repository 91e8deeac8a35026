import { defineResourcePolicy } from "../core/policy";
import { BLOCK_FLAGS } from "../core/s3-bucket";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [{ title: "all four settings on", type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", props: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } }],
        fail: [{ title: "public policies allowed", type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", props: { blockPublicAcls: true, ignorePublicAcls: true } }],
    },
    check({ props }) {
        const flags = BLOCK_FLAGS.map((flag) => ({ flag, value: props.get(flag) }));
        const off = flags.filter(({ value }) => !value.isUnknown && !value.isTrue()).map(({ flag }) => flag);
        if (off.length) {
            return fail(
                `${off.map((f) => `\`${f}\``).join(", ")} ${off.length === 1 ? "is" : "are"} not true (a setting left out is false); ` +
                    "set all four settings to true.",
            );
        }
        return flags.some(({ value }) => value.isUnknown) ? unknown(...flags.map(({ value }) => value)) : pass;
    },
});
