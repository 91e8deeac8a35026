import { DIAGNOSTIC_SETTING_TYPES, judgeDiagnosticSetting, readLogsStrictly } from "../core/azure-diagnostics";
import { defineResourcePolicy } from "../core/policy-legacy";

export default defineResourcePolicy({
    name: "azure-monitor-diagnostic-setting-require-log-destination",
    title: "Diagnostic settings keep logs in a workspace or storage account",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A diagnostic setting (resource, subscription activity log, management group or Entra ID) must send at least one " +
        "enabled log category or category group to a destination that retains it: a Log Analytics workspace or a storage account.",
    remediation:
        "Set `workspaceId` (a Log Analytics workspace with long enough retention) or `storageAccountId`, and enable at " +
        "least one entry of `logs` with a `category` or a `categoryGroup` (`audit` or `allLogs`).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.2" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: DIAGNOSTIC_SETTING_TYPES,
    config: {},
    check({ props }, _config, report) {
        const verdict = judgeDiagnosticSetting(props);
        for (const problem of verdict.problems) report(problem);
        if (verdict.unknown) readLogsStrictly(props);
    },
});
