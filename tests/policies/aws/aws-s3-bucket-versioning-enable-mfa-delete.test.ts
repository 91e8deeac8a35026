import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-versioning-enable-mfa-delete";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const versioning = (conf: Record<string, unknown>, props: Record<string, unknown> = {}) => ({
    type: "aws:s3/bucketVersioning:BucketVersioning",
    props: { bucket: "audit", versioningConfiguration: conf, ...props },
});
const bucket = (props: Record<string, unknown>, type = "aws:s3/bucket:Bucket") => ({ type, props: { bucket: "audit", ...props } });

describe("aws-s3-bucket-versioning-enable-mfa-delete", () => {
    it("is advisory by default (only the root user with its MFA device can enable MFA delete)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
        expect(policy.description).toContain("root user");
    });

    describe("passes", () => {
        it.each([
            ["versioning with MFA delete", versioning({ status: "Enabled", mfaDelete: "Enabled" })],
            ["versioning disabled", versioning({ status: "Disabled" })],
            ["a bucket without versioning", bucket({})],
            ["a bucket whose inline versioning has MFA delete", bucket({ versioning: { enabled: true, mfaDelete: true } })],
            ["a bucket whose inline versioning is off", bucket({ versioning: { enabled: false } })],
        ])("%s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["enabled", versioning({ status: "Enabled" })],
            ["suspended, with MFA delete off", versioning({ status: "Suspended", mfaDelete: "Disabled" })],
        ])("versioning %s", async (_, input) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain('`versioningConfiguration.mfaDelete` is not "Enabled"');
        });

        it("a bucket with inline versioning and no MFA delete, also through the BucketV2 alias", async () => {
            expect((await runResourcePolicy(policy, bucket({ versioning: { enabled: true } }))).verdict).toBe("fail");
            const r = await runResourcePolicy(policy, bucket({ versionings: [{ enabled: true }] }, "aws:s3/bucketV2:BucketV2"));
            expect(r.messages.join()).toContain("`versionings[].mfaDelete` is not true");
        });

        it("without printing the MFA code", async () => {
            const r = await runResourcePolicy(policy, versioning({ status: "Enabled" }, { mfa: secret("arn:aws:iam::111122223333:mfa/root 123456") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("123456");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the status is unknown", async () => {
            const r = await runResourcePolicy(policy, versioning({ status: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("status");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, bucket({}), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
