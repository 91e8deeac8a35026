// Azure log-retention: workspaces and tables that keep data too briefly, diagnostic settings that keep nothing (only
// stream it, or enable no log category), and resources no diagnostic setting covers — under the old `insights`
// module token, joined by property dependency or by a literal ARM id in another case.

import { type EvasionCase, omit } from "../model";
import { A, RG, armId, diagnosticSetting, vault, workspace } from "./azure-fixtures";

const WORKSPACE = "azure-operationalinsights-workspace-configure-retention";
const TABLE = "azure-operationalinsights-table-configure-retention";
const DESTINATION = "azure-monitor-diagnostic-setting-require-log-destination";
const COVERAGE = "azure-monitor-diagnostic-setting-require-coverage";

const base = { cloud: "azure", control: "log-retention" } as const;

const table = (name: string, inputs: Record<string, number>) => ({
    type: A.table,
    name,
    inputs: { resourceGroupName: RG, workspaceName: "logs", tableName: name, ...inputs },
    propertyDependencies: { workspaceName: ["logs"] },
});

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "azure-log-retention-workspace-retention-left-out",
        kind: "evasion",
        title: "workspace that leaves `retentionInDays` out (30 days)",
        stack: { resources: [{ ...workspace("logs"), inputs: omit(workspace("logs").inputs, "retentionInDays") }] },
        violations: [{ policy: WORKSPACE, resource: "logs" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-log-retention-workspace-free-sku-lower-case",
        kind: "evasion",
        title: "workspace on the `free` SKU (7 days), whatever `retentionInDays` says",
        stack: { resources: [workspace("logs", { sku: { name: "free" }, retentionInDays: 730 })] },
        violations: [{ policy: WORKSPACE, resource: "logs" }],
    },
    {
        ...base,
        id: "azure-log-retention-table-overrides-workspace",
        kind: "evasion",
        title: "a compliant workspace whose table keeps data 30 days (`totalRetentionInDays` overrides it)",
        stack: { resources: [workspace("logs"), table("AuditLogs_CL", { retentionInDays: 30, totalRetentionInDays: 30 })] },
        violations: [{ policy: TABLE, resource: "AuditLogs_CL" }],
    },
    {
        ...base,
        id: "azure-log-retention-table-total-inherits-short",
        kind: "evasion",
        title: "table with `totalRetentionInDays: -1` (inherit) on top of a 4-day interactive retention",
        stack: { resources: [workspace("logs"), table("SigninLogs_CL", { retentionInDays: 4, totalRetentionInDays: -1 })] },
        violations: [{ policy: TABLE, resource: "SigninLogs_CL" }],
    },
    {
        ...base,
        id: "azure-log-retention-insights-token-event-hub-only",
        kind: "evasion",
        title: "diagnostic setting under the old `insights` token that only streams to an event hub",
        stack: {
            resources: [
                vault("keys"),
                workspace("logs"),
                {
                    ...diagnosticSetting("keys-diagnostics", "keys", "logs", {}, A.diagnosticSettingInsights),
                    inputs: {
                        ...omit(diagnosticSetting("keys-diagnostics", "keys", "logs").inputs, "workspaceId"),
                        eventHubAuthorizationRuleId: armId("Microsoft.EventHub/namespaces/hub/authorizationRules", "send"),
                        eventHubName: "logs",
                    },
                    propertyDependencies: { resourceUri: ["keys"] },
                },
            ],
        },
        violations: [
            { policy: DESTINATION, resource: "keys-diagnostics" },
            { policy: COVERAGE, resource: "keys" },
        ],
        preview: true,
    },
    {
        ...base,
        id: "azure-log-retention-diagnostics-logs-disabled",
        kind: "evasion",
        title: "diagnostic setting whose only log entry is `enabled: \"false\"` (metrics only)",
        stack: {
            resources: [
                vault("keys"),
                workspace("logs"),
                diagnosticSetting("keys-diagnostics", "keys", "logs", { logs: [{ categoryGroup: "allLogs", enabled: "false" }], metrics: [{ category: "AllMetrics", enabled: true }] }),
            ],
        },
        violations: [
            { policy: DESTINATION, resource: "keys-diagnostics" },
            { policy: COVERAGE, resource: "keys" },
        ],
    },
    {
        ...base,
        id: "azure-log-retention-vault-setting-for-another-resource",
        kind: "evasion",
        title: "a Key Vault whose stack has a diagnostic setting — for a different vault",
        stack: { resources: [vault("keys"), vault("other"), workspace("logs"), diagnosticSetting("other-diagnostics", "other", "logs")] },
        violations: [{ policy: COVERAGE, resource: "keys" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "azure-log-retention-legit-insights-token-literal-id",
        kind: "legitimate",
        title: "vault covered by an `insights`-token setting that names it by a literal ARM id in another case (no dependency)",
        stack: {
            resources: [
                { ...vault("keys"), id: armId("Microsoft.KeyVault/vaults", "keys") },
                workspace("logs"),
                {
                    ...diagnosticSetting("keys-diagnostics", "keys", "logs", { resourceUri: armId("Microsoft.KeyVault/vaults", "keys").toUpperCase() + "/" }, A.diagnosticSettingInsights),
                    propertyDependencies: { workspaceId: ["logs"] },
                },
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "azure-log-retention-legit-inherit-and-long",
        kind: "legitimate",
        title: "tables that inherit (-1 / unset) or keep data long-term; a 730-day workspace; `enabled: \"true\"` as a string",
        stack: {
            resources: [
                workspace("logs", { retentionInDays: 730 }),
                table("Inherit_CL", { retentionInDays: -1, totalRetentionInDays: -1 }),
                table("Unset_CL", {}),
                table("Archive_CL", { retentionInDays: 30, totalRetentionInDays: 2556 }),
                vault("keys"),
                diagnosticSetting("keys-diagnostics", "keys", "logs", { logs: [{ category: "AuditEvent", enabled: "true" }] }),
            ],
        },
        silent: "control",
        preview: true,
    },
];
