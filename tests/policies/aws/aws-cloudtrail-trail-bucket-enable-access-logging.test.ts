import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-bucket-enable-access-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const NAME = "acme-trail-logs";
const trail = (props: Record<string, unknown> = {}): StackResourceInput => ({ type: TRAIL, name: "trail", props: { s3BucketName: NAME, ...props } });
const bucket = (props: Record<string, unknown> = {}, name = "logs", bucketName = NAME): StackResourceInput => ({ type: BUCKET, name, props: { bucket: bucketName, ...props } });
const logging = (props: Record<string, unknown> = {}): StackResourceInput => ({ type: LOGGING, name: "logging", props: { bucket: NAME, targetBucket: "acme-access-logs", targetPrefix: "trail/", ...props } });

describe("aws-cloudtrail-trail-bucket-enable-access-logging", () => {
    it("is advisory by default (the BucketLogging may live in a log-archive stack)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("a trail bucket with a BucketLogging, joined by name", async () => {
            expect((await runStackPolicy(policy, [trail(), bucket(), logging()])).verdict).toBe("pass");
        });

        it("a trail bucket with a BucketLogging, joined by property dependency", async () => {
            const r = await runStackPolicy(policy, [
                { ...trail({ s3BucketName: UNKNOWN }), propertyDependencies: { s3BucketName: ["logs"] } },
                bucket(),
                { ...logging({ bucket: UNKNOWN }), propertyDependencies: { bucket: ["logs"] } },
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("a trail bucket with the deprecated inline logging block", async () => {
            expect((await runStackPolicy(policy, [trail(), bucket({ logging: { targetBucket: "acme-access-logs" } })])).verdict).toBe("pass");
        });

        it("buckets no trail delivers to, a trail whose bucket is elsewhere, and a stack without trails", async () => {
            expect((await runStackPolicy(policy, [trail(), bucket(), logging(), bucket({}, "data", "acme-data")])).verdict).toBe("pass");
            expect((await runStackPolicy(policy, [trail({ s3BucketName: "org-trail" }), bucket()])).verdict).toBe("pass");
            expect((await runStackPolicy(policy, [bucket()])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a trail bucket without access logging, on the bucket", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), bucket({}, "data", "acme-data"), logging({ bucket: "acme-data" })]);
            expect(r.violating).toEqual(["logs"]);
            expect(r.diagnostics[0]?.message).toContain("receives CloudTrail logs, but no BucketLogging");
        });
    });

    describe("unknown during preview", () => {
        it("the trail's bucket name, with no property dependency", async () => {
            const r = await runStackPolicy(policy, [trail({ s3BucketName: UNKNOWN }), bucket()]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toEqual(["trail"]);
        });

        it("a BucketLogging whose bucket is unknown may be the trail bucket's", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), logging({ bucket: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
        });

        it("the inline logging target", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket({ logging: { targetBucket: UNKNOWN } })]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [trail(), bucket()], { exempt: [] })).rejects.toThrow("config key 'exempt' is not a setting of this policy (it takes none)");
        });
    });
});
