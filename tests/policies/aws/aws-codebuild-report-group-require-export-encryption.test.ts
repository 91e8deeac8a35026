import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-codebuild-report-group-require-export-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k1";
const group = (exportConfig: Record<string, unknown>) => ({ type: "aws:codebuild/reportGroup:ReportGroup", props: { type: "TEST", exportConfig } });
const s3 = (d: Record<string, unknown>) => group({ type: "S3", s3Destination: { bucket: "reports", encryptionKey: KEY, ...d } });

describe("aws-codebuild-report-group-require-export-encryption", () => {
    describe("passes", () => {
        it.each([
            ["exports with the default encryption", s3({})],
            ["exports with encryption explicitly on", s3({ encryptionDisabled: false })],
            ["does not export", group({ type: "NO_EXPORT" })],
        ])("when the report group %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when export encryption is turned off", async () => {
            const r = await runResourcePolicy(policy, s3({ encryptionDisabled: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`exportConfig.s3Destination.encryptionDisabled` is true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encryptionDisabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, s3({ encryptionDisabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("encryptionDisabled");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, s3({}), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
