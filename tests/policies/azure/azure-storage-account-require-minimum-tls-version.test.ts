import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-require-minimum-tls-version";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-storage-account-require-minimum-tls-version", () => {
    describe("passes", () => {
        it.each(["TLS1_2", "tls1_2", "TLS1_3"])("when the minimum is %s", async (minimumTlsVersion) => {
            expect((await runResourcePolicy(policy, account({ minimumTlsVersion }))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ minimumTlsVersion: "TLS1_2" }, type))).verdict).toBe("pass");
        });

        it.each([
            ["left out", {}],
            ["null", { minimumTlsVersion: null }],
            ["blank", { minimumTlsVersion: "" }],
        ])("when the minimum is %s: Azure Storage has refused TLS 1.0 and 1.1 since 3 February 2026", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["TLS1_0", "TLS1_1", "tls1_1"])("when the minimum is %s", async (minimumTlsVersion) => {
            const r = await runResourcePolicy(policy, account({ minimumTlsVersion }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`minimumTlsVersion` is below TLS1_2");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ minimumTlsVersion: "TLS1_0" }, type))).verdict).toBe("fail");
        });

        it("when the minimum is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ minimumTlsVersion: secret("SSL3_0") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("SSL3_0");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the minimum is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ minimumTlsVersion: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".minimumTlsVersion");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { minimumTlsVersion: "TLS1_0" })).rejects.toThrow("config key 'minimumTlsVersion'");
        });
    });
});
