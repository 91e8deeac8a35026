import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-enable-log-file-validation";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:cloudtrail/trail:Trail";

interface TrailProps {
    readonly s3BucketName?: unknown;
    readonly isMultiRegionTrail?: unknown;
    readonly enableLogFileValidation?: unknown;
}

const compliant: TrailProps = { s3BucketName: "org-audit-logs", isMultiRegionTrail: true, enableLogFileValidation: true };
const trail = (props: TrailProps) => ({ type: TYPE, props: { ...props } });

describe("aws-cloudtrail-trail-enable-log-file-validation", () => {
    describe("passes", () => {
        it("when log file validation is on", async () => {
            expect((await runResourcePolicy(policy, trail(compliant))).verdict).toBe("pass");
        });

        it("when log file validation is the string True", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, enableLogFileValidation: "True" }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucket:Bucket", props: { enableLogFileValidation: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each<[string, TrailProps]>([
            ["unset (off by default)", { ...compliant, enableLogFileValidation: undefined }],
            ["false", { ...compliant, enableLogFileValidation: false }],
        ])("when log file validation is %s", async (_, props) => {
            const r = await runResourcePolicy(policy, trail(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enableLogFileValidation` is not true");
        });

        it("when the setting is a secret, without printing the bucket", async () => {
            const r = await runResourcePolicy(policy, trail({ s3BucketName: secret("secret-bucket-name"), enableLogFileValidation: secret(false) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("secret-bucket-name");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while enableLogFileValidation is unknown", async () => {
            const r = await runResourcePolicy(policy, trail({ ...compliant, enableLogFileValidation: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".enableLogFileValidation");
        });

        it("decides while the bucket name is unknown", async () => {
            expect((await runResourcePolicy(policy, trail({ ...compliant, s3BucketName: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, trail(compliant), { enabled: true })).rejects.toThrow("config key 'enabled'");
        });
    });
});
