import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-server-enable-auditing";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const SERVER = "azure-native:sql:Server";
const AUDITING = "azure-native:sql:ServerBlobAuditingPolicy";
const EXTENDED = "azure-native:sql:ExtendedServerBlobAuditingPolicy";

const server = (name: string, type = SERVER): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", serverName: name, administratorLogin: "sqladmin" } });
const auditing = (name: string, props: Record<string, unknown>, dependsOn?: string, type = AUDITING): StackResourceInput => ({
    type,
    name,
    props: { resourceGroupName: "rg", storageEndpoint: "https://auditlogs.blob.core.windows.net/", ...props },
    ...(dependsOn ? { propertyDependencies: { serverName: [dependsOn] } } : {}),
});
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-sql-server-enable-auditing", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it("when an auditing policy turns auditing on for the server by name", async () => {
            expect((await runStackPolicy(policy, [server("sql-a"), auditing("audit", { serverName: "sql-a", state: "Enabled" })])).verdict).toBe("pass");
        });

        it("when an extended auditing policy refers to the server by property dependency", async () => {
            expect((await runStackPolicy(policy, [server("sql-a"), auditing("audit", { serverName: UNKNOWN, state: "enabled" }, "sql-a", EXTENDED)])).verdict).toBe("pass");
        });

        it.each(versionedTokens(SERVER))("for the versioned server token %s", async (type) => {
            expect((await runStackPolicy(policy, [server("sql-a", type), auditing("audit", { serverName: "sql-a", state: "Enabled" }, undefined, versionedTokens(AUDITING)[1])])).verdict).toBe("pass");
        });

        it("when the stack has no SQL server", async () => {
            expect((await runStackPolicy(policy, [])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a server has no auditing policy (off by default)", async () => {
            const r = await runStackPolicy(policy, [server("sql-a")]);
            expect(r.violating).toEqual(["sql-a"]);
            expect(messages(r)).toContain("off by default");
        });

        it("when the auditing policy is Disabled", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), auditing("audit", { serverName: "sql-a", state: "Disabled" })]);
            expect(r.violating).toEqual(["sql-a"]);
            expect(messages(r)).toContain("`state` to Disabled");
        });

        it("when only another server is audited", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), server("sql-b"), auditing("audit", { serverName: "sql-a", state: "Enabled" })]);
            expect(r.violating).toEqual(["sql-b"]);
        });

        it("when a policy for a server outside the stack is Disabled", async () => {
            const r = await runStackPolicy(policy, [auditing("audit", { serverName: "existing", state: "Disabled" })]);
            expect(r.violating).toEqual(["audit"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the state is unknown", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), auditing("audit", { serverName: "sql-a", state: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(messages(r)).toContain("state");
        });

        it("cannot decide while an auditing policy's server is unknown", async () => {
            const r = await runStackPolicy(policy, [server("sql-a"), auditing("audit", { serverName: UNKNOWN, state: "Enabled" })]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [server("sql-a")], { exempt: ["sql-a"] })).rejects.toThrow("config key 'exempt'");
        });
    });
});
