import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-server-restrict-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:sql:Server";
const base = { resourceGroupName: "rg", administratorLogin: "sqladmin", administratorLoginPassword: secret("Sup3r-S3cret!") };
const server = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-sql-server-restrict-public-network-access", () => {
    describe("passes", () => {
        it.each(["Disabled", "disabled", "SecuredByPerimeter"])("when publicNetworkAccess is %s", async (publicNetworkAccess) => {
            expect((await runResourcePolicy(policy, server({ publicNetworkAccess }))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, server({ publicNetworkAccess: "Disabled" }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["is not set (Azure's default: Enabled)", {}],
            ["is Enabled", { publicNetworkAccess: "Enabled" }],
            ["is enabled in lower case", { publicNetworkAccess: "enabled" }],
        ])("when publicNetworkAccess %s", async (_, props) => {
            const r = await runResourcePolicy(policy, server(props));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicNetworkAccess` is not Disabled");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, server({}, type))).verdict).toBe("fail");
        });

        it("without printing the administrator password", async () => {
            const r = await runResourcePolicy(policy, server({ publicNetworkAccess: "Enabled" }));
            expect(r.messages.join()).not.toContain("Sup3r-S3cret!");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while publicNetworkAccess is unknown", async () => {
            const r = await runResourcePolicy(policy, server({ publicNetworkAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publicNetworkAccess");
        });
    });

    describe("config", () => {
        it("allows public servers when allowPublicNetworkAccess is true", async () => {
            expect((await runResourcePolicy(policy, server({}), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });

        it("rejects a non-boolean allowPublicNetworkAccess, naming the key", async () => {
            await expect(runResourcePolicy(policy, server({}), { allowPublicNetworkAccess: 1 })).rejects.toThrow("config key 'allowPublicNetworkAccess' must be a boolean");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, server({}), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
