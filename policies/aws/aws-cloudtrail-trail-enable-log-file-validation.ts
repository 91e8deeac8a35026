import { requireLogFileValidation, TRAIL } from "../core/cloudtrail-trail";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "aws-cloudtrail-trail-enable-log-file-validation",
    title: "CloudTrail trails validate their log files",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "A CloudTrail trail must have log file validation enabled, so that CloudTrail writes signed digest files and a " +
        "log file changed or deleted after delivery can be detected.",
    remediation: "Set `enableLogFileValidation` to true (it defaults to false).",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.2" },
        { framework: "aws-fsbp", version: "1.0.0", id: "CloudTrail.4" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [TRAIL],
    config: {},
    examples: {
        pass: [{ title: "a trail with log file validation", type: TRAIL, props: { s3BucketName: "audit-logs", enableLogFileValidation: true } }],
        fail: [{ title: "a trail that says nothing (validation defaults to off)", type: TRAIL, props: { s3BucketName: "audit-logs" } }],
    },
    check({ props }) {
        return requireLogFileValidation(props, "tampering with delivered log files can be detected");
    },
});
