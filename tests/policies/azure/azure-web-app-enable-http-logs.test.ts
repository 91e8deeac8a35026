import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-web-app-enable-http-logs";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const APP = "azure-native:web:WebApp";
const LOGS_CONFIG = "azure-native:web:WebAppDiagnosticLogsConfiguration";
const SETTING = "azure-native:monitor:DiagnosticSetting";
const WORKSPACE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs";
const app = (name: string, props: Record<string, unknown> = {}, type = APP): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", name, ...props } });
const setting = (name: string, target: string | undefined, logs: unknown, props: Record<string, unknown> = {}): StackResourceInput => ({
    type: SETTING,
    name,
    props: { resourceUri: UNKNOWN, workspaceId: WORKSPACE, logs, ...props },
    ...(target ? { propertyDependencies: { resourceUri: [target] } } : {}),
});
const logsConfig = (name: string, httpLogs: unknown, site: unknown = "web"): StackResourceInput => ({ type: LOGS_CONFIG, name, props: { resourceGroupName: "rg", name: site, httpLogs } });
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-web-app-enable-http-logs", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when a diagnostic setting keeps AppServiceHTTPLogs", async () => {
            expect((await runStackPolicy(policy, [app("web"), setting("diag", "web", [{ category: "AppServiceHTTPLogs", enabled: true }])])).verdict).toBe("pass");
        });

        it("when a diagnostic setting keeps the allLogs group", async () => {
            expect((await runStackPolicy(policy, [app("web"), setting("diag", "web", [{ categoryGroup: "allLogs", enabled: true }])])).verdict).toBe("pass");
        });

        it("when the site config turns HTTP logging on", async () => {
            expect((await runStackPolicy(policy, [app("web", { siteConfig: { httpLoggingEnabled: true } })])).verdict).toBe("pass");
        });

        it("when a WebAppDiagnosticLogsConfiguration sends HTTP logs to blob storage", async () => {
            expect((await runStackPolicy(policy, [app("web"), logsConfig("cfg", { azureBlobStorage: { enabled: true, retentionInDays: 90 } })])).verdict).toBe("pass");
        });

        it.each(versionedTokens(APP))("for the versioned token %s", async (type) => {
            expect((await runStackPolicy(policy, [app("web", { siteConfig: { httpLoggingEnabled: true } }, type)])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an app has no HTTP logging", async () => {
            const r = await runStackPolicy(policy, [app("web")]);
            expect(r.violating).toEqual(["web"]);
            expect(messages(r)).toContain("HTTP logging is off");
        });

        it("when the diagnostic setting keeps only console logs", async () => {
            const r = await runStackPolicy(policy, [app("web"), setting("diag", "web", [{ category: "AppServiceConsoleLogs", enabled: true }])]);
            expect(r.violating).toEqual(["web"]);
        });

        it("when the diagnostic setting only streams to an event hub", async () => {
            const r = await runStackPolicy(policy, [app("web"), setting("diag", "web", [{ category: "AppServiceHTTPLogs", enabled: true }], { workspaceId: undefined, eventHubAuthorizationRuleId: "/subscriptions/s/eh" })]);
            expect(r.violating).toEqual(["web"]);
        });

        it("when the logs configuration turns file-system HTTP logs off", async () => {
            const r = await runStackPolicy(policy, [app("web"), logsConfig("cfg", { fileSystem: { enabled: false } })]);
            expect(r.violating).toEqual(["web"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the site config flag is unknown", async () => {
            const r = await runStackPolicy(policy, [app("web", { siteConfig: { httpLoggingEnabled: UNKNOWN } })]);
            expect(r.verdict).toBe("unknown");
        });

        it("cannot decide while a diagnostic setting's resource is unknown", async () => {
            const r = await runStackPolicy(policy, [app("web"), setting("diag", undefined, [{ category: "AppServiceHTTPLogs", enabled: true }])]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [app("web")], { categories: [] })).rejects.toThrow("config key 'categories'");
        });
    });
});
