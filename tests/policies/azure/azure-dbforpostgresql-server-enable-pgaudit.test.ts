import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbforpostgresql-server-enable-pgaudit";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const SERVER = "azure-native:dbforpostgresql:Server";
const CONFIGURATION = "azure-native:dbforpostgresql:Configuration";
const server = (name = "pg", type = SERVER): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", serverName: name } });
const parameter = (name: string, configurationName: unknown, value: unknown, serverName: unknown = "pg"): StackResourceInput => ({
    type: CONFIGURATION,
    name,
    props: { resourceGroupName: "rg", serverName, configurationName, value, source: "user-override" },
});
const audited = () => [parameter("preload", "shared_preload_libraries", "pg_cron, PGAUDIT"), parameter("log", "pgaudit.log", "WRITE,DDL")];
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-dbforpostgresql-server-enable-pgaudit", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when pgaudit is loaded and logs classes", async () => {
            expect((await runStackPolicy(policy, [server(), ...audited()])).verdict).toBe("pass");
        });

        it.each(versionedTokens(SERVER))("for the versioned token %s", async (type) => {
            expect((await runStackPolicy(policy, [server("pg", type), ...audited()])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the server has neither Configuration", async () => {
            const r = await runStackPolicy(policy, [server()]);
            expect(r.violating).toEqual(["pg"]);
            expect(messages(r)).toContain("does not load pgaudit");
            expect(messages(r)).toContain("logs nothing");
        });

        it("when pgaudit.log is none", async () => {
            const r = await runStackPolicy(policy, [server(), parameter("preload", "shared_preload_libraries", "pgaudit"), parameter("log", "pgaudit.log", "NONE")]);
            expect(messages(r)).toContain("logs nothing");
            expect(messages(r)).not.toContain("does not load pgaudit");
        });

        it("when a library merely contains the name", async () => {
            const r = await runStackPolicy(policy, [server(), parameter("preload", "shared_preload_libraries", "pgaudit_ext"), parameter("log", "pgaudit.log", "ALL")]);
            expect(messages(r)).toContain("does not load pgaudit");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the libraries are unknown", async () => {
            const r = await runStackPolicy(policy, [server(), parameter("preload", "shared_preload_libraries", UNKNOWN), parameter("log", "pgaudit.log", "ALL")]);
            expect(r.verdict).toBe("unknown");
        });

        it("cannot decide while a Configuration's server is unknown", async () => {
            const r = await runStackPolicy(policy, [server(), parameter("preload", "shared_preload_libraries", "pgaudit", UNKNOWN), parameter("log", "pgaudit.log", "ALL", UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [server()], { classes: ["WRITE"] })).rejects.toThrow("config key 'classes'");
        });
    });
});
