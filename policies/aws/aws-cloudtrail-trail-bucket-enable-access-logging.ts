// The S3 bucket a CloudTrail trail of the stack delivers to has server access logging (CIS AWS v3.0.0 3.4): an
// aws.s3.BucketLogging whose `bucket` refers to it, or the deprecated inline `logging` block. The trail's
// `s3BucketName` is joined to the stack's buckets by property dependency, then by the bucket name written out; a trail
// whose bucket the stack does not manage is not judged. The companion shape is core/log-companions.ts.

import { requireLogCompanions } from "../core/log-companions";
import { defineStackPolicy, type StackExampleResource, type StackResource } from "../core/policy";
import type { Value } from "../core/read";
import { Companions, Join, texts } from "../core/stack";
import { unknown } from "../core/verdict";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";

const NAME = "acme-trail-logs";
const trail: StackExampleResource = { type: TRAIL, name: "trail", props: { s3BucketName: NAME }, propertyDependencies: { s3BucketName: ["logs"] } };
const bucket: StackExampleResource = { type: BUCKET, name: "logs", props: { bucket: NAME } };

export default defineStackPolicy({
    name: "aws-cloudtrail-trail-bucket-enable-access-logging",
    title: "The S3 bucket that receives CloudTrail logs has server access logging",
    cloud: "aws",
    control: "log-retention",
    severity: "medium",
    description:
        "The S3 bucket of the stack that a CloudTrail trail delivers to (its `s3BucketName`, joined by property dependency " +
        "or the bucket name) must have server access logging — an aws.s3.BucketLogging whose `bucket` refers to it, or the " +
        "deprecated inline `logging` block — so that who read or deleted the trail's log files is recorded (CIS AWS v3.0.0 " +
        "3.4). S3 logs no requests unless asked. A trail whose bucket is managed outside the stack is not judged. Advisory " +
        "by default although CIS requires it: the BucketLogging is a separate resource that a log-archive stack may manage, " +
        "which this stack cannot see; make it mandatory where the stack owns its trail bucket's logging.",
    remediation:
        "Add an `aws.s3.BucketLogging` with `bucket: <trail bucket>.id`, `targetBucket: <access-log bucket>.id` and a " +
        "`targetPrefix` (the access-log bucket should not be the trail bucket itself).",
    frameworks: [{ framework: "cis-aws", version: "3.0.0", id: "3.4" }],
    enforcementLevel: "advisory",
    resourceTypes: [TRAIL, BUCKET, LOGGING],
    config: {},
    catalogue: ["aws-log-cloudtrail-bucket-access-logging"],
    examples: {
        pass: [
            {
                title: "a trail into a bucket that logs its requests to an access-log bucket",
                resources: [
                    trail,
                    bucket,
                    { type: BUCKET, name: "access-logs", props: { bucket: "acme-access-logs" } },
                    { type: LOGGING, name: "logs-logging", props: { bucket: NAME, targetBucket: "acme-access-logs", targetPrefix: "trail/" }, propertyDependencies: { bucket: ["logs"] } },
                ],
            },
        ],
        fail: [{ title: "a trail into a bucket without access logging", resources: [trail, bucket] }],
    },
    *check(stack) {
        const trails = stack.ofType(TRAIL);
        if (!trails.length) return;
        const buckets = stack.ofType(BUCKET);
        const join = new Join(buckets, (b) => texts(b.props.get("bucket"), (b.props as Value<Readonly<Record<string, unknown>>>).get("id")));
        const targets = new Map<string, StackResource<typeof BUCKET>>();
        for (const t of trails) {
            const ref = join.resolve(t, "s3BucketName");
            if (ref.kind === "unknown") {
                // Which bucket it delivers to waits for preview values (it may be one of the stack's, without logging).
                if (buckets.length) yield { urn: t.urn, verdict: unknown(ref.value) };
                continue;
            }
            if (ref.kind === "resources") for (const b of ref.targets) targets.set(b.urn, b);
        }
        const judged: StackResource<typeof BUCKET>[] = [];
        for (const b of targets.values()) {
            const inline = b.props.get("logging").get("targetBucket");
            if (inline.isUnknown) {
                yield { urn: b.urn, verdict: unknown(inline) };
                continue;
            }
            if (inline.isText() && inline.text() !== "") continue; // the deprecated inline logging block
            judged.push(b);
        }
        yield* requireLogCompanions({
            targets: judged,
            companions: new Companions(join, stack.ofType(LOGGING), "bucket"),
            property: "bucket",
            missing:
                "this bucket receives CloudTrail logs, but no BucketLogging in this stack has a `bucket` referring to it, so reads " +
                "and deletions of the trail's log files are not recorded (CIS 3.4); add an `aws.s3.BucketLogging` with " +
                "`bucket: <bucket>.id` and a `targetBucket`.",
        });
    },
});
