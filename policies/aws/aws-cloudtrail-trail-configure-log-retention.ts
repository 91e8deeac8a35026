// Joins each CloudTrail trail to the S3 bucket it delivers to (`s3BucketName`: by property dependency, then by bucket
// name) and that bucket to its lifecycle rules — `aws:s3/bucketLifecycleConfiguration` (V2 folds in) joined on its
// `bucket`, and the deprecated inline `lifecycleRules` of the bucket itself — and fails every enabled rule that would
// delete the trail's log files (current or noncurrent versions) before the minimum retention.
//
// CloudTrail writes to `<s3KeyPrefix>/AWSLogs/<account id>/CloudTrail/…` (organization trails:
// `AWSLogs/<org id>/<account id>/…`; digests in `CloudTrail-Digest/`, Insights in `CloudTrail-Insight/`), so a rule
// covers the logs when its prefix could begin such a key. CloudTrail does not tag its objects: rules filtered on tags
// never reach them. The join and the rule reading live in core/cloudtrail-retention.ts (shared with
// aws-cloudtrail-trail-require-msp-audit-logging).

import { BUCKET, LIFECYCLE, TRAIL, TrailLogRetention } from "../core/cloudtrail-retention";
import { defineStackPolicy, type StackExampleResource } from "../core/policy";

const BUCKET_NAME = "acme-audit-logs";
const trail: StackExampleResource = { type: TRAIL, name: "trail", props: { s3BucketName: BUCKET_NAME, isMultiRegionTrail: true }, propertyDependencies: { s3BucketName: ["audit"] } };
const bucket: StackExampleResource = { type: BUCKET, name: "audit", props: { bucket: BUCKET_NAME } };
const lifecycle = (days: number): StackExampleResource => ({
    type: LIFECYCLE,
    name: "audit-lifecycle",
    props: { bucket: BUCKET_NAME, rules: [{ id: "expire", status: "Enabled", filter: { prefix: "AWSLogs/" }, expiration: { days } }] },
    propertyDependencies: { bucket: ["audit"] },
});

export default defineStackPolicy({
    name: "aws-cloudtrail-trail-configure-log-retention",
    title: "S3 lifecycle rules keep CloudTrail logs for the minimum retention period",
    cloud: "aws",
    control: "log-retention",
    severity: "high",
    description:
        "Lifecycle rules on the S3 bucket a CloudTrail trail delivers to must not expire the trail's log files (current " +
        "or noncurrent versions) before the minimum retention, so that the audit trail of an incident is still there " +
        "when it is investigated.",
    remediation:
        "Raise `expiration.days` and `noncurrentVersionExpiration.noncurrentDays` of every enabled rule that reaches the " +
        "trail's `<s3KeyPrefix>/AWSLogs/` keys to at least the minimum (default 365), drop expiration dates, or scope " +
        "the rule (`filter.prefix`) away from the CloudTrail logs. Transitions to colder storage classes are fine.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: [TRAIL, BUCKET, LIFECYCLE],
    config: {
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 1,
            maximum: 36500,
            description: "Fewest days a lifecycle rule may keep CloudTrail log files (current and noncurrent versions).",
        },
    },
    examples: {
        pass: [
            { title: "the trail's logs are kept 400 days", resources: [trail, bucket, lifecycle(400)] },
            { title: "the trail's bucket has no lifecycle rules (logs are kept forever)", resources: [trail, bucket] },
        ],
        fail: [{ title: "a rule expires the trail's logs after 30 days", resources: [trail, bucket, lifecycle(30)] }],
    },
    *check(stack, config) {
        const trails = stack.ofType(TRAIL);
        if (trails.length === 0) return;
        const retention = new TrailLogRetention(stack, config.minimumRetentionDays);
        // A rule (or an unknown) shared by several trails is reported once.
        const seen = new Set<string>();
        for (const f of [...trails.flatMap((t) => retention.forTrail(t)), ...retention.unjoined()]) {
            if (seen.has(f.key)) continue;
            seen.add(f.key);
            yield f;
        }
    },
});
