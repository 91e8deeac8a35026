import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbforpostgresql-server-configure-log-retention";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const SERVER = "azure-native:dbforpostgresql:Server";
const CONFIGURATION = "azure-native:dbforpostgresql:Configuration";
const server = (name: string, type = SERVER): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", serverName: name } });
const retention = (name: string, props: Record<string, unknown>, dependsOn?: string): StackResourceInput => ({
    type: CONFIGURATION,
    name,
    props: { resourceGroupName: "rg", configurationName: "logfiles.retention_days", source: "user-override", ...props },
    ...(dependsOn ? { propertyDependencies: { serverName: [dependsOn] } } : {}),
});
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-dbforpostgresql-server-configure-log-retention", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the server keeps logs 7 days", async () => {
            expect((await runStackPolicy(policy, [server("pg"), retention("r", { serverName: "pg", value: "7" })])).verdict).toBe("pass");
        });

        it("when the Configuration refers to the server by property dependency", async () => {
            expect((await runStackPolicy(policy, [server("pg"), retention("r", { serverName: UNKNOWN, value: "4" }, "pg")])).verdict).toBe("pass");
        });

        it.each(versionedTokens(SERVER))("for the versioned server token %s", async (type) => {
            expect((await runStackPolicy(policy, [server("pg", type), retention("r", { serverName: "pg", value: "5" })])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when no Configuration sets the retention (3-day default)", async () => {
            const r = await runStackPolicy(policy, [server("pg")]);
            expect(r.violating).toEqual(["pg"]);
            expect(messages(r)).toContain("keeps its logs 3 days");
        });

        it("when the Configuration keeps logs 2 days", async () => {
            const r = await runStackPolicy(policy, [server("pg"), retention("r", { serverName: "pg", value: "2" })]);
            expect(r.violating).toEqual(["pg"]);
            expect(messages(r)).toContain("2 days, fewer than 4");
        });

        it("when only another server is configured", async () => {
            const r = await runStackPolicy(policy, [server("pg"), server("pg2"), retention("r", { serverName: "pg", value: "7" })]);
            expect(r.violating).toEqual(["pg2"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the value is unknown", async () => {
            const r = await runStackPolicy(policy, [server("pg"), retention("r", { serverName: "pg", value: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
        });

        it("cannot decide while a Configuration's server is unknown", async () => {
            const r = await runStackPolicy(policy, [server("pg"), retention("r", { serverName: UNKNOWN, value: "7" })]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("applies a stricter minimumDays", async () => {
            const r = await runStackPolicy(policy, [server("pg"), retention("r", { serverName: "pg", value: "5" })], { minimumDays: 7 });
            expect(r.violating).toEqual(["pg"]);
        });

        it("rejects a minimum the service cannot keep", async () => {
            await expect(runStackPolicy(policy, [server("pg")], { minimumDays: 30 })).rejects.toThrow("minimumDays");
        });
    });
});
