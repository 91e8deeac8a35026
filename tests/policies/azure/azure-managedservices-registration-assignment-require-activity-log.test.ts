import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-managedservices-registration-assignment-require-activity-log";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";
import { ASSIGNMENT, RG_SCOPE, SUB_SCOPE } from "../../lighthouse";

const SUB_DIAG = "azure-native:monitor:SubscriptionDiagnosticSetting";
const WS = `${SUB_SCOPE}/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit`;

const assignment = (name = "delegation", type = ASSIGNMENT): StackResourceInput => ({ type, name, props: { scope: RG_SCOPE, properties: { registrationDefinitionId: UNKNOWN } } });
const activityLog = (props: Record<string, unknown> = {}, name = "activityLog", type = SUB_DIAG): StackResourceInput => ({
    type,
    name,
    props: { workspaceId: WS, logs: [{ category: "Administrative", enabled: true }, { category: "Security", enabled: true }], ...props },
});

describe("azure-managedservices-registration-assignment-require-activity-log", () => {
    describe("passes", () => {
        it("when the stack keeps the Administrative category in a workspace", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog()])).verdict).toBe("pass");
        });

        it.each([
            ["the allLogs group", { categoryGroup: "allLogs", enabled: true }],
            ["the audit group", { categoryGroup: "audit", enabled: true }],
            ["a category in another case", { category: "administrative", enabled: "true" }],
        ])("when it keeps %s", async (_, entry) => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ logs: [entry] })])).verdict).toBe("pass");
        });

        it("when the logs go to a storage account", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ workspaceId: undefined, storageAccountId: `${SUB_SCOPE}/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/audit` })])).verdict).toBe("pass");
        });

        it("when the workspace is created in this stack (its id unknown during preview)", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ workspaceId: UNKNOWN })])).verdict).toBe("pass");
        });

        it("when one of several settings keeps it, another being unknown", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ logs: UNKNOWN }, "pending"), activityLog()])).verdict).toBe("pass");
        });

        it("for a stack without registration assignments", async () => {
            expect((await runStackPolicy(policy, [activityLog({ logs: [] })])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when no setting exports the activity log, on every assignment", async () => {
            const r = await runStackPolicy(policy, [assignment("a"), assignment("b")]);
            expect(r.violating).toEqual(["a", "b"]);
            expect(r.diagnostics[0]?.message).toContain("no SubscriptionDiagnosticSetting in this stack keeps the activity log's `Administrative` category");
        });

        it("when the setting leaves out the Administrative category", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ logs: [{ category: "ServiceHealth", enabled: true }] })])).violating).toEqual(["delegation"]);
        });

        it("when the Administrative category is disabled", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ logs: [{ category: "Administrative", enabled: false }] })])).violating).toEqual(["delegation"]);
        });

        it("when the setting only streams to an event hub", async () => {
            const r = await runStackPolicy(policy, [assignment(), activityLog({ workspaceId: undefined, eventHubName: "siem" })]);
            expect(r.violating).toEqual(["delegation"]);
        });

        it("through the versioned and renamed token spellings", async () => {
            for (const type of versionedTokens(ASSIGNMENT, "v20221001")) {
                expect((await runStackPolicy(policy, [assignment("delegation", type)])).violating, type).toEqual(["delegation"]);
            }
            const insights = activityLog({}, "activityLog", "azure-native:insights:SubscriptionDiagnosticSetting");
            expect((await runStackPolicy(policy, [assignment(), insights])).verdict).toBe("pass");
        });

        it("without printing a secret destination", async () => {
            const r = await runStackPolicy(policy, [assignment(), activityLog({ workspaceId: secret(WS), logs: [{ category: "Policy", enabled: true }] })]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain(WS);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the only setting's logs are unknown", async () => {
            const r = await runStackPolicy(policy, [assignment(), activityLog({ logs: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics).toEqual([expect.objectContaining({ resource: "delegation", kind: "unknown", enforcementLevel: "advisory" })]);
        });

        it("cannot decide while a log entry's category is unknown", async () => {
            expect((await runStackPolicy(policy, [assignment(), activityLog({ logs: [{ category: UNKNOWN, enabled: true }] })])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("trusts another stack's export when assumeActivityLogExported is set", async () => {
            expect((await runStackPolicy(policy, [assignment()], { assumeActivityLogExported: true })).verdict).toBe("pass");
        });

        it("rejects a non-boolean and an unknown key, naming them", async () => {
            await expect(runStackPolicy(policy, [], { assumeActivityLogExported: "yes" })).rejects.toThrow("config key 'assumeActivityLogExported' must be a boolean");
            await expect(runStackPolicy(policy, [], { categories: [] })).rejects.toThrow("config key 'categories'");
        });
    });
});
