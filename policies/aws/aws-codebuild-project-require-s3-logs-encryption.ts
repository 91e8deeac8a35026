import { defineResourcePolicy } from "../core/policy";
import { decide, fail, failIf, pass } from "../core/verdict";

const PROJECT = "aws:codebuild/project:Project";

export default defineResourcePolicy({
    name: "aws-codebuild-project-require-s3-logs-encryption",
    title: "CodeBuild projects encrypt the build logs they write to S3",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A CodeBuild project that writes its build logs to S3 (`logsConfig.s3Logs`) must not turn their encryption off: " +
        "`encryptionDisabled: true` stores build output — which often holds secrets and environment details — " +
        "unencrypted by CodeBuild. Encryption is on unless turned off, so a project that says nothing passes.",
    remediation: "Remove `logsConfig.s3Logs.encryptionDisabled` (or set it to false); CodeBuild then encrypts the logs with the project's `encryptionKey` or the AWS managed key for S3.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "CodeBuild.3" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [PROJECT],
    config: {},
    catalogue: ["aws-enc-codebuild-s3-logs"],
    examples: {
        pass: [
            {
                title: "S3 logs with the default encryption",
                type: PROJECT,
                props: { serviceRole: "arn:aws:iam::111122223333:role/build", logsConfig: { s3Logs: { status: "ENABLED", location: "build-logs/app" } } },
            },
        ],
        fail: [
            {
                title: "S3 logs with encryption turned off",
                type: PROJECT,
                props: { serviceRole: "arn:aws:iam::111122223333:role/build", logsConfig: { s3Logs: { status: "ENABLED", location: "build-logs/app", encryptionDisabled: true } } },
            },
        ],
    },
    check({ props }) {
        const s3Logs = props.get("logsConfig").get("s3Logs");
        if (s3Logs.isUnset) return pass;
        return decide(s3Logs.get("encryptionDisabled"), (disabled) =>
            s3Logs.get("status").isOneOf("DISABLED")
                ? pass // no logs are written to S3
                : failIf(disabled.isTrue(), "`logsConfig.s3Logs.encryptionDisabled` is true, so the build logs are stored unencrypted; remove it or set it to false."),
        );
    },
});
