import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-kms-key-enable-rotation";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const key = (props: Record<string, unknown>) => ({ type: "aws:kms/key:Key", props: { description: "orders", ...props } });

describe("aws-kms-key-enable-rotation", () => {
    describe("passes", () => {
        it.each([
            ["a symmetric key with rotation enabled", key({ enableKeyRotation: true })],
            ["an asymmetric signing key", key({ keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "RSA_2048" })],
            ["an HMAC key", key({ keyUsage: "GENERATE_VERIFY_MAC", customerMasterKeySpec: "HMAC_256" })],
            ["a key in a CloudHSM key store", key({ customKeyStoreId: "cks-1" })],
            ["a key in an external key store", key({ customKeyStoreId: "cks-2", xksKeyId: "x-1" })],
        ])("%s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when rotation is left unset on a symmetric key", async () => {
            const r = await runResourcePolicy(policy, key({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("does not rotate customer managed keys by default");
        });

        it("when rotation is turned off on an explicitly symmetric key", async () => {
            const r = await runResourcePolicy(policy, key({ keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: false }));
            expect(r.messages.join()).toContain("`enableKeyRotation` is false");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the key spec is unknown", async () => {
            const r = await runResourcePolicy(policy, key({ customerMasterKeySpec: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("customerMasterKeySpec");
        });

        it("cannot decide a symmetric key while rotation is unknown", async () => {
            expect((await runResourcePolicy(policy, key({ enableKeyRotation: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, key({}), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
