import { defineResourcePolicy } from "../core/policy-legacy";
import { isTrue } from "../core/values";

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
    resourceTypes: ["aws:cloudtrail/trail:Trail"],
    config: {},
    check({ props }, _config, report) {
        if (!isTrue(props.enableLogFileValidation)) {
            report("`enableLogFileValidation` is not true; set it to true so that tampering with delivered log files can be detected.");
        }
    },
});
