import { enablesCategory, judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { azureIdKeys, resolveAzureId } from "../core/azure-ids";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const APP = "azure-native:web:WebApp";
const LOGS_CONFIG = "azure-native:web:WebAppDiagnosticLogsConfiguration";
const SETTING = "azure-native:monitor:DiagnosticSetting";

/** Whether a WebAppDiagnosticLogsConfiguration turns HTTP logging on (to the file system or to blob storage). */
function logsConfigVerdict(c: StackResource<typeof LOGS_CONFIG>): Verdict {
    const http = c.props.get("httpLogs");
    const fileSystem = http.get("fileSystem").get("enabled");
    const blob = http.get("azureBlobStorage").get("enabled");
    if (fileSystem.isTrue() || blob.isTrue()) return pass;
    if (fileSystem.isUnknown || blob.isUnknown) return unknown(fileSystem, blob);
    return fail("its WebAppDiagnosticLogsConfiguration turns no HTTP log on");
}

export default defineStackPolicy({
    name: "azure-web-app-enable-http-logs",
    title: "App Service apps log HTTP requests",
    cloud: "azure",
    control: "log-retention",
    severity: "low",
    description:
        "App Service does not record HTTP requests unless HTTP logging is on: `siteConfig.httpLoggingEnabled`, a " +
        "WebAppDiagnosticLogsConfiguration with `httpLogs.fileSystem` or `httpLogs.azureBlobStorage` enabled, or a " +
        "diagnostic setting on the app that keeps the AppServiceHTTPLogs category (or the allLogs group). Every web app " +
        "of the stack needs one. Advisory: CIS 5.1.6 is a level 2 recommendation, and the logs cost storage.",
    remediation:
        "Add an `azure-native:monitor:DiagnosticSetting` with `resourceUri: <app>.id`, a workspace, and `logs: [{ category: " +
        "\"AppServiceHTTPLogs\", enabled: true }]` (or set `siteConfig.httpLoggingEnabled: true`).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.6" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [APP, LOGS_CONFIG, SETTING],
    config: {},
    catalogue: ["azure-log-appservice-http"],
    examples: {
        pass: [
            {
                title: "an app whose diagnostic setting keeps AppServiceHTTPLogs",
                resources: [
                    { type: APP, name: "app", props: { resourceGroupName: "rg", name: "app-web" } },
                    {
                        type: SETTING,
                        name: "app-logs",
                        props: { resourceUri: "(app id)", workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ category: "AppServiceHTTPLogs", enabled: true }] },
                        propertyDependencies: { resourceUri: ["app"] },
                    },
                ],
            },
        ],
        fail: [{ title: "an app without HTTP logs", resources: [{ type: APP, name: "app", props: { resourceGroupName: "rg", name: "app-web" } }] }],
    },
    *check(stack) {
        const apps = stack.ofType(APP);
        if (!apps.length) return;
        const configs = new Companions(new Join(apps, (a) => texts(a.props.get("name"))), stack.ofType(LOGS_CONFIG), "name");
        const byId = new Join(apps, azureIdKeys);
        const settings = new Map<string, Verdict[]>();
        let unplaced = false;
        for (const s of stack.ofType(SETTING)) {
            const ref = resolveAzureId(byId, s, "resourceUri");
            if (ref.kind === "none") continue;
            const v = all([judgeDiagnosticSetting(s.props), enablesCategory(s.props, ["AppServiceHTTPLogs"], ["allLogs"], "no AppServiceHTTPLogs")]);
            if (ref.kind === "unknown") unplaced ||= v.kind !== "fail";
            else for (const a of ref.targets) settings.set(a.urn, [...(settings.get(a.urn) ?? []), v]);
        }
        for (const app of apps) {
            const flag = app.props.get("siteConfig").get("httpLoggingEnabled");
            const own = [...(settings.get(app.urn) ?? []), ...configs.of(app).map(logsConfigVerdict), flag.isTrue() ? pass : flag.isUnknown ? unknown(flag) : fail("")];
            let verdict: Verdict;
            if (own.some((v) => v.kind === "pass")) verdict = pass;
            else if (own.some((v) => v.kind === "unknown") || unplaced || configs.unresolved.length) verdict = unknown("whether HTTP logging is on for this app (`siteConfig.httpLoggingEnabled`, a WebAppDiagnosticLogsConfiguration, or a diagnostic setting with AppServiceHTTPLogs)");
            else {
                verdict = fail(
                    "HTTP logging is off: `siteConfig.httpLoggingEnabled` is not true, and no WebAppDiagnosticLogsConfiguration or diagnostic setting (with a workspace or storage account) of this stack keeps its HTTP logs; add a DiagnosticSetting with the AppServiceHTTPLogs category.",
                );
            }
            yield { urn: app.urn, verdict };
        }
    },
});
