import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbformysql-server-enable-audit-log";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const SERVER = "azure-native:dbformysql:Server";
const CONFIGURATION = "azure-native:dbformysql:Configuration";
const server = (name: string, type = SERVER): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", serverName: name } });
const parameter = (name: string, configurationName: unknown, value: unknown, serverName: unknown = "mysql", dependsOn?: string): StackResourceInput => ({
    type: CONFIGURATION,
    name,
    props: { resourceGroupName: "rg", serverName, configurationName, value, source: "user-override" },
    ...(dependsOn ? { propertyDependencies: { serverName: [dependsOn] } } : {}),
});
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-dbformysql-server-enable-audit-log", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it("when audit_log_enabled is ON", async () => {
            expect((await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", "ON")])).verdict).toBe("pass");
        });

        it("when the events include CONNECTION", async () => {
            expect((await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", "on"), parameter("events", "audit_log_events", "CONNECTION,DDL")])).verdict).toBe("pass");
        });

        it("when the events include CONNECTION_V2 (connections with error codes)", async () => {
            expect((await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", "ON"), parameter("events", "audit_log_events", "connection_v2, DML")])).verdict).toBe("pass");
        });

        it("when the Configuration refers to the server by property dependency", async () => {
            expect((await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", "ON", UNKNOWN, "mysql")])).verdict).toBe("pass");
        });

        it.each(versionedTokens(SERVER))("for the versioned server token %s", async (type) => {
            expect((await runStackPolicy(policy, [server("mysql", type), parameter("audit", "audit_log_enabled", "ON")])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when no Configuration turns the audit log on (OFF by default)", async () => {
            const r = await runStackPolicy(policy, [server("mysql")]);
            expect(r.violating).toEqual(["mysql"]);
            expect(messages(r)).toContain("OFF by default");
        });

        it("when audit_log_enabled is OFF", async () => {
            const r = await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", "OFF")]);
            expect(messages(r)).toContain("is not ON");
        });

        it("when the events leave out CONNECTION", async () => {
            const r = await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", "ON"), parameter("events", "audit_log_events", "DDL,DCL")]);
            expect(r.violating).toEqual(["mysql"]);
            expect(messages(r)).toContain("does not include CONNECTION");
        });

        it("when only another server is audited", async () => {
            const r = await runStackPolicy(policy, [server("mysql"), server("mysql2"), parameter("audit", "audit_log_enabled", "ON")]);
            expect(r.violating).toEqual(["mysql2"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while audit_log_enabled's value is unknown", async () => {
            const r = await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
        });

        it("cannot decide while a Configuration's name is unknown", async () => {
            const r = await runStackPolicy(policy, [server("mysql"), parameter("audit", UNKNOWN, "ON")]);
            expect(r.verdict).toBe("unknown");
        });

        it("still fails known events without CONNECTION while the enabled flag is unknown", async () => {
            const r = await runStackPolicy(policy, [server("mysql"), parameter("audit", "audit_log_enabled", UNKNOWN), parameter("events", "audit_log_events", "DDL")]);
            expect(r.violating).toEqual(["mysql"]);
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [server("mysql")], { events: ["CONNECTION"] })).rejects.toThrow("config key 'events'");
        });
    });
});
