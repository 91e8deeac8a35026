import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-require-public-access-block";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
const ACCOUNT = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET): StackResourceInput => ({
    type,
    name,
    props: { bucket: `${name}-7f3a`, ...props },
});

/** A block joined to `target` by property dependency (its `bucket` is the target's id, unknown in preview). */
const blockFor = (name: string, target: string, props: Record<string, unknown> = ALL_ON): StackResourceInput => ({
    type: BLOCK,
    name,
    props: { bucket: UNKNOWN, ...props },
    propertyDependencies: { bucket: [target] },
});

/** A block joined by the literal bucket name. */
const blockNamed = (name: string, bucketName: string, props: Record<string, unknown> = ALL_ON): StackResourceInput => ({
    type: BLOCK,
    name,
    props: { bucket: bucketName, ...props },
});

const account = (props: Record<string, unknown> = ALL_ON, name = "account"): StackResourceInput => ({ type: ACCOUNT, name, props });

describe("aws-s3-bucket-require-public-access-block", () => {
    describe("passes", () => {
        it("when a block joined by property dependency turns all four settings on", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("data-pab", "data")])).verdict).toBe("pass");
        });

        it("when a block joined by the literal bucket name turns all four settings on", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), blockNamed("data-pab", "data-7f3a")])).verdict).toBe("pass");
        });

        it("when the account-level block turns all four settings on and the bucket has no block", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), bucket("logs"), account()])).verdict).toBe("pass");
        });

        it("when bucket and account settings together turn every setting on (S3 applies the most restrictive)", async () => {
            const r = await runStackPolicy(policy, [
                bucket("data"),
                blockFor("data-pab", "data", { blockPublicAcls: true, ignorePublicAcls: true }),
                account({ blockPublicPolicy: true, restrictPublicBuckets: true }),
            ]);
            expect(r.verdict).toBe("pass");
        });

        it("accepts settings given as the string 'true'", async () => {
            const asText = { blockPublicAcls: "true", blockPublicPolicy: "TRUE", ignorePublicAcls: "true", restrictPublicBuckets: "true" };
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("data-pab", "data", asText)])).verdict).toBe("pass");
        });

        it("for a BucketV2 (folded into Bucket)", async () => {
            expect((await runStackPolicy(policy, [bucket("data", {}, BUCKET_V2), blockFor("data-pab", "data")])).verdict).toBe("pass");
        });

        it("when a bucket declares no block: S3 turns all four settings on for a new bucket (April 2023)", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), bucket("logs", {}, BUCKET_V2)]);
            expect(r.verdict).toBe("pass");
            expect(r.diagnostics).toEqual([]);
        });

        it("when the account-level block leaves a setting out and the bucket has no block of its own (the bucket keeps S3's default)", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), account({ blockPublicAcls: true })])).verdict).toBe("pass");
        });

        it("when a block's literal bucket name is another bucket's, the unblocked bucket keeps S3's default", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), blockNamed("pab", "some-other-bucket", {})])).verdict).toBe("pass");
        });

        it("when a block whose bucket is unknown turns every setting on (whichever bucket it covers, nothing is off)", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), { type: BLOCK, name: "pab", props: { bucket: UNKNOWN, ...ALL_ON } }])).verdict).toBe("pass");
        });

        it("when the stack has no bucket, whatever its blocks say", async () => {
            expect((await runStackPolicy(policy, [account({}), blockNamed("other", "elsewhere", {})])).verdict).toBe("pass");
        });

        it("when the settings are secrets that are true", async () => {
            const secrets = { blockPublicAcls: secret(true), blockPublicPolicy: secret(true), ignorePublicAcls: secret(true), restrictPublicBuckets: secret(true) };
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("data-pab", "data", secrets)])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("names the settings that are off, treating a setting left out as false", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("data-pab", "data", { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false })]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["data"]);
            const message = r.diagnostics[0]?.message ?? "";
            expect(message).toContain("`blockPublicPolicy`, `restrictPublicBuckets` are not true in this bucket's BucketPublicAccessBlock");
            expect(message).toContain("leaves out is off");
            expect(message).not.toContain("`blockPublicAcls`");
        });

        it("when the bucket's block and the account-level block both leave a setting out", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true }), account({ blockPublicAcls: true })]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics[0]?.message).toContain("`restrictPublicBuckets` is not true in this bucket's BucketPublicAccessBlock nor in an AccountPublicAccessBlock");
        });

        it("when a block declares nothing at all (every setting written as off)", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", {})]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics[0]?.message).toContain("`blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` are not true");
        });

        it("only the bucket whose block turns a setting off, not the one whose block is complete nor the one without a block", async () => {
            const r = await runStackPolicy(policy, [bucket("covered"), bucket("open"), bucket("default"), blockFor("covered-pab", "covered"), blockFor("open-pab", "open", { ...ALL_ON, restrictPublicBuckets: false })]);
            expect(r.violating).toEqual(["open"]);
        });

        it("joins by property dependency, never by order: a complete block for one bucket does not cover the next", async () => {
            const r = await runStackPolicy(policy, [
                bucket("first"),
                blockFor("second-pab", "second", { blockPublicAcls: true }),
                bucket("second"),
                blockFor("first-pab", "first"),
            ]);
            expect(r.violating).toEqual(["second"]);
        });

        it("when only an access point on the bucket blocks public access (it covers requests through the access point only)", async () => {
            const ap: StackResourceInput = {
                type: ACCESS_POINT,
                name: "ap",
                props: { bucket: UNKNOWN, publicAccessBlockConfiguration: ALL_ON },
                propertyDependencies: { bucket: ["data"] },
            };
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", {}), ap])).violating).toEqual(["data"]);
        });

        it("when two blocks target the same bucket and one of them turns a setting off", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab-a", "data"), blockFor("pab-b", "data", { ...ALL_ON, ignorePublicAcls: false })]);
            expect(r.violating).toEqual(["data"]);
        });

        it("when the bucket's block turns a setting off and one of two account-level blocks does too", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", { ...ALL_ON, blockPublicPolicy: false }), account(), account({ ...ALL_ON, blockPublicPolicy: false }, "account-b")]);
            expect(r.violating).toEqual(["data"]);
        });

        it("for a BucketV2 whose block turns a setting off", async () => {
            expect((await runStackPolicy(policy, [bucket("data", {}, BUCKET_V2), blockFor("pab", "data", { ...ALL_ON, ignorePublicAcls: false })])).violating).toEqual(["data"]);
        });

        it("when a setting is a secret false, without printing it", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", { ...ALL_ON, blockPublicPolicy: secret(false) })]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics[0]?.message).toContain("`blockPublicPolicy`");
            expect(r.diagnostics[0]?.message).not.toMatch(/\bfalse\b/);
        });
    });

    describe("unknown during preview", () => {
        it("cannot know a bucket when a block's bucket is unknown with no dependency to join on", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), { type: BLOCK, name: "pab", props: { bucket: UNKNOWN, ...ALL_ON, blockPublicPolicy: false } }]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
            expect(r.diagnostics).toHaveLength(1);
            expect(r.diagnostics[0]).toMatchObject({ resource: "data", kind: "unknown", enforcementLevel: "advisory" });
            expect(r.diagnostics[0]?.message).toContain("`bucket` of a BucketPublicAccessBlock");
        });

        it("an unknown block reference does not silence the verdicts on other buckets", async () => {
            const r = await runStackPolicy(policy, [
                bucket("maybe"),
                bucket("weak"),
                bucket("covered"),
                { type: BLOCK, name: "pab-unknown", props: { bucket: UNKNOWN } },
                blockFor("weak-pab", "weak", { blockPublicAcls: true }),
                blockFor("covered-pab", "covered"),
            ]);
            expect(r.verdict).toBe("fail");
            expect(r.violating).toEqual(["weak"]);
            expect(r.diagnostics.filter((d) => d.kind === "unknown").map((d) => d.resource)).toEqual(["maybe"]);
        });

        it("a known missing setting still fails while another setting is unknown", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", { ...ALL_ON, blockPublicAcls: UNKNOWN, restrictPublicBuckets: false })]);
            expect(r.violating).toEqual(["data"]);
        });

        it("cannot know a bucket whose only missing protection is an unknown setting", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", { ...ALL_ON, blockPublicAcls: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`blockPublicAcls`");
        });

        it("decides from a complete account-level block even when a block's bucket is unknown", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), account(), { type: BLOCK, name: "pab", props: { bucket: UNKNOWN } }]);
            expect(r.verdict).toBe("pass");
        });

        it("joins a block whose bucket depends on several buckets by its literal name", async () => {
            const r = await runStackPolicy(policy, [
                bucket("a"),
                bucket("b"),
                { type: BLOCK, name: "pab", props: { bucket: "a-7f3a", ...ALL_ON, ignorePublicAcls: false }, propertyDependencies: { bucket: ["a", "b"] } },
            ]);
            expect(r.violating).toEqual(["a"]);
        });

        it("cannot know the buckets a block may cover when it depends on several and its name is unknown", async () => {
            const r = await runStackPolicy(policy, [
                bucket("a"),
                bucket("b"),
                { type: BLOCK, name: "pab", props: { bucket: UNKNOWN, blockPublicAcls: true }, propertyDependencies: { bucket: ["a", "b"] } },
            ]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource).sort()).toEqual(["a", "b"]);
        });
    });

    describe("config", () => {
        it("with acceptAccountLevelBlock false, an account-level block no longer covers a setting the bucket's block turns off", async () => {
            const stack = [bucket("data"), blockFor("pab", "data", { ...ALL_ON, blockPublicPolicy: false }), account()];
            expect((await runStackPolicy(policy, stack)).verdict).toBe("pass");
            const r = await runStackPolicy(policy, stack, { acceptAccountLevelBlock: false });
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics[0]?.message).not.toContain("AccountPublicAccessBlock");
        });

        it("with acceptAccountLevelBlock false, a bucket without a block still has S3's default", async () => {
            expect((await runStackPolicy(policy, [bucket("data")], { acceptAccountLevelBlock: false })).verdict).toBe("pass");
        });

        it("with acceptAccountLevelBlock false, a complete bucket-level block still passes", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data")], { acceptAccountLevelBlock: false })).verdict).toBe("pass");
        });

        it("rejects a non-boolean acceptAccountLevelBlock, naming the key", async () => {
            await expect(runStackPolicy(policy, [bucket("data")], { acceptAccountLevelBlock: "no" })).rejects.toThrow(
                "config key 'acceptAccountLevelBlock' must be a boolean",
            );
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [bucket("data")], { allowAccountBlock: true })).rejects.toThrow("config key 'allowAccountBlock'");
        });
    });
});
