import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { fail, pass, unknown } from "../core/verdict";

/** -1 (or no value) means "inherit": the table's retention from the workspace, total retention from the table's. */
function setDays(v: Value): number | "inherit" | "invalid" {
    const days = v.value;
    if (days === undefined || days === -1) return "inherit";
    return typeof days === "number" ? days : "invalid";
}

export default defineResourcePolicy({
    name: "azure-operationalinsights-table-configure-retention",
    title: "Log Analytics tables do not shorten log retention below the minimum",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A Log Analytics table that overrides its workspace's retention must keep data (interactive plus long-term " +
        "retention) at least the configured number of days. A table that inherits the workspace retention passes; the " +
        "workspace's own retention is checked by azure-operationalinsights-workspace-configure-retention.",
    remediation:
        "Set the table's `totalRetentionInDays` to at least the minimum (default 365; up to 4383) — the interactive " +
        "`retentionInDays` may stay short, data is kept in long-term retention — or set both to -1 to inherit the " +
        "workspace's retention.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:operationalinsights:Table"],
    config: {
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 4,
            maximum: 4383,
            description: "Shortest total retention, in days, that a table may keep data (-1 / unset inherits the workspace and passes).",
        },
    },
    examples: {
        pass: [
            { title: "a table that inherits the workspace's retention", type: "azure-native:operationalinsights:Table", props: { resourceGroupName: "rg", workspaceName: "logs", tableName: "AuditLogs_CL" } },
            { title: "a table that keeps data two years in total", type: "azure-native:operationalinsights:Table", props: { resourceGroupName: "rg", workspaceName: "logs", tableName: "AuditLogs_CL", retentionInDays: 30, totalRetentionInDays: 730 } },
        ],
        fail: [{ title: "a table that keeps data 30 days", type: "azure-native:operationalinsights:Table", props: { resourceGroupName: "rg", workspaceName: "logs", tableName: "AuditLogs_CL", retentionInDays: 30 } }],
    },
    check({ props }, config) {
        const min = config.minimumRetentionDays;
        // Total retention decides how long data is kept; it defaults to the table's interactive retention, which
        // defaults to the workspace's. So when a total is set, the interactive retention does not matter.
        const totalValue = props.get("totalRetentionInDays");
        if (totalValue.isUnknown) return unknown(totalValue);
        const total = setDays(totalValue);
        if (typeof total === "number") {
            return total < min ? fail(`\`totalRetentionInDays\` is shorter than ${min} days; set it to at least ${min} (or -1 to inherit).`) : pass;
        }
        if (total === "invalid") return fail(`\`totalRetentionInDays\` is not a number of days; set it to at least ${min} (or -1 to inherit).`);
        const interactiveValue = props.get("retentionInDays");
        if (interactiveValue.isUnknown) return unknown(interactiveValue);
        const interactive = setDays(interactiveValue);
        if (interactive === "inherit") return pass;
        if (interactive === "invalid" || interactive < min) {
            return fail(
                `\`retentionInDays\` is shorter than ${min} days and \`totalRetentionInDays\` does not extend it; set \`totalRetentionInDays\` to at least ${min} (or both to -1 to inherit the workspace's retention).`,
            );
        }
        return pass;
    },
});
