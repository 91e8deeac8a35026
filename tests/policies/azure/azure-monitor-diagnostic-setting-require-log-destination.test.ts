import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-monitor-diagnostic-setting-require-log-destination";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:monitor:DiagnosticSetting";
const WS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws";
const SA = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa";
interface Setting {
    workspaceId?: unknown;
    storageAccountId?: unknown;
    eventHubAuthorizationRuleId?: unknown;
    logs?: unknown;
    resourceUri?: unknown;
}
const base: Setting = { resourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", workspaceId: WS, logs: [{ categoryGroup: "audit", enabled: true }] };
const setting = (props: Setting, type = TYPE) => ({ type, props: { ...base, ...props } as Record<string, unknown> });

describe("azure-monitor-diagnostic-setting-require-log-destination", () => {
    describe("passes", () => {
        it.each([
            ["sends an audit category group to a workspace", {}],
            ["sends a category to a storage account", { workspaceId: undefined, storageAccountId: SA, logs: [{ category: "AuditEvent", enabled: true }] }],
            ["enables one of several entries", { logs: [{ category: "AuditEvent", enabled: false }, { categoryGroup: "allLogs", enabled: "true" }] }],
            ["sends to a workspace whose id is not known yet", { workspaceId: UNKNOWN }],
        ])("when it %s", async (_, props) => {
            expect((await runResourcePolicy(policy, setting(props))).verdict).toBe("pass");
        });

        it.each([
            ["the subscription activity log", "azure-native:monitor:SubscriptionDiagnosticSetting"],
            ["a management group", "azure-native:monitor:ManagementGroupDiagnosticSetting"],
            ["Entra ID", "azure-native:aadiam:DiagnosticSetting"],
        ])("for %s", async (_, type) => {
            expect((await runResourcePolicy(policy, setting({ resourceUri: undefined, logs: [{ category: "Administrative", enabled: true }] }, type))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, setting({ workspaceId: undefined }, "azure-native:keyvault:Vault"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the logs only go to an event hub", async () => {
            const r = await runResourcePolicy(policy, setting({ workspaceId: undefined, eventHubAuthorizationRuleId: "/x/authorizationRules/r" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("neither `workspaceId` nor `storageAccountId` is set");
        });

        it.each([
            ["no logs at all (metrics only)", undefined],
            ["only disabled entries", [{ categoryGroup: "allLogs", enabled: false }]],
            ["an enabled entry without a category", [{ enabled: true }]],
            ["an empty list", []],
        ])("when it has %s", async (_, logs) => {
            const r = await runResourcePolicy(policy, setting({ logs }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("no entry of `logs` is enabled");
        });

        it("reports both problems at once", async () => {
            const r = await runResourcePolicy(policy, setting({ workspaceId: "", logs: [] }));
            expect(r.messages).toHaveLength(2);
        });

        it("through the insights (v2) module spellings", async () => {
            for (const type of ["azure-native:insights:DiagnosticSetting", "azure-native:insights/v20210501preview:DiagnosticSetting", "azure-native:insights:SubscriptionDiagnosticSetting"]) {
                expect((await runResourcePolicy(policy, setting({ workspaceId: undefined }, type))).verdict, type).toBe("fail");
            }
        });

        it("when the destination is a secret empty string, without printing values", async () => {
            const r = await runResourcePolicy(policy, setting({ workspaceId: secret(""), resourceUri: secret("/subscriptions/secret-sub") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("secret-sub");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while logs are unknown", async () => {
            const r = await runResourcePolicy(policy, setting({ logs: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("logs");
        });

        it("cannot decide while the only entry's enabled flag is unknown", async () => {
            expect((await runResourcePolicy(policy, setting({ logs: [{ categoryGroup: "audit", enabled: UNKNOWN }] }))).verdict).toBe("unknown");
        });

        // Found while triaging a fuzz finding (tests/fuzz): a single `logs` entry (not a list) whose enabled flag is
        // unknown passed, because the unknown was never read.
        it("cannot decide while the enabled flag of a single logs entry (not a list) is unknown", async () => {
            const r = await runResourcePolicy(policy, setting({ logs: { categoryGroup: "audit", enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".logs.enabled");
        });

        it("passes when another entry is enabled", async () => {
            expect((await runResourcePolicy(policy, setting({ logs: [UNKNOWN, { category: "AuditEvent", enabled: true }] }))).verdict).toBe("pass");
        });

        it("still fails a setting without a destination while its logs are unknown", async () => {
            expect((await runResourcePolicy(policy, setting({ workspaceId: undefined, logs: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("takes no settings: the pack config rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, setting({}), { destinations: ["workspace"] })).rejects.toThrow("config key 'destinations' is not a setting of this policy (it takes none)");
        });
    });
});
