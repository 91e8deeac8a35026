import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-enable-logging";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:cloudtrail/trail:Trail";

interface TrailProps {
    readonly s3BucketName?: unknown;
    readonly enableLogging?: unknown;
    readonly isMultiRegionTrail?: unknown;
    readonly enableLogFileValidation?: unknown;
    readonly eventSelectors?: unknown;
    readonly advancedEventSelectors?: unknown;
}

const compliant: TrailProps = { s3BucketName: "org-audit-logs", isMultiRegionTrail: true, enableLogFileValidation: true };
const trail = (props: TrailProps) => ({ type: TYPE, props: { ...props } });

describe("aws-cloudtrail-trail-enable-logging", () => {
    describe("passes", () => {
        it.each<[string, TrailProps]>([
            ["multi-region with logging left at its default (on)", compliant],
            ["multi-region with logging on", { ...compliant, enableLogging: true }],
            ["multi-region given as the string true", { ...compliant, isMultiRegionTrail: "true" }],
        ])("when the trail is %s", async (_, props) => {
            expect((await runResourcePolicy(policy, trail(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:cloudtrail/eventDataStore:EventDataStore", props: { enableLogging: false } })).verdict).toBe("pass");
        });
    });

    // Issue 13: CIS 3.1 / CloudTrail.1 as written — management events, read and write. A trail without selectors
    // records them (CloudTrail's default), so saying nothing passes.
    describe("management events (CIS 3.1 as written)", () => {
        it.each<[string, TrailProps]>([
            ["basic selectors with readWriteType All", { ...compliant, eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] }],
            ["data events plus the default management events", { ...compliant, eventSelectors: [{ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] }],
            ["an advanced selector for management events", { ...compliant, advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] }],
        ])("passes %s", async (_, props) => {
            expect((await runResourcePolicy(policy, trail(props))).verdict).toBe("pass");
        });

        it.each<[string, TrailProps, string]>([
            ["write-only management events", { ...compliant, eventSelectors: [{ readWriteType: "WriteOnly" }] }, "`readWriteType`"],
            ["management events excluded", { ...compliant, eventSelectors: [{ includeManagementEvents: false }] }, "exclude management events"],
            ["advanced selectors for data events only", { ...compliant, advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }] }] }, "select no management events"],
        ])("fails %s", async (_, props, message) => {
            const r = await runResourcePolicy(policy, trail(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(message);
            expect(r.messages.join()).not.toContain("MSP");
        });

        it("cannot decide while the event selectors are unknown", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, eventSelectors: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("fails", () => {
        it("when logging is turned off", async () => {
            const r = await runResourcePolicy(policy, trail({ ...compliant, enableLogging: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enableLogging` is false");
        });

        it.each<[string, TrailProps]>([
            ["unset (single-region by default)", { ...compliant, isMultiRegionTrail: undefined }],
            ["false", { ...compliant, isMultiRegionTrail: false }],
            ["the string FALSE", { ...compliant, isMultiRegionTrail: "FALSE" }],
        ])("when isMultiRegionTrail is %s", async (_, props) => {
            const r = await runResourcePolicy(policy, trail(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`isMultiRegionTrail` is not true");
        });

        it("reports both problems of a trail that is off and single-region", async () => {
            expect((await runResourcePolicy(policy, trail({ s3BucketName: "b", enableLogging: false, isMultiRegionTrail: false }))).messages).toHaveLength(2);
        });

        it("when the settings are secrets, without printing them", async () => {
            const r = await runResourcePolicy(policy, trail({ s3BucketName: secret("secret-bucket-name"), enableLogging: secret(false), isMultiRegionTrail: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("secret-bucket-name");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while isMultiRegionTrail is unknown", async () => {
            const r = await runResourcePolicy(policy, trail({ ...compliant, isMultiRegionTrail: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".isMultiRegionTrail");
        });

        it("cannot decide while enableLogging is unknown", async () => {
            const r = await runResourcePolicy(policy, trail({ ...compliant, enableLogging: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".enableLogging");
        });

        it("still fails a single-region trail whose logging flag is unknown", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, enableLogging: UNKNOWN, isMultiRegionTrail: false }))).verdict).toBe("fail");
        });

        it("still fails a trail that is off whose region scope is unknown", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, enableLogging: false, isMultiRegionTrail: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("lets single-region trails pass with requireMultiRegion: false", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, isMultiRegionTrail: false }), { requireMultiRegion: false })).verdict).toBe("pass");
        });

        it("still requires logging with requireMultiRegion: false", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, enableLogging: false }), { requireMultiRegion: false })).verdict).toBe("fail");
        });

        it("rejects a requireMultiRegion that is not a boolean, naming the key", async () => {
            await expect(runResourcePolicy(policy, trail(compliant), { requireMultiRegion: "no" })).rejects.toThrow("config key 'requireMultiRegion' must be a boolean");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, trail(compliant), { multiRegion: true })).rejects.toThrow("config key 'multiRegion'");
        });
    });
});
