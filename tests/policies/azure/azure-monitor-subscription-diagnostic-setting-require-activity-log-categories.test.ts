import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-monitor-subscription-diagnostic-setting-require-activity-log-categories";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
const WORKSPACE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs";
const FOUR = ["Administrative", "Alert", "Policy", "Security"];
const logs = (...categories: string[]) => categories.map((category) => ({ category, enabled: true }));
const setting = (name: string, props: Record<string, unknown>, extra: Partial<StackResourceInput> = {}): StackResourceInput => ({
    type: SETTING,
    name,
    props: { workspaceId: WORKSPACE, ...props },
    ...extra,
});

describe("azure-monitor-subscription-diagnostic-setting-require-activity-log-categories", () => {
    it("is mandatory by default", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
    });

    describe("passes", () => {
        it("when one setting keeps the four categories", async () => {
            expect((await runStackPolicy(policy, [setting("a", { logs: logs(...FOUR) })])).verdict).toBe("pass");
        });

        it("when two settings keep two categories each", async () => {
            const r = await runStackPolicy(policy, [setting("a", { logs: logs("Administrative", "Security") }), setting("b", { storageAccountId: "/subscriptions/s/x", workspaceId: undefined, logs: logs("alert", "policy") })]);
            expect(r.verdict).toBe("pass");
        });

        it("when the setting keeps the allLogs category group", async () => {
            expect((await runStackPolicy(policy, [setting("a", { logs: [{ categoryGroup: "allLogs", enabled: true }] })])).verdict).toBe("pass");
        });

        it("when the workspace id is not known yet (a new workspace)", async () => {
            expect((await runStackPolicy(policy, [setting("a", { workspaceId: UNKNOWN, logs: logs(...FOUR) })])).verdict).toBe("pass");
        });

        it.each(versionedTokens(SETTING))("for the versioned token %s", async (type) => {
            expect((await runStackPolicy(policy, [{ ...setting("a", { logs: logs(...FOUR) }), type }])).verdict).toBe("pass");
        });

        it("when the stack has no subscription diagnostic setting", async () => {
            expect((await runStackPolicy(policy, [])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when Alert and Policy are missing, naming them", async () => {
            const r = await runStackPolicy(policy, [setting("a", { logs: logs("Administrative", "Security") })]);
            expect(r.violating).toEqual(["a"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("do not keep Alert, Policy");
        });

        it("when a category is listed but disabled", async () => {
            const r = await runStackPolicy(policy, [setting("a", { logs: [...logs("Administrative", "Alert", "Policy"), { category: "Security", enabled: false }] })]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("do not keep Security");
        });

        it("when the categories go only to an event hub (not retained)", async () => {
            const r = await runStackPolicy(policy, [setting("a", { workspaceId: undefined, eventHubAuthorizationRuleId: "/subscriptions/s/eh", logs: logs(...FOUR) })]);
            expect(r.violating).toEqual(["a"]);
        });

        it("when the setting of another subscription keeps the rest", async () => {
            const r = await runStackPolicy(policy, [
                setting("a", { logs: logs("Administrative", "Security") }),
                setting("b", { logs: logs("Alert", "Policy") }, { provider: { type: "pulumi:providers:azure-native", name: "other-sub", props: { subscriptionId: "2" } } }),
            ]);
            expect([...r.violating].sort()).toEqual(["a", "b"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the logs are unknown", async () => {
            const r = await runStackPolicy(policy, [setting("a", { logs: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`logs`");
        });

        it("cannot decide while an entry's enabled flag is unknown", async () => {
            const r = await runStackPolicy(policy, [setting("a", { logs: [...logs("Administrative", "Alert", "Policy"), { category: "Security", enabled: UNKNOWN }] })]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [setting("a", { logs: logs(...FOUR) })], { categories: ["Administrative"] })).rejects.toThrow("config key 'categories'");
        });
    });
});
