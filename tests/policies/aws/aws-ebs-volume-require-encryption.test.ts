import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ebs-volume-require-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:ebs/volume:Volume";
const volume = (props: Record<string, unknown>) => ({ type: TYPE, props: { availabilityZone: "ap-northeast-1a", size: 40, ...props } });

describe("aws-ebs-volume-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["is encrypted", { encrypted: true }],
            ["is encrypted with a customer managed key", { encrypted: true, kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }],
            ["is encrypted, restored from a snapshot", { encrypted: true, snapshotId: "snap-0123456789abcdef0" }],
        ])("when the volume %s", async (_, props) => {
            expect((await runResourcePolicy(policy, volume(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:ebs/snapshot:Snapshot", props: { encrypted: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `encrypted` is false", async () => {
            const r = await runResourcePolicy(policy, volume({ encrypted: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encrypted` is not true; set it to true.");
        });

        it("when `encrypted` is not set (EBS does not encrypt by default)", async () => {
            const r = await runResourcePolicy(policy, volume({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encrypted` is not set and EBS does not encrypt volumes by default");
        });

        it("when a volume restored from a snapshot does not say `encrypted`", async () => {
            const r = await runResourcePolicy(policy, volume({ snapshotId: "snap-0123456789abcdef0" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("takes the encryption of its snapshot");
        });

        it("when a key is given but `encrypted` is not true", async () => {
            expect((await runResourcePolicy(policy, volume({ kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }))).verdict).toBe("fail");
        });

        it("when `encrypted` is a secret false, without printing it", async () => {
            const r = await runResourcePolicy(policy, volume({ encrypted: secret(false) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("false;");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `encrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, volume({ encrypted: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encrypted");
        });

        it("still passes an encrypted volume whose key is unknown", async () => {
            expect((await runResourcePolicy(policy, volume({ encrypted: true, kmsKeyId: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("passes an unset `encrypted` when the account encrypts EBS by default", async () => {
            expect((await runResourcePolicy(policy, volume({}), { ebsEncryptionByDefault: true })).verdict).toBe("pass");
        });

        it("still fails an explicit `encrypted: false` when the account encrypts EBS by default", async () => {
            expect((await runResourcePolicy(policy, volume({ encrypted: false }), { ebsEncryptionByDefault: true })).verdict).toBe("fail");
        });

        it("rejects a non-boolean setting, naming the key", async () => {
            await expect(runResourcePolicy(policy, volume({}), { ebsEncryptionByDefault: "yes" })).rejects.toThrow(
                "config key 'ebsEncryptionByDefault' must be a boolean",
            );
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, volume({}), { encryptionByDefault: true })).rejects.toThrow("config key 'encryptionByDefault'");
        });
    });
});
