import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-efs-file-system-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:efs/fileSystem:FileSystem";
const fileSystem = (props: Record<string, unknown>) => ({ type: TYPE, props: { creationToken: "shared-home", ...props } });

describe("aws-efs-file-system-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["is encrypted", { encrypted: true }],
            ["is encrypted with a customer managed key", { encrypted: true, kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }],
        ])("when the file system %s", async (_, props) => {
            expect((await runResourcePolicy(policy, fileSystem(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:efs/accessPoint:AccessPoint", props: { encrypted: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `encrypted` is false", async () => {
            const r = await runResourcePolicy(policy, fileSystem({ encrypted: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encrypted` is not true; set it to true.");
        });

        it("when `encrypted` is not set (EFS does not encrypt by default)", async () => {
            const r = await runResourcePolicy(policy, fileSystem({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("EFS does not encrypt file systems by default");
        });

        it("when only a key is given", async () => {
            expect((await runResourcePolicy(policy, fileSystem({ kmsKeyId: secret("arn:aws:kms:ap-northeast-1:111122223333:key/secret-k") }))).verdict).toBe("fail");
        });

        it("when `encrypted` is a secret false, without printing the secrets", async () => {
            const r = await runResourcePolicy(policy, fileSystem({ encrypted: secret(false), creationToken: secret("token-secret") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("token-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, fileSystem({ encrypted: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encrypted");
        });

        it("still passes an encrypted file system whose key is unknown", async () => {
            expect((await runResourcePolicy(policy, fileSystem({ encrypted: true, kmsKeyId: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, fileSystem({ encrypted: true }), { requireKms: true })).rejects.toThrow(
                "config key 'requireKms' is not a setting of this policy (it takes none)",
            );
        });
    });
});
