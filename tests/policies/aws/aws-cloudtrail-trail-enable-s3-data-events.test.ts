import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-enable-s3-data-events";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const TRAIL = "aws:cloudtrail/trail:Trail";
const trail = (props: Record<string, unknown> = {}, name = "trail"): StackResourceInput => ({ type: TRAIL, name, props: { s3BucketName: "acme-trail-logs", ...props } });
const s3 = (readWriteType?: string) => ({ eventSelectors: [{ ...(readWriteType ? { readWriteType } : {}), dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] });
const advanced = (...extra: { field: string; equals: string[] }[]) => ({
    advancedEventSelectors: [{ name: "s3", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }, ...extra] }],
});

describe("aws-cloudtrail-trail-enable-s3-data-events", () => {
    it("is advisory by default (an organisation trail in another stack may record the data events)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("a basic selector on AWS::S3::Object (readWriteType All by default)", async () => {
            expect((await runStackPolicy(policy, [trail(s3())])).verdict).toBe("pass");
        });

        it("an advanced selector on resources.type AWS::S3::Object", async () => {
            expect((await runStackPolicy(policy, [trail(advanced())])).verdict).toBe("pass");
        });

        it("writes recorded by one trail and reads by another; the management-only trail is not flagged", async () => {
            const r = await runStackPolicy(policy, [trail(s3("WriteOnly"), "w"), trail(advanced({ field: "readOnly", equals: ["true"] }), "r"), trail({}, "mgmt")]);
            expect(r.verdict).toBe("pass");
        });

        it("a stack without trails", async () => {
            expect((await runStackPolicy(policy, [{ type: "aws:s3/bucket:Bucket", name: "b", props: { bucket: "b" } }])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a trail with management events only (CloudTrail's default)", async () => {
            const r = await runStackPolicy(policy, [trail()]);
            expect(r.violating).toEqual(["trail"]);
            expect(r.diagnostics[0]?.message).toContain("write (CIS 3.8) and read (CIS 3.9)");
        });

        it("write events only, naming the missing reads", async () => {
            const r = await runStackPolicy(policy, [trail(s3("WriteOnly"))]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics[0]?.message).toContain("object-level read (CIS 3.9) data events");
        });

        it("an advanced selector narrowed to writes, and a basic selector on Lambda data events", async () => {
            expect((await runStackPolicy(policy, [trail(advanced({ field: "readOnly", equals: ["false"] }))])).verdict).toBe("fail");
            const lambda = { eventSelectors: [{ dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] };
            expect((await runStackPolicy(policy, [trail(lambda)])).verdict).toBe("fail");
        });

        it("advanced selectors replace basic ones", async () => {
            const r = await runStackPolicy(policy, [trail({ ...s3(), advancedEventSelectors: [{ name: "m", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] })]);
            expect(r.verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("the event selectors", async () => {
            expect((await runStackPolicy(policy, [trail({ eventSelectors: UNKNOWN })])).verdict).toBe("unknown");
        });

        it("a data resource's type", async () => {
            expect((await runStackPolicy(policy, [trail({ eventSelectors: [{ dataResources: [{ type: UNKNOWN, values: ["arn:aws:s3"] }] }] })])).verdict).toBe("unknown");
        });

        it("an unknown trail does not hide that another already records everything", async () => {
            expect((await runStackPolicy(policy, [trail(s3()), trail({ eventSelectors: UNKNOWN }, "other")])).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [trail()], { exempt: [] })).rejects.toThrow("config key 'exempt' is not a setting of this policy (it takes none)");
        });
    });
});
