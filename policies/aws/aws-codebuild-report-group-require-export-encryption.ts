import { defineResourcePolicy } from "../core/policy";
import { decide, failIf, pass } from "../core/verdict";

const REPORT_GROUP = "aws:codebuild/reportGroup:ReportGroup";

export default defineResourcePolicy({
    name: "aws-codebuild-report-group-require-export-encryption",
    title: "CodeBuild report groups encrypt the test results they export to S3",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A CodeBuild report group that exports raw test results to S3 (`exportConfig.s3Destination`) must not turn their " +
        "encryption off: `encryptionDisabled: true` exports them unencrypted. Exports are encrypted (with " +
        "`encryptionKey`) unless turned off, so a report group that says nothing passes; one that does not export " +
        "(`exportConfig.type: NO_EXPORT`) stores nothing in S3.",
    remediation: "Remove `exportConfig.s3Destination.encryptionDisabled` (or set it to false), keeping `encryptionKey` set to a KMS key.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "CodeBuild.7" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REPORT_GROUP],
    config: {},
    catalogue: ["aws-enc-codebuild-report-group"],
    examples: {
        pass: [
            {
                title: "an encrypted export to S3",
                type: REPORT_GROUP,
                props: { type: "TEST", exportConfig: { type: "S3", s3Destination: { bucket: "reports", encryptionKey: "arn:aws:kms:eu-west-1:111122223333:key/k1" } } },
            },
            { title: "a report group that does not export", type: REPORT_GROUP, props: { type: "TEST", exportConfig: { type: "NO_EXPORT" } } },
        ],
        fail: [
            {
                title: "an export with encryption turned off",
                type: REPORT_GROUP,
                props: { type: "TEST", exportConfig: { type: "S3", s3Destination: { bucket: "reports", encryptionKey: "arn:aws:kms:eu-west-1:111122223333:key/k1", encryptionDisabled: true } } },
            },
        ],
    },
    check({ props }) {
        const exportConfig = props.get("exportConfig");
        const destination = exportConfig.get("s3Destination");
        if (destination.isUnset || exportConfig.get("type").isOneOf("NO_EXPORT")) return pass;
        return decide(destination.get("encryptionDisabled"), (disabled) =>
            failIf(disabled.isTrue(), "`exportConfig.s3Destination.encryptionDisabled` is true, so exported test results are stored unencrypted; remove it or set it to false."),
        );
    },
});
