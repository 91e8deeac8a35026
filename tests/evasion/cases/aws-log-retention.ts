// AWS log-retention: log groups that expire too early, trails that do not log, and lifecycle rules that delete a
// trail's log files — on the bucket itself (deprecated inline rules) or on a separate configuration, joined by
// property dependency or by literal name.

import type { EvasionCase, ResourceSpec } from "../model";
import { T, bucket, bucketName, lifecycle, trail } from "./aws-fixtures";

/** The bucket the legitimate stacks' buckets write their server access logs to (it is itself not judged). */
const ACCESS_LOGS = "access-logs";
/** Server access logging of bucket `source` into the access-log bucket, joined by property dependency. */
function accessLogging(source: string): ResourceSpec {
    return {
        type: "aws:s3/bucketLogging:BucketLogging",
        name: `${source}-access-logging`,
        inputs: { bucket: bucketName(source), targetBucket: bucketName(ACCESS_LOGS), targetPrefix: `${source}/` },
        propertyDependencies: { bucket: [source], targetBucket: [ACCESS_LOGS] },
    };
}

const LOG_GROUP = "aws-cloudwatch-log-group-configure-retention";
const LOGGING = "aws-cloudtrail-trail-enable-logging";
const VALIDATION = "aws-cloudtrail-trail-enable-log-file-validation";
const TRAIL_RETENTION = "aws-cloudtrail-trail-configure-log-retention";
/** A trail that also records S3 object-level data events (CIS 3.8/3.9), so that a legitimate stack is silent on them. */
const S3_DATA_EVENTS = { eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] };

const base = { cloud: "aws", control: "log-retention" } as const;

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "aws-log-retention-log-group-seven-days",
        kind: "evasion",
        title: "log group kept 7 days",
        stack: { resources: [{ type: T.logGroup, name: "app", inputs: { name: "/app/audit", retentionInDays: 7 } }] },
        violations: [{ policy: LOG_GROUP, resource: "app" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-log-retention-log-group-delivery-class",
        kind: "evasion",
        title: "log group that never expires, but in the `delivery` class (capped at 2 days), class in lower case",
        stack: { resources: [{ type: T.logGroup, name: "app", inputs: { name: "/app/audit", retentionInDays: 0, logGroupClass: "delivery" } }] },
        violations: [{ policy: LOG_GROUP, resource: "app" }],
    },
    {
        ...base,
        id: "aws-log-retention-trail-logging-string-false",
        kind: "evasion",
        title: "trail with `enableLogging: \"false\"` (string)",
        stack: { resources: [bucket("trail-logs"), trail("main", "trail-logs", { enableLogging: "false" })] },
        violations: [{ policy: LOGGING, resource: "main" }],
    },
    {
        ...base,
        id: "aws-log-retention-trail-single-region",
        kind: "evasion",
        title: "trail that leaves `isMultiRegionTrail` out and turns log file validation off with a string",
        stack: {
            resources: [
                bucket("trail-logs"),
                {
                    type: T.trail,
                    name: "main",
                    inputs: { name: "main", s3BucketName: bucketName("trail-logs"), enableLogFileValidation: "FALSE" },
                    propertyDependencies: { s3BucketName: ["trail-logs"] },
                },
            ],
        },
        violations: [
            { policy: LOGGING, resource: "main" },
            { policy: VALIDATION, resource: "main" },
        ],
    },
    {
        ...base,
        id: "aws-log-retention-lifecycle-v2-expires-trail-logs",
        kind: "evasion",
        title: "separate BucketLifecycleConfigurationV2 (alias token) expiring `AWSLogs/` after 30 days",
        stack: {
            resources: [
                bucket("trail-logs"),
                trail("main", "trail-logs"),
                lifecycle("trail-logs-lifecycle", "trail-logs", [{ id: "expire", status: "Enabled", filter: { prefix: "AWSLogs/" }, expiration: { days: 30 } }], T.lifecycleV2),
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs-lifecycle" }],
        preview: true,
    },
    {
        ...base,
        id: "aws-log-retention-lifecycle-by-literal-name",
        kind: "evasion",
        title: "trail, bucket and lifecycle joined only by the literal bucket name; noncurrent versions deleted after 7 days",
        stack: {
            resources: [
                bucket("trail-logs"),
                { ...trail("main", "trail-logs"), propertyDependencies: {} },
                {
                    type: T.lifecycle,
                    name: "trail-logs-lifecycle",
                    inputs: { bucket: bucketName("trail-logs"), rules: [{ id: "old-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 7 } }] },
                },
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs-lifecycle" }],
    },
    {
        ...base,
        id: "aws-log-retention-bucketv2-inline-expirations",
        kind: "evasion",
        title: "BucketV2 with the deprecated inline `lifecycleRules[].expirations[]` list under the trail's key prefix",
        stack: {
            resources: [
                bucket("trail-logs", { lifecycleRules: [{ enabled: true, prefix: "audit/AWSLogs/", expirations: [{ days: 90 }] }] }, T.bucketV2),
                trail("main", "trail-logs", { s3KeyPrefix: "audit" }),
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs" }],
    },
    {
        ...base,
        id: "aws-log-retention-lifecycle-fixed-date",
        kind: "evasion",
        title: "a rule that expires every object on a fixed date, filtered only by object size",
        stack: {
            resources: [
                bucket("trail-logs"),
                trail("main", "trail-logs"),
                lifecycle("trail-logs-lifecycle", "trail-logs", [{ id: "purge", status: "Enabled", filter: { objectSizeGreaterThan: 128 }, expiration: { date: "2026-01-01T00:00:00Z" } }]),
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs-lifecycle" }],
    },

    {
        ...base,
        id: "aws-log-retention-bucket-inline-singular-blocks",
        kind: "evasion",
        title: "Bucket's deprecated inline `lifecycleRules[]` with singular `expiration` / `noncurrentVersionExpiration` blocks",
        stack: {
            resources: [
                bucket("trail-logs", { lifecycleRules: [{ enabled: true, expiration: { days: 400 }, noncurrentVersionExpiration: { days: 14 } }] }),
                trail("main", "trail-logs"),
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs" }],
    },
    {
        ...base,
        id: "aws-log-retention-trail-bucket-through-policy",
        kind: "evasion",
        title: "the trail's `s3BucketName` comes from the BucketPolicy's `bucket` (one hop), the lifecycle rule's `status` in upper case",
        stack: {
            resources: [
                bucket("trail-logs"),
                { type: T.bucketPolicy, name: "trail-logs-policy", inputs: { bucket: bucketName("trail-logs"), policy: "{}" }, propertyDependencies: { bucket: ["trail-logs"] } },
                { ...trail("main", "trail-logs"), propertyDependencies: { s3BucketName: ["trail-logs-policy"] } },
                lifecycle("trail-logs-lifecycle", "trail-logs", [{ id: "expire", status: "ENABLED", filter: { prefix: "" }, expiration: { days: 90 } }]),
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs-lifecycle" }],
    },
    {
        ...base,
        id: "aws-log-retention-lifecycle-days-as-string",
        kind: "evasion",
        title: "a rule expiring the trail's logs after `\"30\"` days (a numeric string, as a YAML program or hand-edited export writes it)",
        stack: {
            resources: [
                bucket("trail-logs"),
                trail("main", "trail-logs"),
                lifecycle("trail-logs-lifecycle", "trail-logs", [{ id: "expire", status: "Enabled", filter: { prefix: "AWSLogs/" }, expiration: { days: "30" } }]),
            ],
        },
        violations: [{ policy: TRAIL_RETENTION, resource: "trail-logs-lifecycle" }],
        found:
            "A lifecycle `days` written as a numeric string (`\"30\"`) was not read as a number, so the rule never counted as " +
            "expiring the trail's logs early (the log-group policy already fails closed on such values). " +
            "core/cloudtrail-retention.ts now reads numeric strings as their number.",
    },

    // ---- legitimate
    {
        ...base,
        id: "aws-log-retention-legit-never-expire",
        kind: "legitimate",
        title: "log groups that never expire: `retentionInDays: 0` and unset",
        stack: {
            resources: [
                { type: T.logGroup, name: "zero", inputs: { name: "/app/zero", retentionInDays: 0 } },
                { type: T.logGroup, name: "unset", inputs: { name: "/app/unset" } },
                { type: T.logGroup, name: "year", inputs: { name: "/app/year", retentionInDays: 400, logGroupClass: "INFREQUENT_ACCESS" } },
            ],
        },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "aws-log-retention-legit-rule-scoped-away",
        kind: "legitimate",
        title: "short expiration on the trail bucket, scoped to another prefix (`tmp/`) and to tagged objects",
        stack: {
            resources: [
                bucket("trail-logs"),
                bucket(ACCESS_LOGS),
                accessLogging("trail-logs"),
                trail("main", "trail-logs", S3_DATA_EVENTS),
                lifecycle("trail-logs-lifecycle", "trail-logs", [
                    { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, expiration: { days: 1 } },
                    { id: "scratch", status: "Enabled", filter: { tag: { key: "scratch", value: "true" } }, expiration: { days: 1 } },
                    { id: "off", status: "Disabled", filter: {}, expiration: { days: 1 } },
                ]),
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-log-retention-legit-transition-then-expire",
        kind: "legitimate",
        title: "logs moved to Glacier after 30 days and expired after 400",
        stack: {
            resources: [
                bucket("trail-logs"),
                bucket(ACCESS_LOGS),
                accessLogging("trail-logs"),
                trail("main", "trail-logs", S3_DATA_EVENTS),
                lifecycle("trail-logs-lifecycle", "trail-logs", [{ id: "archive", status: "Enabled", filter: { prefix: "AWSLogs/" }, transitions: [{ days: 30, storageClass: "GLACIER" }], expiration: { days: 400 } }]),
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "aws-log-retention-legit-other-bucket",
        kind: "legitimate",
        title: "a 1-day expiration on a bucket that no trail delivers to",
        stack: {
            resources: [
                bucket("trail-logs"),
                bucket("scratch"),
                bucket(ACCESS_LOGS),
                accessLogging("trail-logs"),
                accessLogging("scratch"),
                trail("main", "trail-logs", S3_DATA_EVENTS),
                lifecycle("scratch-lifecycle", "scratch", [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 1 } }]),
            ],
        },
        silent: "control",
    },
];
