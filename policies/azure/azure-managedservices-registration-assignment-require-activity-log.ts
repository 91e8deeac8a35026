import { isAzureText, isObjectValue } from "../core/azure";
import { type DiagnosticLogEntry, type DiagnosticSettingProps, judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { REGISTRATION_ASSIGNMENT } from "../core/lighthouse";
import { defineStackPolicy } from "../core/policy";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const SUBSCRIPTION_DIAGNOSTIC_SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";

/** A setting's verdict "keeps the Administrative category" when it does not (never shown: the assignment's message is). */
const DOES_NOT_KEEP = fail("does not keep the Administrative category");

/** Whether one `logs` entry keeps the Administrative category (by name, or through the audit / allLogs groups). */
function entryKeepsAdministrative(entry: DiagnosticLogEntry): Verdict {
    if (!isObjectValue(entry)) return DOES_NOT_KEEP;
    const enabled = entry.get("enabled");
    const category = entry.get("category");
    const group = entry.get("categoryGroup");
    if (enabled.isUnknown || category.isUnknown || group.isUnknown) return unknown(enabled, category, group);
    if (!enabled.isTrue()) return DOES_NOT_KEEP;
    return isAzureText(category, "Administrative") || isAzureText(group, "allLogs", "audit") ? pass : DOES_NOT_KEEP;
}

/** Whether a SubscriptionDiagnosticSetting keeps the activity log's Administrative category in a workspace or storage account. */
function keepsAdministrative(props: DiagnosticSettingProps): Verdict {
    const keepsLogs = judgeDiagnosticSetting(props);
    if (keepsLogs.kind === "fail") return DOES_NOT_KEEP;
    const logs = props.get("logs");
    if (logs.isUnknown) return unknown(logs);
    const entries = logs.items().map((e) => (e.isUnknown ? unknown(e) : entryKeepsAdministrative(e)));
    if (entries.some((e) => e.kind === "pass")) return keepsLogs;
    return entries.find((e) => e.kind === "unknown") ?? DOES_NOT_KEEP;
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
    examples: {
        pass: [
            {
                title: "a delegation and a SubscriptionDiagnosticSetting that keeps the Administrative category",
                resources: [
                    { type: REGISTRATION_ASSIGNMENT, name: "msp", props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { registrationDefinitionId: "/providers/Microsoft.ManagedServices/registrationDefinitions/d" } } },
                    {
                        type: SUBSCRIPTION_DIAGNOSTIC_SETTING,
                        name: "activity-log",
                        props: { workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ category: "Administrative", enabled: true }] },
                    },
                ],
            },
        ],
        fail: [
            {
                title: "a delegation without an activity-log export",
                resources: [{ type: REGISTRATION_ASSIGNMENT, name: "msp", props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { registrationDefinitionId: "/providers/Microsoft.ManagedServices/registrationDefinitions/d" } } }],
            },
        ],
    },
    *check(stack, config) {
        const assignments = stack.ofType(REGISTRATION_ASSIGNMENT);
        if (!assignments.length || config.assumeActivityLogExported) return;
        const verdicts = stack.ofType(SUBSCRIPTION_DIAGNOSTIC_SETTING).map((s) => keepsAdministrative(s.props));
        if (verdicts.some((v) => v.kind === "pass")) return;
        const verdict = verdicts.some((v) => v.kind === "unknown")
            ? unknown("whether a SubscriptionDiagnosticSetting keeps the activity log's Administrative category (`workspaceId`, `storageAccountId`, `logs`)")
            : fail(
                  "delegates to an MSP, but no SubscriptionDiagnosticSetting in this stack keeps the activity log's `Administrative` category (where the MSP's actions are recorded) " +
                      "in a workspace or storage account; add one, or set `assumeActivityLogExported` when another stack exports it.",
              );
        for (const a of assignments) yield { urn: a.urn, verdict };
    },
});
