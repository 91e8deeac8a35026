import { defineResourcePolicy } from "../core/policy-legacy";
import { isFalse, isKnown, isTrue } from "../core/values";

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
    resourceTypes: ["aws:cloudtrail/trail:Trail"],
    config: {
        requireMultiRegion: {
            type: "boolean",
            default: true,
            description: "Require `isMultiRegionTrail` to be true on every trail.",
        },
    },
    check({ props }, config, report) {
        const keys = config.requireMultiRegion ? ["enableLogging", "isMultiRegionTrail"] : ["enableLogging"];
        let reported = false;
        if (isKnown(props, "enableLogging") && isFalse(props.enableLogging)) {
            report("`enableLogging` is false; set it to true (or leave it unset) so that the trail records events.");
            reported = true;
        }
        if (config.requireMultiRegion && isKnown(props, "isMultiRegionTrail") && !isTrue(props.isMultiRegionTrail)) {
            report("`isMultiRegionTrail` is not true; set it to true so that the trail records events in every region.");
            reported = true;
        }
        // Nothing known violates: let the SDK say which unknown value the verdict waits for.
        if (!reported) for (const k of keys) void props[k];
    },
});
