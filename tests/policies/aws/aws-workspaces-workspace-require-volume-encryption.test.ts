import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-workspaces-workspace-require-volume-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const ws = (props: Record<string, unknown>) => ({
    type: "aws:workspaces/workspace:Workspace",
    props: { bundleId: "wsb-1", directoryId: "d-1", userName: "jdoe", volumeEncryptionKey: "alias/aws/workspaces", ...props },
});
const BOTH = { userVolumeEncryptionEnabled: true, rootVolumeEncryptionEnabled: true };

describe("aws-workspaces-workspace-require-volume-encryption", () => {
    describe("passes", () => {
        it("when both volumes are encrypted", async () => {
            expect((await runResourcePolicy(policy, ws(BOTH))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when both flags are unset (the default), naming both", async () => {
            const r = await runResourcePolicy(policy, ws({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(2);
            expect(r.messages.join()).toContain("does not encrypt the root volume by default");
        });

        it("when the root volume is explicitly unencrypted", async () => {
            const r = await runResourcePolicy(policy, ws({ ...BOTH, rootVolumeEncryptionEnabled: false }));
            expect(r.messages).toEqual([expect.stringContaining("`rootVolumeEncryptionEnabled` is not true")]);
        });

        it("on a known unencrypted volume even while the other flag is unknown", async () => {
            expect((await runResourcePolicy(policy, ws({ userVolumeEncryptionEnabled: false, rootVolumeEncryptionEnabled: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a flag is unknown and the other is true", async () => {
            const r = await runResourcePolicy(policy, ws({ userVolumeEncryptionEnabled: true, rootVolumeEncryptionEnabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("rootVolumeEncryptionEnabled");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, ws(BOTH), { strict: true })).rejects.toThrow("it takes none");
        });
    });
});
