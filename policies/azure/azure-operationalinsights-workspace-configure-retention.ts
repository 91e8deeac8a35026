import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

/** What Azure applies when a workspace sets no `retentionInDays` (pay-as-you-go workspaces keep data 30 days). */
const DEFAULT_RETENTION_DAYS = 30;

export default defineResourcePolicy({
    name: "azure-operationalinsights-workspace-configure-retention",
    title: "Log Analytics workspaces keep logs for the minimum retention period",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A Log Analytics workspace must keep data at least the configured number of days, so that the evidence of an " +
        "incident is still there when it is investigated. A workspace that sets no `retentionInDays` keeps data " +
        `${DEFAULT_RETENTION_DAYS} days, which is too short.`,
    remediation:
        "Set `retentionInDays` to at least the minimum (default 365; workspaces accept up to 730 days of interactive " +
        "retention, tables can keep data longer with `totalRetentionInDays`). Do not use the Free SKU: it keeps data 7 days.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:operationalinsights:Workspace"],
    config: {
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 30,
            maximum: 730,
            description: "Shortest retention, in days, that a workspace may keep data (unset retention means 30 days).",
        },
    },
    examples: {
        pass: [{ title: "a workspace that keeps data a year", type: "azure-native:operationalinsights:Workspace", props: { sku: { name: "PerGB2018" }, retentionInDays: 365 } }],
        fail: [
            { title: "a workspace that leaves retention unset (30 days)", type: "azure-native:operationalinsights:Workspace", props: { sku: { name: "PerGB2018" } } },
            { title: "a Free workspace (7 days)", type: "azure-native:operationalinsights:Workspace", props: { sku: { name: "Free" }, retentionInDays: 365 } },
        ],
    },
    check({ props }, config) {
        const min = config.minimumRetentionDays;
        const free = "`sku.name` is Free, which keeps data only 7 days; use PerGB2018 (or a commitment tier) and set `retentionInDays`.";
        const sku = props.get("sku").get("name");
        if (!sku.isUnknown && isAzureText(sku, "Free")) return fail(free);
        const days = props.get("retentionInDays");
        if (days.isUnknown) return unknown(days);
        if (days.isUnset) {
            if (DEFAULT_RETENTION_DAYS < min) return fail(`\`retentionInDays\` is not set, so the workspace keeps data ${DEFAULT_RETENTION_DAYS} days; set it to at least ${min}.`);
        } else if (typeof days.value !== "number" || days.value < min) {
            return fail(`\`retentionInDays\` is shorter than ${min} days; set it to at least ${min}.`);
        }
        // Retention is long enough: the verdict now depends on the SKU.
        return sku.isUnknown ? unknown(sku) : pass;
    },
});
