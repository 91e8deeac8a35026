import { requireLogCompanions } from "../core/log-companions";
import { defineStackPolicy } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";

const BUCKET = "aws:s3/bucket:Bucket";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const TRAIL = "aws:cloudtrail/trail:Trail";

export default defineStackPolicy({
    name: "aws-s3-bucket-enable-server-access-logging",
    title: "S3 buckets have server access logging",
    cloud: "aws",
    control: "log-retention",
    severity: "low",
    description:
        "Every S3 bucket of the stack should have server access logging: an aws.s3.BucketLogging whose `bucket` refers to " +
        "it (by property dependency or the literal bucket name), or the deprecated inline `logging` block (FSBP S3.9); a " +
        "bucket logs no requests unless asked. A bucket that receives another bucket's access logs is not judged (logging " +
        "a log bucket into itself loops, and CloudTrail data events are the better record for it), nor is a bucket a " +
        "CloudTrail trail of the stack delivers to (CIS 3.4 asks for its access logs: the CloudTrail policies judge it). Advisory by default: " +
        "FSBP-only — CIS AWS v3.0.0 asks it only of the CloudTrail bucket (3.4, aws-cloudtrail policies) — and most " +
        "buckets legitimately run without access logs; make it mandatory where your benchmark requires them.",
    remediation:
        "Add an `aws.s3.BucketLogging` with `bucket: bucket.id`, `targetBucket: <log bucket>.id` and a `targetPrefix`, and " +
        "give the log bucket a lifecycle that matches your retention.",
    frameworks: [{ framework: "aws-fsbp", version: "1.0.0", id: "S3.9" }],
    enforcementLevel: "advisory",
    resourceTypes: [BUCKET, LOGGING, TRAIL],
    config: {},
    catalogue: ["aws-log-s3-server-access"],
    examples: {
        pass: [
            {
                title: "a bucket that logs to a log bucket (the log bucket is not judged)",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "acme-data" } },
                    { type: BUCKET, name: "logs", props: { bucket: "acme-logs" } },
                    { type: LOGGING, name: "data-logging", props: { bucket: "acme-data", targetBucket: "acme-logs", targetPrefix: "data/" } },
                ],
            },
        ],
        fail: [{ title: "a bucket without access logging", resources: [{ type: BUCKET, name: "data", props: { bucket: "acme-data" } }] }],
    },
    *check(stack) {
        const all = stack.ofType(BUCKET);
        if (!all.length) return;
        const join = new Join(all, (b) => texts(b.props.get("bucket")));
        const loggings = stack.ofType(LOGGING);
        const logTargets = new Companions(join, loggings, "targetBucket");
        const trailTargets = new Companions(join, stack.ofType(TRAIL), "s3BucketName");
        const buckets = [];
        for (const b of all) {
            if (logTargets.of(b).length) continue; // a log bucket
            if (trailTargets.of(b).length) continue; // a trail's bucket: CIS 3.4, judged with the trail
            const inline = b.props.get("logging").get("targetBucket");
            if (inline.isUnknown || inline.isText()) continue; // the deprecated inline logging block
            buckets.push(b);
        }
        yield* requireLogCompanions({
            targets: buckets,
            companions: new Companions(join, loggings, "bucket"),
            property: "bucket",
            missing:
                "no BucketLogging in this stack has a `bucket` referring to this bucket, so its requests are not logged; add an `aws.s3.BucketLogging` with `bucket: <bucket>.id` and a `targetBucket`.",
        });
    },
});
