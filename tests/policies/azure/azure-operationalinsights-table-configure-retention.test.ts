import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-operationalinsights-table-configure-retention";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:operationalinsights:Table";
interface Table {
    retentionInDays?: unknown;
    totalRetentionInDays?: unknown;
    plan?: string;
}
const table = (props: Table, type = TYPE) => ({
    type,
    props: { resourceGroupName: "rg", workspaceName: "ws", tableName: "AppAudit_CL", ...props } as Record<string, unknown>,
});

describe("azure-operationalinsights-table-configure-retention", () => {
    describe("passes", () => {
        it.each([
            ["inherits the workspace retention (nothing set)", {}],
            ["inherits the workspace retention (-1)", { retentionInDays: -1, totalRetentionInDays: -1 }],
            ["keeps data a year interactively", { retentionInDays: 365 }],
            ["keeps 30 days interactive and 2 years in long-term retention", { retentionInDays: 30, totalRetentionInDays: 730 }],
            ["is a Basic-plan table with a long total retention", { plan: "Basic", totalRetentionInDays: 4383 }],
        ])("when it %s", async (_, props) => {
            expect((await runResourcePolicy(policy, table(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, table({ retentionInDays: 7 }, "azure-native:operationalinsights:Workspace"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the total retention is shorter than 365 days", async () => {
            const r = await runResourcePolicy(policy, table({ retentionInDays: 30, totalRetentionInDays: 90 }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`totalRetentionInDays` is shorter than 365 days");
        });

        it("when the interactive retention is short and nothing extends it", async () => {
            for (const totalRetentionInDays of [undefined, -1]) {
                const r = await runResourcePolicy(policy, table({ retentionInDays: 30, totalRetentionInDays }));
                expect(r.verdict).toBe("fail");
                expect(r.messages.join()).toContain("`retentionInDays` is shorter than 365 days and `totalRetentionInDays` does not extend it");
            }
        });

        it("through the versioned token spelling", async () => {
            expect((await runResourcePolicy(policy, table({ totalRetentionInDays: 30 }, "azure-native:operationalinsights/v20221001:Table"))).verdict).toBe("fail");
        });

        it("when the retention is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, table({ totalRetentionInDays: secret(123) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("123");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the total retention is unknown", async () => {
            const r = await runResourcePolicy(policy, table({ totalRetentionInDays: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("totalRetentionInDays");
        });

        it("passes a long total retention while the interactive one is unknown", async () => {
            expect((await runResourcePolicy(policy, table({ retentionInDays: UNKNOWN, totalRetentionInDays: 400 }))).verdict).toBe("pass");
        });

        it("cannot decide an unknown interactive retention without a total", async () => {
            expect((await runResourcePolicy(policy, table({ retentionInDays: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("accepts a shorter minimum", async () => {
            expect((await runResourcePolicy(policy, table({ totalRetentionInDays: 90 }), { minimumRetentionDays: 90 })).verdict).toBe("pass");
        });

        it("applies a longer minimum", async () => {
            expect((await runResourcePolicy(policy, table({ totalRetentionInDays: 730 }), { minimumRetentionDays: 2555 })).verdict).toBe("fail");
        });

        it("rejects a non-integer minimum and an unknown key, naming them", async () => {
            await expect(runResourcePolicy(policy, table({}), { minimumRetentionDays: 1.5 })).rejects.toThrow("config key 'minimumRetentionDays' must be an integer");
            await expect(runResourcePolicy(policy, table({}), { minDays: 30 })).rejects.toThrow("config key 'minDays'");
        });
    });
});
