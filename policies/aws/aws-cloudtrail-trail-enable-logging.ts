import { recordsManagementEvents } from "../core/cloudtrail-events";
import { requireLogging, requireMultiRegion, TRAIL } from "../core/cloudtrail-trail";
import { defineResourcePolicy } from "../core/policy";
import { all, pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-cloudtrail-trail-enable-logging",
    title: "CloudTrail trails log read and write management events, in every region",
    cloud: "aws",
    control: "log-retention",
    severity: "high",
    description:
        "A CloudTrail trail must be logging, must be a multi-region trail, and must record management events, read and " +
        "write alike (CIS 3.1 as written; a trail without event selectors does), so that API activity in every region " +
        "(including regions nobody uses, where an intruder would go) is recorded.",
    remediation:
        "Leave `enableLogging` unset or set it to true, set `isMultiRegionTrail` to true, and keep management events in " +
        "the event selectors with `readWriteType` All (or no selectors at all). A trail that must stay " +
        "single-region can be exempted with `requireMultiRegion: false` in the policy config (keep one multi-region trail).",
    frameworks: [
        { framework: "cis-aws", version: "3.0.0", id: "3.1" },
        { framework: "aws-fsbp", version: "1.0.0", id: "CloudTrail.1" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    catalogue: ["aws-log-cloudtrail-multiregion"],
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
            {
                title: "a trail that records only write management events",
                type: TRAIL,
                props: { s3BucketName: "audit-logs", isMultiRegionTrail: true, eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] },
            },
        ],
    },
    check({ props }, config) {
        return all([
            requireLogging(props, "the trail records events"),
            config.requireMultiRegion ? requireMultiRegion(props, "the trail records events in every region") : pass,
            recordsManagementEvents(props),
        ]);
    },
});
