import { defineResourcePolicy } from "../core/policy-legacy";

/** -1 (or no value) means "inherit": the table's retention from the workspace, total retention from the table's. */
function setDays(v: unknown): number | "inherit" | "invalid" {
    if (v === undefined || v === null || v === -1) return "inherit";
    return typeof v === "number" ? v : "invalid";
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
    check({ props }, config, report) {
        const min = config.minimumRetentionDays;
        // Total retention decides how long data is kept; it defaults to the table's interactive retention, which
        // defaults to the workspace's. So when a total is set, the interactive retention does not matter.
        const total = setDays(props.totalRetentionInDays);
        if (typeof total === "number") {
            if (total < min) report(`\`totalRetentionInDays\` is shorter than ${min} days; set it to at least ${min} (or -1 to inherit).`);
            return;
        }
        if (total === "invalid") {
            report(`\`totalRetentionInDays\` is not a number of days; set it to at least ${min} (or -1 to inherit).`);
            return;
        }
        const interactive = setDays(props.retentionInDays);
        if (interactive === "inherit") return;
        if (interactive === "invalid" || interactive < min) {
            report(
                `\`retentionInDays\` is shorter than ${min} days and \`totalRetentionInDays\` does not extend it; set \`totalRetentionInDays\` to at least ${min} (or both to -1 to inherit the workspace's retention).`,
            );
        }
    },
});
