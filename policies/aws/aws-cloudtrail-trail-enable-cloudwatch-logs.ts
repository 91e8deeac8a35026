// CloudTrail → CloudWatch Logs (AWS FSBP CloudTrail.5): a trail that also delivers to a log group can be watched by
// metric filters and alarms (root sign-in, IAM changes ...), not only read after the fact from S3. Advisory: CloudTrail
// delivers to S3 whether or not it also delivers to CloudWatch Logs, CIS v3.0.0 no longer lists it, and FSBP rates it
// low; the log itself is kept either way (aws-cloudtrail-trail-configure-log-retention).

import { TRAIL } from "../core/cloudtrail-trail";
import { defineResourcePolicy } from "../core/policy";
import { all, fail, pass, type Verdict } from "../core/verdict";
import type { Value } from "../core/read";

const GROUP_ARN = "arn:aws:logs:ap-northeast-1:111122223333:log-group:cloudtrail:*";
const ROLE_ARN = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch";

/** A setting the delivery needs: set and not blank (an ARN computed from another resource is set, so it passes in preview). */
function required(v: Value, why: string): Verdict {
    return v.isBlank ? fail(`\`${v.path}\` is not set; ${why}.`) : pass;
}

export default defineResourcePolicy({
    name: "aws-cloudtrail-trail-enable-cloudwatch-logs",
    title: "CloudTrail trails also deliver to CloudWatch Logs",
    cloud: "aws",
    control: "log-retention",
    severity: "low",
    description:
        "A CloudTrail trail should deliver its events to a CloudWatch Logs log group too (`cloudWatchLogsGroupArn` and " +
        "the role CloudTrail uses to write there, `cloudWatchLogsRoleArn`), so that metric filters and alarms can watch " +
        "the API activity as it happens. Advisory: the trail's S3 log is kept either way.",
    remediation:
        "Create an `aws.cloudwatch.LogGroup` (with a retention) and an IAM role that cloudtrail.amazonaws.com can assume " +
        "with `logs:CreateLogStream` and `logs:PutLogEvents` on it, and set the trail's `cloudWatchLogsGroupArn` to " +
        "`${logGroup.arn}:*` and `cloudWatchLogsRoleArn` to the role's ARN.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "CloudTrail.5" }],
    enforcementLevel: "advisory",
    catalogue: ["aws-log-cloudtrail-cloudwatch"],
    resourceTypes: [TRAIL],
    config: {},
    examples: {
        pass: [
            {
                title: "a trail that delivers to a log group",
                type: TRAIL,
                props: { s3BucketName: "audit-logs", isMultiRegionTrail: true, cloudWatchLogsGroupArn: GROUP_ARN, cloudWatchLogsRoleArn: ROLE_ARN },
            },
        ],
        fail: [
            { title: "a trail that delivers only to S3", type: TRAIL, props: { s3BucketName: "audit-logs", isMultiRegionTrail: true } },
            { title: "a log group without the role to write to it", type: TRAIL, props: { s3BucketName: "audit-logs", cloudWatchLogsGroupArn: GROUP_ARN } },
        ],
    },
    check({ props }) {
        return all([
            required(props.get("cloudWatchLogsGroupArn"), "set it to the ARN of a log group (`${logGroup.arn}:*`) so that alarms can watch the trail's events"),
            required(props.get("cloudWatchLogsRoleArn"), "CloudTrail needs a role it can assume to write to the log group"),
        ]);
    },
});
