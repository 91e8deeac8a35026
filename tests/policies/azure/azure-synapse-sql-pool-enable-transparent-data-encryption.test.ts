import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-synapse-sql-pool-enable-transparent-data-encryption";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const POOL = "azure-native:synapse:SqlPool";
const TDE = "azure-native:synapse:SqlPoolTransparentDataEncryption";

const pool = (name: string, type = POOL): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", workspaceName: "ws", sqlPoolName: name, sku: { name: "DW100c" } } });
const tde = (name: string, props: Record<string, unknown>, dependsOn?: string, type = TDE): StackResourceInput => ({
    type,
    name,
    props: { resourceGroupName: "rg", workspaceName: "ws", transparentDataEncryptionName: "current", ...props },
    ...(dependsOn ? { propertyDependencies: { sqlPoolName: [dependsOn] } } : {}),
});

describe("azure-synapse-sql-pool-enable-transparent-data-encryption", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it("when a TDE configuration turns TDE on for the pool by name", async () => {
            expect((await runStackPolicy(policy, [pool("dw"), tde("dw-tde", { sqlPoolName: "dw", status: "Enabled" })])).verdict).toBe("pass");
        });

        it("when the configuration refers to the pool by property dependency (name unknown)", async () => {
            expect((await runStackPolicy(policy, [pool("dw"), tde("dw-tde", { sqlPoolName: UNKNOWN, status: "enabled" }, "dw")])).verdict).toBe("pass");
        });

        it.each([...versionedTokens(POOL)])("for the versioned pool token %s", async (type) => {
            expect((await runStackPolicy(policy, [pool("dw", type), tde("dw-tde", { sqlPoolName: "dw", status: "Enabled" }, undefined, versionedTokens(TDE)[0])])).verdict).toBe("pass");
        });

        it("when the stack has no pool and no configuration", async () => {
            expect((await runStackPolicy(policy, [])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a pool has no TDE configuration (off by default)", async () => {
            const r = await runStackPolicy(policy, [pool("dw")]);
            expect(r.violating).toEqual(["dw"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("off by default in Synapse");
        });

        it("when the configuration sets Disabled", async () => {
            const r = await runStackPolicy(policy, [pool("dw"), tde("dw-tde", { sqlPoolName: "dw", status: "Disabled" })]);
            expect(r.violating).toEqual(["dw"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`status` to Disabled");
        });

        it("when the configuration does not set status", async () => {
            const r = await runStackPolicy(policy, [pool("dw"), tde("dw-tde", { sqlPoolName: "dw" })]);
            expect(r.violating).toEqual(["dw"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("does not set `status`");
        });

        it("when only another pool is covered", async () => {
            const r = await runStackPolicy(policy, [pool("dw"), pool("dw2"), tde("dw-tde", { sqlPoolName: "dw", status: "Enabled" })]);
            expect(r.violating).toEqual(["dw2"]);
        });

        it("when a configuration for a pool outside the stack sets Disabled", async () => {
            const r = await runStackPolicy(policy, [tde("dw-tde", { sqlPoolName: "existing", status: "Disabled" })]);
            expect(r.violating).toEqual(["dw-tde"]);
        });

        it("when Disabled wins over an Enabled configuration of the same pool", async () => {
            const r = await runStackPolicy(policy, [pool("dw"), tde("a", { sqlPoolName: "dw", status: "Enabled" }), tde("b", { sqlPoolName: "dw", status: "Disabled" })]);
            expect(r.violating).toEqual(["dw"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the configuration's status is unknown", async () => {
            const r = await runStackPolicy(policy, [pool("dw"), tde("dw-tde", { sqlPoolName: "dw", status: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("status");
        });

        it("cannot decide while a configuration's pool is unknown", async () => {
            const r = await runStackPolicy(policy, [pool("dw"), tde("dw-tde", { sqlPoolName: UNKNOWN, status: "Enabled" })]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [pool("dw")], { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
