import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-require-secure-transfer";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };
const account = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-storage-account-require-secure-transfer", () => {
    describe("passes", () => {
        it.each([
            ["leaves it unset (default true since API 2019-04-01)", {}],
            ["sets it to true", { enableHttpsTrafficOnly: true }],
            ["sets it to a secret true", { enableHttpsTrafficOnly: secret(true) }],
        ])("when the account %s", async (_, props) => {
            expect((await runResourcePolicy(policy, account(props))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([false, "false", "FALSE"])("when enableHttpsTrafficOnly is %s", async (value) => {
            const r = await runResourcePolicy(policy, account({ enableHttpsTrafficOnly: value }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`enableHttpsTrafficOnly` is false");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, account({ enableHttpsTrafficOnly: false }, type))).verdict).toBe("fail");
        });

        it("when the flag is a secret false", async () => {
            expect((await runResourcePolicy(policy, account({ enableHttpsTrafficOnly: secret(false) }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ enableHttpsTrafficOnly: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".enableHttpsTrafficOnly");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowHttp: true })).rejects.toThrow("config key 'allowHttp'");
        });
    });
});
