import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-require-infrastructure-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-storage-account-require-infrastructure-encryption", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when infrastructure encryption is required", async () => {
            expect((await runResourcePolicy(policy, account({ encryption: { requireInfrastructureEncryption: true } }))).verdict).toBe("pass");
        });

        it("when it is required as the string true, alongside a customer-managed key", async () => {
            const props = { encryption: { requireInfrastructureEncryption: "true", keySource: "Microsoft.Keyvault" } };
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ encryption: { requireInfrastructureEncryption: true } }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["there is no encryption block", {}],
            ["the flag is absent", { encryption: { keySource: "Microsoft.Storage" } }],
            ["the flag is false", { encryption: { requireInfrastructureEncryption: false } }],
        ])("when %s", async (_, props) => {
            const r = await runResourcePolicy(policy, account(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`encryption.requireInfrastructureEncryption` is not true");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({}, type))).verdict).toBe("fail");
        });

        it("when the flag is a secret false, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { requireInfrastructureEncryption: secret("no-thanks") } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("no-thanks");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ encryption: { requireInfrastructureEncryption: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".encryption.requireInfrastructureEncryption");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { level: 2 })).rejects.toThrow("config key 'level'");
        });
    });
});
