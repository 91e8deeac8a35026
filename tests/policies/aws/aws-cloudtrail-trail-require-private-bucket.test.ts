import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-require-private-bucket";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const NAME = "acme-trail-logs";
const trail = (props: Record<string, unknown> = {}): StackResourceInput => ({ type: TRAIL, name: "trail", props: { s3BucketName: NAME, ...props } });
const bucket = (props: Record<string, unknown> = {}, name = "logs", bucketName = NAME): StackResourceInput => ({ type: BUCKET, name, props: { bucket: bucketName, ...props } });
const doc = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "s3:GetObject", Resource: `arn:aws:s3:::${NAME}/*` }] });
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

describe("aws-cloudtrail-trail-require-private-bucket", () => {
    it("is mandatory (it fails only on an explicitly public setting)", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it("a trail into a bucket with no ACL, policy or block (S3's defaults are private)", async () => {
            expect((await runStackPolicy(policy, [trail(), bucket()])).verdict).toBe("pass");
        });

        it("a trail into a bucket whose policy allows only CloudTrail, with all four block settings on", async () => {
            const r = await runStackPolicy(policy, [
                trail(),
                bucket(),
                { type: BUCKET_POLICY, name: "p", props: { bucket: NAME, policy: doc({ Service: "cloudtrail.amazonaws.com" }) } },
                { type: BLOCK, name: "b", props: { bucket: NAME, ...ALL_ON } },
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("a public bucket that no trail delivers to is not this policy's business", async () => {
            expect((await runStackPolicy(policy, [trail(), bucket(), bucket({ acl: "public-read" }, "site", "acme-site")])).verdict).toBe("pass");
        });

        it("a trail whose bucket is managed outside the stack, and a stack without trails", async () => {
            expect((await runStackPolicy(policy, [trail({ s3BucketName: "org-trail-logs" })])).verdict).toBe("pass");
            expect((await runStackPolicy(policy, [bucket({ acl: "public-read" })])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a public-read trail bucket, joined by property dependency", async () => {
            const r = await runStackPolicy(policy, [{ ...trail({ s3BucketName: UNKNOWN }), propertyDependencies: { s3BucketName: ["logs"] } }, bucket({ acl: "public-read" })]);
            expect(r.violating).toEqual(["logs"]);
            expect(r.diagnostics[0]?.message).toContain("receives CloudTrail logs");
        });

        it("a BucketPolicy that lets anyone read the trail bucket, on the BucketPolicy", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), { type: BUCKET_POLICY, name: "p", props: { bucket: NAME, policy: doc("*") } }]);
            expect(r.violating).toEqual(["p"]);
        });

        it("a BucketAcl granting public read", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), { type: BUCKET_ACL, name: "acl", props: { bucket: NAME, acl: "public-read" } }]);
            expect(r.violating).toEqual(["acl"]);
        });

        it("a block of the trail bucket's own that turns blockPublicPolicy off", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), { type: BLOCK, name: "b", props: { bucket: NAME, ...ALL_ON, blockPublicPolicy: false } }]);
            expect(r.violating).toEqual(["logs"]);
            expect(r.diagnostics[0]?.message).toContain("`blockPublicPolicy`");
        });
    });

    describe("unknown during preview", () => {
        it("the trail's bucket name, with no property dependency", async () => {
            const r = await runStackPolicy(policy, [trail({ s3BucketName: UNKNOWN }), bucket()]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toEqual(["trail"]);
        });

        it("the trail bucket's policy document", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), { type: BUCKET_POLICY, name: "p", props: { bucket: NAME, policy: UNKNOWN } }]);
            expect(r.verdict).toBe("unknown");
        });

        it("a public BucketPolicy whose bucket is unknown may be the trail bucket's", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket(), { type: BUCKET_POLICY, name: "p", props: { bucket: UNKNOWN, policy: doc("*") } }]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toEqual(["p"]);
        });

        it("a public ACL still fails while the bucket policy is unknown", async () => {
            const r = await runStackPolicy(policy, [trail(), bucket({ acl: "public-read", policy: UNKNOWN })]);
            expect(r.verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [trail(), bucket()], { exempt: [] })).rejects.toThrow("config key 'exempt' is not a setting of this policy (it takes none)");
        });
    });
});
