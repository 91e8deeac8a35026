import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-emr-security-configuration-require-encryption-at-rest";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const sc = (configuration: unknown) => ({ type: "aws:emr/securityConfiguration:SecurityConfiguration", props: { configuration } });
const doc = (enc: Record<string, unknown>) => JSON.stringify({ EncryptionConfiguration: enc });

describe("aws-emr-security-configuration-require-encryption-at-rest", () => {
    describe("passes", () => {
        it("when at-rest encryption is enabled", async () => {
            const c = doc({ EnableAtRestEncryption: true, EnableInTransitEncryption: false, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } } });
            expect((await runResourcePolicy(policy, sc(c))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["turns at-rest encryption off", doc({ EnableAtRestEncryption: false, EnableInTransitEncryption: true })],
            ["says nothing about it", doc({ EnableInTransitEncryption: true })],
            ["has no encryption configuration", JSON.stringify({ AuthenticationConfiguration: {} })],
            ["is not JSON", "{not json"],
        ])("when the document %s", async (_, c) => {
            expect((await runResourcePolicy(policy, sc(c))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the document is unknown", async () => {
            const r = await runResourcePolicy(policy, sc(UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("configuration");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, sc(doc({ EnableAtRestEncryption: true })), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
