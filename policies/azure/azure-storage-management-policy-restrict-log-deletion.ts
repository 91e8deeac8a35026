import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { all, each, fail, pass, unknown, type Verdict } from "../core/verdict";

// Azure Monitor archives resource logs and the activity log to storage containers it names itself
// (`insights-logs-<category>`, `insights-activity-logs`). A lifecycle rule whose prefix reaches those containers and
// deletes base blobs sooner than the logs must be kept undoes the retention the diagnostic setting and the log-retention
// policies promise. Rules without a prefix (every container), or narrowed to tagged blobs (the logs carry no index
// tags), are not judged here: whether the account receives diagnostic logs at all is not in the rule.

const LOG_CONTAINERS = ["insights-logs-", "insights-activity-logs"] as const;

/** Whether a lifecycle `prefixMatch` entry (`container/blob-prefix`) reaches a diagnostic-log container. */
function reachesLogs(prefix: string): boolean {
    const p = prefix.trim().toLowerCase();
    return p !== "" && LOG_CONTAINERS.some((c) => c.startsWith(p) || p.startsWith(c));
}

const DELETE_AFTER = ["daysAfterModificationGreaterThan", "daysAfterCreationGreaterThan", "daysAfterLastAccessTimeGreaterThan"] as const;

function judgeRule(rule: Value, index: number, minimum: number): Verdict {
    const enabled = rule.get("enabled");
    if (enabled.isUnknown) return unknown(enabled);
    if (enabled.isFalse()) return pass;
    const definition = rule.get("definition");
    if (definition.isUnknown) return unknown(definition);
    const filters = definition.get("filters");
    if (filters.isUnknown) return unknown(filters);
    const tags = filters.get("blobIndexMatch");
    if (tags.isUnknown) return unknown(tags);
    if (tags.items().length) return pass;
    const prefixes = filters.get("prefixMatch");
    if (prefixes.isUnknown) return unknown(prefixes);
    const items = prefixes.items();
    const unknownPrefixes = items.filter((p) => p.isUnknown);
    const reaches = items.some((p) => reachesLogs(p.text() ?? ""));
    if (!reaches) return unknownPrefixes.length ? unknown(...unknownPrefixes) : pass;
    const actions = definition.get("actions");
    if (actions.isUnknown) return unknown(actions);
    const baseBlob = actions.get("baseBlob");
    if (baseBlob.isUnknown) return unknown(baseBlob);
    const del = baseBlob.get("delete");
    if (del.isUnknown) return unknown(del);
    return each(DELETE_AFTER, (key) => {
        const days = del.get(key);
        if (days.isUnknown) return unknown(days);
        const n = days.number();
        if (n === undefined || n >= minimum) return pass;
        return fail(
            `\`policy.rules[${index}].definition.actions.baseBlob.delete.${key}\` is ${n}, so the rule deletes diagnostic logs (its \`prefixMatch\` reaches the ` +
                `insights-logs-* / insights-activity-logs containers) before ${minimum} days; keep them at least ${minimum} days or leave those containers out of the rule.`,
        );
    });
}

export default defineResourcePolicy({
    name: "azure-storage-management-policy-restrict-log-deletion",
    title: "Storage lifecycle rules do not delete diagnostic logs before their retention",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A storage lifecycle rule (`azure-native:storage:ManagementPolicy`) whose `prefixMatch` reaches the containers " +
        "Azure Monitor archives logs to (`insights-logs-*`, `insights-activity-logs`) must not delete base blobs sooner " +
        "than the logs must be kept (default 90 days, as the flow-log and SQL-audit retention policies require). Rules " +
        "that are disabled, limited to tagged blobs, or reach no log container pass; a rule without any prefix (every " +
        "container) is not judged, since the rule alone does not say whether the account receives diagnostic logs.",
    remediation:
        "Raise `daysAfterModificationGreaterThan` / `daysAfterCreationGreaterThan` / `daysAfterLastAccessTimeGreaterThan` " +
        "of the rule's `baseBlob.delete` to at least the retention (or tier the logs to cool/archive instead of deleting " +
        "them), or remove the insights-* prefixes from the rule.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:ManagementPolicy"],
    config: {
        minimumRetentionDays: { type: "integer", minimum: 1, default: 90, description: "The fewest days a lifecycle rule may keep diagnostic logs before deleting them." },
    },
    examples: {
        pass: [
            {
                title: "diagnostic logs deleted after a year",
                type: "azure-native:storage:ManagementPolicy",
                props: {
                    accountName: "logs",
                    resourceGroupName: "rg",
                    policy: { rules: [{ name: "logs", type: "Lifecycle", definition: { filters: { blobTypes: ["appendBlob"], prefixMatch: ["insights-logs-"] }, actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 365 } } } } }] },
                },
            },
        ],
        fail: [
            {
                title: "diagnostic logs deleted after a week",
                type: "azure-native:storage:ManagementPolicy",
                props: {
                    accountName: "logs",
                    resourceGroupName: "rg",
                    policy: { rules: [{ name: "logs", type: "Lifecycle", definition: { filters: { blobTypes: ["appendBlob"], prefixMatch: ["insights-logs-"] }, actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 7 } } } } }] },
                },
            },
        ],
    },
    check({ props }, config) {
        const policy = props.get("policy");
        if (policy.isUnknown) return unknown(policy);
        const rules = policy.get("rules");
        if (rules.isUnknown) return unknown(rules);
        return all(rules.items().map((rule, i) => (rule.isUnknown ? unknown(rule) : judgeRule(rule as Value, i, config.minimumRetentionDays))));
    },
});
