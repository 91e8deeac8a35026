import { defineResourcePolicy } from "../core/policy-legacy";
import { isKnown, isObject, sameText } from "../core/values";

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
    check({ props }, config, report) {
        const min = config.minimumRetentionDays;
        const skuKnown = isKnown(props, "sku") && (!isObject(props.sku) || isKnown(props.sku, "name"));
        const sku = skuKnown && isObject(props.sku) ? props.sku.name : undefined;
        if (skuKnown && sameText(sku, "Free")) {
            report("`sku.name` is Free, which keeps data only 7 days; use PerGB2018 (or a commitment tier) and set `retentionInDays`.");
            return;
        }
        const days = props.retentionInDays;
        if (days === undefined || days === null) {
            if (DEFAULT_RETENTION_DAYS < min) {
                report(`\`retentionInDays\` is not set, so the workspace keeps data ${DEFAULT_RETENTION_DAYS} days; set it to at least ${min}.`);
                return;
            }
        } else if (typeof days !== "number" || days < min) {
            report(`\`retentionInDays\` is shorter than ${min} days; set it to at least ${min}.`);
            return;
        }
        // Retention is long enough: the verdict now depends on the SKU (reading an unknown one says "can't know").
        if (!skuKnown && isObject(props.sku) && sameText(props.sku.name, "Free")) {
            report("`sku.name` is Free, which keeps data only 7 days; use PerGB2018 (or a commitment tier) and set `retentionInDays`.");
        }
    },
});
