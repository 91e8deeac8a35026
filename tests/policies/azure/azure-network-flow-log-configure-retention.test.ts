import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-network-flow-log-configure-retention";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:network:FlowLog";
const base = {
    resourceGroupName: "NetworkWatcherRG",
    networkWatcherName: "NetworkWatcher_westeurope",
    storageId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flowlogs",
    targetResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet",
    enabled: true,
};
const flowLog = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-network-flow-log-configure-retention", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it.each([
            ["kept 90 days", { retentionPolicy: { enabled: true, days: 90 } }],
            ["kept forever (days 0)", { retentionPolicy: { enabled: true, days: 0 } }],
            ["without a retention policy (nothing is deleted)", {}],
            ["with a disabled retention policy", { retentionPolicy: { enabled: false, days: 7 } }],
        ])("when the flow log is %s", async (_, props) => {
            expect((await runResourcePolicy(policy, flowLog(props))).verdict).toBe("pass");
        });

        it.each(versionedTokens(TYPE))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, flowLog({ retentionPolicy: { enabled: true, days: 365 } }, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the flow log is kept 30 days", async () => {
            const r = await runResourcePolicy(policy, flowLog({ retentionPolicy: { enabled: true, days: 30 } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("30 days, fewer than 90");
        });

        it("when the enabled flag is the string true", async () => {
            expect((await runResourcePolicy(policy, flowLog({ retentionPolicy: { enabled: "true", days: 89 } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the days are unknown", async () => {
            const r = await runResourcePolicy(policy, flowLog({ retentionPolicy: { enabled: true, days: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("days");
        });

        it("cannot decide short days while the enabled flag is unknown", async () => {
            const r = await runResourcePolicy(policy, flowLog({ retentionPolicy: { enabled: UNKNOWN, days: 7 } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("enabled");
        });
    });

    describe("config", () => {
        it("applies a stricter minimumRetentionDays", async () => {
            const r = await runResourcePolicy(policy, flowLog({ retentionPolicy: { enabled: true, days: 180 } }), { minimumRetentionDays: 365 });
            expect(r.verdict).toBe("fail");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, flowLog({}), { days: 30 })).rejects.toThrow("config key 'days'");
        });
    });
});
