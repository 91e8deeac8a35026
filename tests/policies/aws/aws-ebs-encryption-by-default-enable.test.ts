import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-ebs-encryption-by-default-enable";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:ebs/encryptionByDefault:EncryptionByDefault";
const setting = (props: Record<string, unknown>) => ({ type: TYPE, props: { ...props } });

describe("aws-ebs-encryption-by-default-enable", () => {
    describe("passes", () => {
        it.each([
            ["is enabled", { enabled: true }],
            ["leaves `enabled` unset (defaults to true)", {}],
        ])("when the setting %s", async (_, props) => {
            expect((await runResourcePolicy(policy, setting(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:ebs/defaultKmsKey:DefaultKmsKey", props: { enabled: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `enabled` is false", async () => {
            const r = await runResourcePolicy(policy, setting({ enabled: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enabled` is not true");
        });

        it("when `enabled` is a secret false", async () => {
            expect((await runResourcePolicy(policy, setting({ enabled: secret(false) }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `enabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, setting({ enabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".enabled");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, setting({}), { regions: ["ap-northeast-1"] })).rejects.toThrow(
                "config key 'regions' is not a setting of this policy (it takes none)",
            );
        });
    });
});
