import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-account-public-access-block-enable-all-settings";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const block = (props: Record<string, unknown>) => ({ type: TYPE, props });

describe("aws-s3-account-public-access-block-enable-all-settings", () => {
    describe("passes", () => {
        it("when all four settings are true", async () => {
            expect((await runResourcePolicy(policy, block(ALL_ON))).verdict).toBe("pass");
        });

        it("when the settings are the string 'true' and the account id is given", async () => {
            const r = await runResourcePolicy(policy, block({ accountId: "111122223333", blockPublicAcls: "true", blockPublicPolicy: "True", ignorePublicAcls: "TRUE", restrictPublicBuckets: "true" }));
            expect(r.verdict).toBe("pass");
        });

        it("ignores bucket-level blocks (another policy joins those to their buckets)", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props: { bucket: "b" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a setting is left out (a setting left out is false)", async () => {
            const { restrictPublicBuckets: _r, ...rest } = ALL_ON;
            const r = await runResourcePolicy(policy, block(rest));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`restrictPublicBuckets` is not true");
        });

        it("names every setting that is off", async () => {
            const r = await runResourcePolicy(policy, block({ ...ALL_ON, blockPublicAcls: false, ignorePublicAcls: "false" }));
            expect(r.messages.join()).toContain("`blockPublicAcls`, `ignorePublicAcls` are not true");
        });

        it("when no setting is given at all", async () => {
            expect((await runResourcePolicy(policy, block({}))).messages.join()).toContain("`blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets`");
        });

        it("when a setting is a secret false, without printing it", async () => {
            const r = await runResourcePolicy(policy, block({ ...ALL_ON, blockPublicPolicy: secret("FALSE") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("FALSE");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a setting is unknown and the others are on", async () => {
            const r = await runResourcePolicy(policy, block({ ...ALL_ON, blockPublicPolicy: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".blockPublicPolicy");
        });

        it("still fails when another setting is off", async () => {
            expect((await runResourcePolicy(policy, block({ ...ALL_ON, blockPublicPolicy: UNKNOWN, blockPublicAcls: false }))).verdict).toBe("fail");
        });

        it("passes while only the account id is unknown (it does not decide)", async () => {
            expect((await runResourcePolicy(policy, block({ ...ALL_ON, accountId: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, block(ALL_ON), { required: ["blockPublicAcls"] })).rejects.toThrow("config key 'required'");
        });
    });
});
