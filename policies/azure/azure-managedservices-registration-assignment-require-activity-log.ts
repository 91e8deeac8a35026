import { judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { REGISTRATION_ASSIGNMENT } from "../core/lighthouse";
import { defineStackPolicy } from "../core/policy-legacy";
import { type Props, isKnown, isObject, isTrue, knownItems, sameText } from "../core/values";

const SUBSCRIPTION_DIAGNOSTIC_SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";

type Keeps = "yes" | "no" | "unknown";

/** Whether one `logs` entry keeps the Administrative category (by name, or through the audit / allLogs groups). */
function entryKeepsAdministrative(entry: unknown): Keeps {
    if (!isObject(entry)) return "no";
    if (!isKnown(entry, "enabled") || !isKnown(entry, "category") || !isKnown(entry, "categoryGroup")) return "unknown";
    if (!isTrue(entry.enabled)) return "no";
    return sameText(entry.category, "Administrative") || sameText(entry.categoryGroup, "allLogs") || sameText(entry.categoryGroup, "audit") ? "yes" : "no";
}

/** Whether a SubscriptionDiagnosticSetting keeps the activity log's Administrative category in a workspace or storage account. */
function keepsAdministrative(props: Props): Keeps {
    const verdict = judgeDiagnosticSetting(props);
    if (verdict.problems.length) return "no";
    if (!isKnown(props, "logs")) return "unknown";
    const { items, anyUnknown } = knownItems(props.logs);
    const entries = items.map(entryKeepsAdministrative);
    if (entries.includes("yes")) return verdict.unknown ? "unknown" : "yes";
    return anyUnknown || entries.includes("unknown") ? "unknown" : "no";
}

export default defineStackPolicy({
    name: "azure-managedservices-registration-assignment-require-activity-log",
    title: "A stack that delegates to an MSP keeps the activity log that records the MSP's actions",
    cloud: "azure",
    control: "msp-delegation",
    severity: "medium",
    description:
        "Everything an MSP does through Azure Lighthouse — role activations, changes to resources — is recorded in the " +
        "customer subscription's activity log, which Azure keeps only 90 days. A stack with a Lighthouse registration " +
        "assignment must also have a SubscriptionDiagnosticSetting that keeps the `Administrative` category (or the " +
        "`audit` / `allLogs` group) in a Log Analytics workspace or storage account.",
    remediation:
        "Add an `azure-native:monitor:SubscriptionDiagnosticSetting` with `workspaceId: <workspace>.id` (a workspace kept at " +
        "least a year) and `logs: [{ category: \"Administrative\", enabled: true }, ...]`. If another stack exports the " +
        "subscription's activity log, verify it and set `assumeActivityLogExported`.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.15" },
        { framework: "iso27001", version: "2022", id: "A.5.22" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REGISTRATION_ASSIGNMENT, SUBSCRIPTION_DIAGNOSTIC_SETTING],
    config: {
        assumeActivityLogExported: {
            type: "boolean",
            default: false,
            description: "Trust that another stack exports the subscription's activity log (verified there) when this stack has no SubscriptionDiagnosticSetting that does.",
        },
    },
    check(stack, config, report) {
        const assignments = stack.ofType(REGISTRATION_ASSIGNMENT);
        if (!assignments.length || config.assumeActivityLogExported) return;
        const verdicts = stack.ofType(SUBSCRIPTION_DIAGNOSTIC_SETTING).map((s) => keepsAdministrative(s.props));
        if (verdicts.includes("yes")) return;
        const pending = verdicts.includes("unknown");
        for (const a of assignments) {
            if (pending) {
                report.cannotKnow(a.urn, "whether a SubscriptionDiagnosticSetting keeps the activity log's Administrative category (`workspaceId`, `storageAccountId`, `logs`)");
            } else {
                report.violation(
                    a.urn,
                    "delegates to an MSP, but no SubscriptionDiagnosticSetting in this stack keeps the activity log's `Administrative` category (where the MSP's actions are recorded) " +
                        "in a workspace or storage account; add one, or set `assumeActivityLogExported` when another stack exports it.",
                );
            }
        }
    },
});
