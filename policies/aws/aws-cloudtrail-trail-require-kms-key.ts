import { defineResourcePolicy } from "../core/policy";
import { fail, pass } from "../core/verdict";

const TRAIL = "aws:cloudtrail/trail:Trail";

export default defineResourcePolicy({
    name: "aws-cloudtrail-trail-require-kms-key",
    title: "CloudTrail trails encrypt their log files with a KMS key",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A CloudTrail trail should encrypt its log files with a KMS key (`kmsKeyId`, SSE-KMS), as CIS AWS 3.5 and FSBP " +
        "CloudTrail.2 ask, so that reading the audit trail needs `kms:Decrypt` on a key you control on top of access to " +
        "the bucket. Without a key the log files are still encrypted at rest — with SSE-S3, CloudTrail's default and S3's " +
        "for every new object — so this is hardening and advisory by default.",
    remediation:
        "Set `kmsKeyId` to the ARN of a symmetric KMS key in the trail's region whose key policy lets " +
        "cloudtrail.amazonaws.com `kms:GenerateDataKey*` (with the `aws:SourceArn` of the trail) and lets the log readers " +
        "`kms:Decrypt`.",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.5" },
        { framework: "aws-fsbp", version: "1.0.0", id: "CloudTrail.2" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [TRAIL],
    config: {},
    catalogue: ["aws-enc-cloudtrail-kms"],
    examples: {
        pass: [{ title: "a trail with a KMS key", type: TRAIL, props: { s3BucketName: "audit-logs", kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k1" } }],
        fail: [{ title: "a trail without a KMS key (SSE-S3 only)", type: TRAIL, props: { s3BucketName: "audit-logs" } }],
    },
    check({ props }) {
        const key = props.get("kmsKeyId");
        // A key computed from another resource (`kmsKeyId: key.arn`) is unknown during preview, and set.
        if (key.isText() || key.isUnknown) return pass;
        return fail(
            "`kmsKeyId` is not set, so the log files are encrypted only with SSE-S3 and anyone who can read the bucket can read them; set `kmsKeyId` to a KMS key.",
        );
    },
});
