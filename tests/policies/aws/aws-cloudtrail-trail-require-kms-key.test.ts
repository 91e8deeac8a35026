import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-require-kms-key";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const trail = (props: Record<string, unknown>) => ({ type: "aws:cloudtrail/trail:Trail", props: { s3BucketName: "audit-logs", ...props } });

describe("aws-cloudtrail-trail-require-kms-key", () => {
    it("is advisory by default (the logs are SSE-S3 encrypted without a key)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the trail names a KMS key", async () => {
            expect((await runResourcePolicy(policy, trail({ kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k1" }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["has no key", trail({})],
            ["has an empty key id", trail({ kmsKeyId: "" })],
        ])("when the trail %s", async (_, input) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`kmsKeyId` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("passes a key computed from another resource (`kmsKeyId: key.arn`), which is set though unknown", async () => {
            const r = await runResourcePolicy(policy, trail({ kmsKeyId: UNKNOWN }));
            expect(r.verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, trail({}), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
