import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-disallow-public-blob-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-storage-account-disallow-public-blob-access", () => {
    describe("passes", () => {
        it.each([
            ["leaves the flag unset (default interpretation: false)", {}],
            ["sets it to false", { allowBlobPublicAccess: false }],
            ["sets it to a secret false", { allowBlobPublicAccess: secret(false) }],
        ])("when the account %s", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([true, "true", "True"])("when allowBlobPublicAccess is %s", async (value) => {
            const r = await runResourcePolicy(policy, account({ allowBlobPublicAccess: value }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`allowBlobPublicAccess` is true");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ allowBlobPublicAccess: true }, type))).verdict).toBe("fail");
        });

        it("without printing secret properties", async () => {
            const r = await runResourcePolicy(policy, account({ allowBlobPublicAccess: true, customDomain: secret({ name: "files.contoso.example" }) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("contoso");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ allowBlobPublicAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".allowBlobPublicAccess");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { allow: true })).rejects.toThrow("config key 'allow'");
        });
    });
});
