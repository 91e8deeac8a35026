import { requireLogging, requireMultiRegion, TRAIL } from "../core/cloudtrail-trail";
import { defineResourcePolicy } from "../core/policy";
import { all, pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-cloudtrail-trail-enable-logging",
    title: "CloudTrail trails log, in every region",
    cloud: "aws",
    control: "log-retention",
    severity: "high",
    description:
        "A CloudTrail trail must be logging and must be a multi-region trail, so that API activity in every region " +
        "(including regions nobody uses, where an intruder would go) is recorded.",
    remediation:
        "Leave `enableLogging` unset or set it to true, and set `isMultiRegionTrail` to true. A trail that must stay " +
        "single-region can be exempted with `requireMultiRegion: false` in the policy config (keep one multi-region trail).",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.1" },
        { framework: "aws-fsbp", version: "1.0.0", id: "CloudTrail.1" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [TRAIL],
    config: {
        requireMultiRegion: {
            type: "boolean",
            default: true,
            description: "Require `isMultiRegionTrail` to be true on every trail.",
        },
    },
    examples: {
        pass: [{ title: "a multi-region trail that logs", type: TRAIL, props: { s3BucketName: "audit-logs", isMultiRegionTrail: true } }],
        fail: [
            { title: "a trail that is switched off", type: TRAIL, props: { s3BucketName: "audit-logs", isMultiRegionTrail: true, enableLogging: false } },
            { title: "a single-region trail", type: TRAIL, props: { s3BucketName: "audit-logs" } },
        ],
    },
    check({ props }, config) {
        return all([
            requireLogging(props, "the trail records events"),
            config.requireMultiRegion ? requireMultiRegion(props, "the trail records events in every region") : pass,
        ]);
    },
});
