import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-operationalinsights-workspace-configure-retention";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:operationalinsights:Workspace";
interface Workspace {
    retentionInDays?: unknown;
    sku?: unknown;
}
const base: Workspace = { sku: { name: "PerGB2018" }, retentionInDays: 365 };
const workspace = (props: Workspace, type = TYPE) => ({
    type,
    props: { resourceGroupName: "rg", location: "japaneast", ...base, ...props } as Record<string, unknown>,
});

describe("azure-operationalinsights-workspace-configure-retention", () => {
    describe("passes", () => {
        it.each([
            ["keeps data a year", { retentionInDays: 365 }],
            ["keeps data two years", { retentionInDays: 730 }],
            ["has no SKU block", { sku: undefined, retentionInDays: 400 }],
            ["uses a commitment tier in lower case", { sku: { name: "capacityreservation", capacityReservationLevel: 100 } }],
        ])("when it %s", async (_, props) => {
            expect((await runResourcePolicy(policy, workspace(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, workspace({ retentionInDays: 7 }, "azure-native:operationalinsights:Table"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when retentionInDays is not set (Azure keeps data 30 days)", async () => {
            const r = await runResourcePolicy(policy, workspace({ retentionInDays: undefined }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`retentionInDays` is not set, so the workspace keeps data 30 days");
        });

        it("when retention is shorter than 365 days", async () => {
            const r = await runResourcePolicy(policy, workspace({ retentionInDays: 90 }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`retentionInDays` is shorter than 365 days");
        });

        it("when the Free SKU caps retention at 7 days, whatever retentionInDays says", async () => {
            const r = await runResourcePolicy(policy, workspace({ sku: { name: "free" }, retentionInDays: 365 }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`sku.name` is Free");
        });

        it("through the versioned token spellings", async () => {
            for (const type of ["azure-native:operationalinsights/v20221001:Workspace", "azure-native_operationalinsights_v20230901:operationalinsights:Workspace"]) {
                expect((await runResourcePolicy(policy, workspace({ retentionInDays: 30 }, type))).verdict, type).toBe("fail");
            }
        });

        it("when the retention is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, workspace({ retentionInDays: secret(29) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("29");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while retentionInDays is unknown", async () => {
            const r = await runResourcePolicy(policy, workspace({ retentionInDays: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("retentionInDays");
        });

        it("still fails a Free workspace whose retention is unknown", async () => {
            expect((await runResourcePolicy(policy, workspace({ sku: { name: "Free" }, retentionInDays: UNKNOWN }))).verdict).toBe("fail");
        });

        it("still fails a short retention while the SKU is unknown", async () => {
            expect((await runResourcePolicy(policy, workspace({ sku: UNKNOWN, retentionInDays: 30 }))).verdict).toBe("fail");
        });

        it("cannot decide a long retention while the SKU is unknown", async () => {
            expect((await runResourcePolicy(policy, workspace({ sku: { name: UNKNOWN } }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("accepts a shorter minimum, down to the 30-day default", async () => {
            expect((await runResourcePolicy(policy, workspace({ retentionInDays: 90 }), { minimumRetentionDays: 90 })).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, workspace({ retentionInDays: undefined }), { minimumRetentionDays: 30 })).verdict).toBe("pass");
        });

        it("applies a longer minimum", async () => {
            expect((await runResourcePolicy(policy, workspace({ retentionInDays: 365 }), { minimumRetentionDays: 730 })).verdict).toBe("fail");
        });

        it("rejects a minimum beyond what a workspace can keep, naming the key", async () => {
            await expect(runResourcePolicy(policy, workspace({}), { minimumRetentionDays: 1000 })).rejects.toThrow("config key 'minimumRetentionDays' must be at most 730");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, workspace({}), { retention: 30 })).rejects.toThrow("config key 'retention'");
        });
    });
});
