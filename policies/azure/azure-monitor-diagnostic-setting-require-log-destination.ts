import { DIAGNOSTIC_SETTING_TYPES, judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-monitor-diagnostic-setting-require-log-destination",
    title: "Diagnostic settings keep logs in a workspace or storage account",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A diagnostic setting (resource, subscription activity log, management group or Entra ID) must send at least one " +
        "enabled log category or category group to a destination that retains it: a Log Analytics workspace or a storage account. " +
        "Which categories the activity log export must keep (CIS 5.1.2) is azure-monitor-subscription-diagnostic-setting-require-activity-log-categories.",
    remediation:
        "Set `workspaceId` (a Log Analytics workspace with long enough retention) or `storageAccountId`, and enable at " +
        "least one entry of `logs` with a `category` or a `categoryGroup` (`audit` or `allLogs`).",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: DIAGNOSTIC_SETTING_TYPES,
    config: {},
    examples: {
        pass: [
            {
                title: "a setting that sends audit logs to a workspace",
                type: "azure-native:monitor:DiagnosticSetting",
                props: { resourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ categoryGroup: "audit", enabled: true }] },
            },
        ],
        fail: [
            {
                title: "a setting that only streams to an event hub",
                type: "azure-native:monitor:DiagnosticSetting",
                props: { resourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", eventHubAuthorizationRuleId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/authorizationRules/send", logs: [{ categoryGroup: "audit", enabled: true }] },
            },
            { title: "a setting with no enabled log category", type: "azure-native:monitor:SubscriptionDiagnosticSetting", props: { workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ category: "Administrative", enabled: false }] } },
        ],
    },
    check({ props }) {
        return judgeDiagnosticSetting(props);
    },
});
