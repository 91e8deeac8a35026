import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-codebuild-project-require-s3-logs-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const project = (s3Logs?: Record<string, unknown>) => ({
    type: "aws:codebuild/project:Project",
    props: { serviceRole: "arn:aws:iam::111122223333:role/build", ...(s3Logs ? { logsConfig: { s3Logs } } : {}) },
});

describe("aws-codebuild-project-require-s3-logs-encryption", () => {
    describe("passes", () => {
        it.each([
            ["has no S3 logs", project()],
            ["writes S3 logs with the default encryption", project({ status: "ENABLED", location: "logs/app" })],
            ["writes S3 logs with encryption explicitly on", project({ status: "ENABLED", location: "logs/app", encryptionDisabled: false })],
            ["turns encryption off but S3 logs off too", project({ status: "DISABLED", encryptionDisabled: true })],
        ])("when the project %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when S3 log encryption is turned off", async () => {
            const r = await runResourcePolicy(policy, project({ status: "ENABLED", location: "logs/app", encryptionDisabled: true }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`logsConfig.s3Logs.encryptionDisabled` is true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encryptionDisabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, project({ status: "ENABLED", encryptionDisabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("encryptionDisabled");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, project(), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
