import { isAzureText } from "../core/azure";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
/** The activity-log categories CIS 5.1.2 asks for. */
const CATEGORIES = ["Administrative", "Alert", "Policy", "Security"] as const;

interface Capture {
    /** Categories the setting keeps (enabled, to a workspace or storage account). */
    readonly kept: ReadonlySet<string>;
    /** Whether an unknown value may add a category. */
    readonly undecided: boolean;
}

/** What one subscription diagnostic setting keeps of the four categories. */
function capture(setting: StackResource<typeof SETTING>): Capture {
    const props = setting.props;
    const workspace = props.get("workspaceId");
    const storage = props.get("storageAccountId");
    const retains = workspace.isUnknown || workspace.isText() || storage.isUnknown || storage.isText();
    const kept = new Set<string>();
    if (!retains) return { kept, undecided: false };
    const logs = props.get("logs");
    if (logs.isUnknown) return { kept, undecided: true };
    let undecided = false;
    for (const entry of logs.items()) {
        if (entry.isUnknown) {
            undecided = true;
            continue;
        }
        const enabled = entry.get("enabled");
        const category = entry.get("category");
        const group = entry.get("categoryGroup");
        if (enabled.isUnknown || category.isUnknown || group.isUnknown) {
            undecided = true;
            continue;
        }
        if (!enabled.isTrue()) continue;
        if (isAzureText(group, "allLogs")) CATEGORIES.forEach((c) => kept.add(c));
        for (const c of CATEGORIES) if (isAzureText(category, c)) kept.add(c);
    }
    return { kept, undecided };
}

export default defineStackPolicy({
    name: "azure-monitor-subscription-diagnostic-setting-require-activity-log-categories",
    title: "The activity log export keeps the Administrative, Alert, Policy and Security categories",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "The diagnostic settings that export a subscription's activity log must, between them, keep the Administrative, " +
        "Alert, Policy and Security categories (enabled, in a Log Analytics workspace or a storage account), so that " +
        "control-plane changes, alerts, policy decisions and Defender alerts are retained. A setting created without " +
        "categories exports nothing. Settings are grouped by the provider (subscription) they are created with; " +
        "`categoryGroup: allLogs` counts as every category.",
    remediation:
        "In a SubscriptionDiagnosticSetting with `workspaceId` or `storageAccountId`, enable `logs` entries with " +
        "`category` Administrative, Alert, Policy and Security (or `categoryGroup: \"allLogs\"`).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.2" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SETTING],
    config: {},
    catalogue: ["azure-log-activity-log-categories"],
    examples: {
        pass: [
            {
                title: "a setting that keeps the four categories in a workspace",
                resources: [
                    {
                        type: SETTING,
                        name: "activity",
                        props: {
                            workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs",
                            logs: CATEGORIES.map((category) => ({ category, enabled: true })),
                        },
                    },
                ],
            },
        ],
        fail: [
            {
                title: "a setting that keeps only Administrative",
                resources: [{ type: SETTING, name: "activity", props: { workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ category: "Administrative", enabled: true }] } }],
            },
        ],
    },
    *check(stack) {
        const groups = new Map<string, StackResource<typeof SETTING>[]>();
        for (const s of stack.ofType(SETTING)) {
            const key = s.provider?.urn ?? "";
            let list = groups.get(key);
            if (!list) groups.set(key, (list = []));
            list.push(s);
        }
        for (const settings of groups.values()) {
            const kept = new Set<string>();
            let undecided = false;
            for (const s of settings) {
                const c = capture(s);
                c.kept.forEach((k) => kept.add(k));
                undecided ||= c.undecided;
            }
            const missing = CATEGORIES.filter((c) => !kept.has(c));
            let verdict: Verdict = pass;
            if (missing.length && undecided) verdict = unknown("the `logs` (or destination) of a SubscriptionDiagnosticSetting");
            else if (missing.length) {
                verdict = fail(
                    `the subscription's activity-log diagnostic settings do not keep ${missing.join(", ")} (enabled, with \`workspaceId\` or \`storageAccountId\`); enable \`logs\` entries for ${missing.length === 1 ? "that category" : "those categories"}.`,
                );
            }
            for (const s of settings) yield { urn: s.urn, verdict };
        }
    },
});
