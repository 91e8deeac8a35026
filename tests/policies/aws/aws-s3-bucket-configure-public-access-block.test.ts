import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-configure-public-access-block";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

const bucket = (name: string): StackResourceInput => ({ type: BUCKET, name, props: { bucket: `${name}-7f3a` } });
const blockFor = (name: string, target: string, props: Record<string, unknown> = ALL_ON): StackResourceInput => ({
    type: BLOCK,
    name,
    props: { bucket: UNKNOWN, ...props },
    propertyDependencies: { bucket: [target] },
});
const account = (props: Record<string, unknown> = ALL_ON): StackResourceInput => ({ type: ACCOUNT, name: "account", props });

describe("aws-s3-bucket-configure-public-access-block", () => {
    it("is advisory: a bucket that declares nothing is private by S3's default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the bucket declares its own block with all four settings on", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data")])).verdict).toBe("pass");
        });

        it("when the stack's account-level block turns all four on", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), account()])).verdict).toBe("pass");
        });

        it("when the bucket's block turns a setting off (that is the mandatory policy's finding, not a second one here)", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), blockFor("pab", "data", { blockPublicAcls: true })])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a bucket declares no block, saying it is private today and why to declare it", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), bucket("logs"), blockFor("pab", "logs")]);
            expect(r.violating).toEqual(["data"]);
            const message = r.diagnostics[0]?.message ?? "";
            expect(message).toContain("It is private today");
            expect(message).toContain("drift");
            expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
        });

        it("when the account-level block leaves a setting out", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), account({ blockPublicAcls: true })])).violating).toEqual(["data"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while an account-level setting is unknown", async () => {
            const r = await runStackPolicy(policy, [bucket("data"), account({ ...ALL_ON, blockPublicPolicy: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`blockPublicPolicy`");
        });
    });

    describe("config", () => {
        it("with acceptAccountLevelBlock false, the account-level block is no declaration for the bucket", async () => {
            expect((await runStackPolicy(policy, [bucket("data"), account()], { acceptAccountLevelBlock: false })).violating).toEqual(["data"]);
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [bucket("data")], { acceptAccount: true })).rejects.toThrow("config key 'acceptAccount'");
        });
    });
});
