import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-database-enable-transparent-data-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:sql:TransparentDataEncryption";
const base = { resourceGroupName: "rg", serverName: "sql-app", databaseName: "orders", tdeName: "current" };
const tde = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-sql-database-enable-transparent-data-encryption", () => {
    describe("passes", () => {
        it.each(["Enabled", "enabled", "ENABLED"])("when the state is %s", async (state) => {
            expect((await runResourcePolicy(policy, tde({ state }))).verdict).toBe("pass");
        });

        it("when the 2014-04-01 API's `status` is Enabled", async () => {
            expect((await runResourcePolicy(policy, tde({ status: "Enabled" }, "azure-native:sql/v20140401:TransparentDataEncryption"))).verdict).toBe("pass");
        });

        // Changed in the move to core/read.ts (it failed before): a null `state` is unset, as null is for every
        // other property, so the 2014-04-01 API's `status` decides.
        it("when `state` is null and the 2014-04-01 API's `status` is Enabled", async () => {
            expect((await runResourcePolicy(policy, tde({ state: null, status: "Enabled" }, "azure-native:sql/v20140401:TransparentDataEncryption"))).verdict).toBe("pass");
        });

        it("ignores databases (a database without a TDE resource keeps the default, Enabled)", async () => {
            expect((await runResourcePolicy(policy, { type: "azure-native:sql:Database", props: { ...base, state: "Disabled" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["Disabled", "disabled"])("when the state is %s", async (state) => {
            const r = await runResourcePolicy(policy, tde({ state }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`state` is not Enabled");
        });

        it("when the state is missing", async () => {
            expect((await runResourcePolicy(policy, tde({}))).verdict).toBe("fail");
        });

        it("when the 2014-04-01 API's `status` is Disabled, naming that field", async () => {
            const r = await runResourcePolicy(policy, tde({ status: "Disabled" }, "azure-native_sql_v20140401:sql:TransparentDataEncryption"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`status` is not Enabled");
        });

        it("when `status` is null and `state` is unset, naming `state` (null is unset)", async () => {
            const r = await runResourcePolicy(policy, tde({ status: null }, "azure-native:sql/v20140401:TransparentDataEncryption"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`state` is not Enabled");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, tde({ state: "Disabled" }, type))).verdict).toBe("fail");
        });

        it("when the state is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, tde({ state: secret("Switched-Off") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("Switched-Off");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the state is unknown", async () => {
            const r = await runResourcePolicy(policy, tde({ state: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".state");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, tde({ state: "Enabled" }), { allowDisabled: true })).rejects.toThrow("config key 'allowDisabled'");
        });
    });
});
