import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-enable-server-access-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const LOGGING_V2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET): StackResourceInput => ({ type, name, props: { bucket: `acme-${name}`, ...props } });
const loggingOf = (name: string, source: string, target: string, type = LOGGING): StackResourceInput => ({ type, name, props: { bucket: `acme-${source}`, targetBucket: `acme-${target}`, targetPrefix: `${source}/` } });

describe("aws-s3-bucket-enable-server-access-logging", () => {
    it("is advisory by default (FSBP-only; most buckets legitimately run without access logs)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("a bucket that logs to a log bucket; the log bucket is not judged", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), bucket("logs"), loggingOf("data-logging", "data", "logs")])).verdict).toBe("pass");
        });

        it("the V2 aliases, joined by property dependency", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data", {}, BUCKET_V2),
                bucket("logs", {}, BUCKET_V2),
                { type: LOGGING_V2, name: "l", props: { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: "data/" }, propertyDependencies: { bucket: ["data"], targetBucket: ["logs"] } },
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("a bucket a trail of the stack delivers to (CIS 3.4: judged with the trail)", async () => {
            const trail = { type: "aws:cloudtrail/trail:Trail", name: "main", props: { name: "main", s3BucketName: "acme-trail-logs" } };
            expect((await runStackPolicy(policy, [bucket("trail-logs"), trail])).verdict).toBe("pass");
        });

        it("a bucket with the deprecated inline logging block", async () => {
            expect((await runStackPolicy(policy, [bucket("data", { logging: { targetBucket: "acme-logs" } })])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a bucket without access logging, naming only that bucket", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), bucket("other"), bucket("logs"), loggingOf("other-logging", "other", "logs")]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics[0]?.message).toContain("no BucketLogging in this stack has a `bucket` referring to this bucket");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a BucketLogging's bucket is unknown", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), { type: LOGGING, name: "l", props: { bucket: UNKNOWN, targetBucket: "elsewhere", targetPrefix: "x/" } }]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [bucket("data")], { exempt: [] })).rejects.toThrow("config key 'exempt' is not a setting of this policy (it takes none)");
        });
    });
});
