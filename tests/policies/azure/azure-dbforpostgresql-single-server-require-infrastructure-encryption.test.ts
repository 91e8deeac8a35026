import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-dbforpostgresql-single-server-require-infrastructure-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:dbforpostgresql:SingleServer";
const base = {"resourceGroupName": "rg"};
const resource = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-dbforpostgresql-single-server-require-infrastructure-encryption", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when infrastructure encryption is Enabled", async () => {
            expect((await runResourcePolicy(policy, resource({"properties": {"createMode": "Default", "infrastructureEncryption": "Enabled"}}))).verdict).toBe("pass");
        });
        it("when a MySQL single server has it", async () => {
            expect((await runResourcePolicy(policy, resource({"properties": {"createMode": "Default", "infrastructureEncryption": "enabled"}}, "azure-native:dbformysql:SingleServer"))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, resource({"properties": {"createMode": "Default", "infrastructureEncryption": "Enabled"}}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when it is not set (Disabled)", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"createMode": "Default"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.infrastructureEncryption` is not Enabled");
        });
        it("when it is Disabled", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"createMode": "Default", "infrastructureEncryption": "Disabled"}}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not Enabled");
        });
        it("when a MySQL single server does not set it", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"createMode": "Default"}}, "azure-native:dbformysql:SingleServer"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not Enabled");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the setting is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({"properties": {"createMode": "Default", "infrastructureEncryption": UNKNOWN}}));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("infrastructureEncryption");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
