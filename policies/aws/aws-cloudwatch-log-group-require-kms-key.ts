import { defineResourcePolicy } from "../core/policy";
import { fail, pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-cloudwatch-log-group-require-kms-key",
    title: "CloudWatch log groups encrypt with a customer managed KMS key",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "low",
    description:
        "CloudWatch Logs always encrypts log data at rest with service-managed keys; log groups holding sensitive logs " +
        "should also name a customer managed KMS key (`kmsKeyId`), so that access to the logs can be governed and " +
        "revoked through the key policy. CloudWatch Logs accepts only customer managed keys here.",
    remediation:
        "Set `kmsKeyId` to the ARN of a customer managed KMS key whose key policy allows the logs.<region>.amazonaws.com " +
        "service principal to use it for this log group.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    config: {},
    examples: {
        pass: [{ title: "a log group with a customer managed key", type: "aws:cloudwatch/logGroup:LogGroup", props: { kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k1" } }],
        fail: [{ title: "a log group without a key", type: "aws:cloudwatch/logGroup:LogGroup", props: {} }],
    },
    check({ props }) {
        const key = props.get("kmsKeyId");
        // A key computed from another resource (e.g. `key.arn`) is unknown during preview but set, and CloudWatch Logs
        // accepts only customer managed keys here: that is already compliant.
        if (key.isUnknown || key.isText()) return pass;
        return fail("`kmsKeyId` is not set, so the log group uses CloudWatch's service-managed encryption; set it to a customer managed KMS key ARN.");
    },
});
