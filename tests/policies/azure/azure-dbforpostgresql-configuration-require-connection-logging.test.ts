import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbforpostgresql-configuration-require-connection-logging";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:dbforpostgresql:Configuration";
const SINGLE = "azure-native:dbforpostgresql:SingleServerConfiguration";
const config = (configurationName: unknown, value: unknown, type = TYPE) => ({ type, props: { resourceGroupName: "rg", serverName: "pg-app", source: "user-override", configurationName, value } });

describe("azure-dbforpostgresql-configuration-require-connection-logging", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it.each(["log_checkpoints", "log_connections", "log_disconnections"])("when %s is on", async (name) => {
            expect((await runResourcePolicy(policy, config(name, "on"))).verdict).toBe("pass");
        });

        it("when the value is ON in upper case", async () => {
            expect((await runResourcePolicy(policy, config("log_checkpoints", "ON"))).verdict).toBe("pass");
        });

        it("when the Configuration sets no value (the default, on)", async () => {
            expect((await runResourcePolicy(policy, config("log_connections", undefined))).verdict).toBe("pass");
        });

        it("when another parameter is off", async () => {
            expect((await runResourcePolicy(policy, config("log_duration", "off"))).verdict).toBe("pass");
        });

        it.each([SINGLE, ...versionedTokens(TYPE)])("for %s", async (type) => {
            expect((await runResourcePolicy(policy, config("log_disconnections", "on", type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["log_checkpoints", "checkpoints"],
            ["log_connections", "connection attempts"],
            ["Log_Disconnections", "session ends"],
        ])("when %s is off", async (name, what) => {
            const r = await runResourcePolicy(policy, config(name, "off"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(what);
        });

        it("when a single server's log_disconnections is off", async () => {
            expect((await runResourcePolicy(policy, config("log_disconnections", "OFF", SINGLE))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a logging parameter's value is unknown", async () => {
            const r = await runResourcePolicy(policy, config("log_connections", UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("value");
        });

        it("cannot decide an off value while the parameter name is unknown", async () => {
            const r = await runResourcePolicy(policy, config(UNKNOWN, "off"));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("configurationName");
        });

        it("passes an unknown value of an unrelated parameter", async () => {
            expect((await runResourcePolicy(policy, config("work_mem", UNKNOWN))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, config("log_connections", "on"), { parameters: [] })).rejects.toThrow("config key 'parameters'");
        });
    });
});
