import { isAzureText } from "../core/azure";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-sql-server-auditing-policy-configure-retention",
    title: "SQL server audit logs in storage are kept at least 90 days",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A server auditing policy that writes to a storage account deletes audit records after `retentionDays`; 0 or " +
        "unset keeps them without limit. A number of days must be at least the configured minimum (default 90, the " +
        "built-in's \"90 days or higher\"; CIS 4.1.6 says \"greater than 90 days\": configure 91 for its letter). " +
        "Audit logs sent only to Log Analytics or an event hub are kept by that destination (see " +
        "azure-operationalinsights-workspace-configure-retention).",
    remediation: "Set `retentionDays` to 0 (unlimited) or at least the minimum, or leave it unset.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.1.6" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:sql:ServerBlobAuditingPolicy", "azure-native:sql:ExtendedServerBlobAuditingPolicy"],
    config: {
        minimumRetentionDays: { type: "integer", minimum: 1, default: 90, description: "The fewest days a storage-account audit log may be kept (0 = unlimited always passes)." },
    },
    catalogue: ["azure-log-sql-audit-retention"],
    examples: {
        pass: [
            { title: "unlimited retention", type: "azure-native:sql:ServerBlobAuditingPolicy", props: { resourceGroupName: "rg", serverName: "sql-app", state: "Enabled", storageEndpoint: "https://auditlogs.blob.core.windows.net/", retentionDays: 0 } },
            { title: "a year", type: "azure-native:sql:ExtendedServerBlobAuditingPolicy", props: { resourceGroupName: "rg", serverName: "sql-app", state: "Enabled", storageEndpoint: "https://auditlogs.blob.core.windows.net/", retentionDays: 365 } },
        ],
        fail: [{ title: "30 days", type: "azure-native:sql:ServerBlobAuditingPolicy", props: { resourceGroupName: "rg", serverName: "sql-app", state: "Enabled", storageEndpoint: "https://auditlogs.blob.core.windows.net/", retentionDays: 30 } }],
    },
    check(resource, config) {
        const props: PropsOf<"azure-native:sql:ServerBlobAuditingPolicy" | "azure-native:sql:ExtendedServerBlobAuditingPolicy"> = resource.props;
        const state = props.get("state");
        const storage = props.get("storageEndpoint");
        const days = props.get("retentionDays");
        // Retention applies to the storage destination of an enabled policy only.
        if (!state.isUnknown && !isAzureText(state, "Enabled")) return pass;
        if (!storage.isUnknown && !storage.isText()) return pass;
        if (days.isUnknown) return unknown(days);
        const n = days.number();
        if (days.isUnset || n === 0 || (n !== undefined && n >= config.minimumRetentionDays)) return pass;
        if (state.isUnknown || storage.isUnknown) return unknown(state, storage);
        if (n === undefined) return fail("`retentionDays` is not a number of days; set it to 0 (unlimited) or at least " + `${config.minimumRetentionDays}.`);
        return fail(`\`retentionDays\` keeps storage audit logs ${n} days, fewer than ${config.minimumRetentionDays}; set it to at least ${config.minimumRetentionDays}, or 0 for unlimited.`);
    },
});
