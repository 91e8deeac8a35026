import type { PolicyResource } from "@pulumi/policy";
import { judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { azureIdKeys, resolveAzureId } from "../core/azure-ids";
import { defineStackPolicy } from "../core/policy-legacy";
import { JoinIndex } from "../core/stack";
import { canonicalType } from "../core/tokens";

const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";
const SUBSCRIPTION_DIAGNOSTIC_SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
const SUBSCRIPTION_ALIAS = "azure-native:subscription:Alias";

type Coverage = "covered" | "unknown" | "none";

export default defineStackPolicy({
    name: "azure-monitor-diagnostic-setting-require-coverage",
    title: "Key resources and the activity log have a diagnostic setting that keeps their logs",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "Every resource of the configured types in the stack (default: Key Vaults) must have a diagnostic setting whose " +
        "`resourceUri` refers to it and that keeps its logs in a workspace or storage account; a stack that creates a " +
        "subscription (or, when configured, every stack) must also export the subscription's activity log.",
    remediation:
        "Add an `azure-native:monitor:DiagnosticSetting` with `resourceUri: <resource>.id`, `workspaceId` or " +
        "`storageAccountId`, and an enabled log category group (`audit` / `allLogs`); for the activity log add an " +
        "`azure-native:monitor:SubscriptionDiagnosticSetting` (with a provider for that subscription) likewise.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.4" },
        { framework: "cis-azure", version: "2.1.0", id: "5.1.1" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:keyvault:Vault", DIAGNOSTIC_SETTING, SUBSCRIPTION_DIAGNOSTIC_SETTING, SUBSCRIPTION_ALIAS],
    config: {
        requireDiagnosticSettingFor: {
            type: "array",
            items: { type: "string", pattern: "^azure-native[_:][A-Za-z0-9_:/]+$" },
            default: ["azure-native:keyvault:Vault"],
            description: "Resource types (azure-native type tokens) each of whose resources needs its own diagnostic setting.",
        },
        activityLogExport: {
            type: "string",
            enum: ["when-stack-creates-subscription", "always", "never"],
            default: "when-stack-creates-subscription",
            description:
                "When the stack must contain a SubscriptionDiagnosticSetting that keeps the activity log: when it creates a subscription (azure-native:subscription:Alias, the default), always (landing-zone stacks), or never.",
        },
    },
    check(stack, config, report) {
        const types = [...new Set(config.requireDiagnosticSettingFor.map(canonicalType))];
        const targets = stack.ofType(...types);
        if (targets.length) {
            const index = new JoinIndex(targets, azureIdKeys);
            const coverage = new Map<string, Coverage>(targets.map((t) => [t.urn, "none"]));
            const raise = (urn: string, c: Coverage) => {
                const was = coverage.get(urn);
                if (was === "covered" || (was === "unknown" && c === "none")) return;
                coverage.set(urn, c);
            };
            // A setting whose `resourceUri` is unknown may point at any target: it can only make them "unknown" (raised
            // once below, not per setting and target, so that the policy stays linear in the stack's size).
            let unknownMayCover = false;
            for (const setting of stack.ofType(DIAGNOSTIC_SETTING)) {
                const ref = resolveAzureId(index, setting, "resourceUri");
                if (ref.kind === "none") continue;
                const verdict = judgeDiagnosticSetting(setting.props);
                const c: Coverage = verdict.problems.length ? "none" : verdict.unknown ? "unknown" : "covered";
                if (ref.kind === "unknown") unknownMayCover ||= c !== "none";
                else for (const t of ref.targets) raise(t.urn, c);
            }
            for (const t of targets) {
                if (unknownMayCover) raise(t.urn, "unknown");
                const c = coverage.get(t.urn);
                if (c === "unknown") report.cannotKnow(t.urn, "whether a diagnostic setting refers to it and keeps its logs (`resourceUri`, `logs`)");
                else if (c === "none") {
                    report.violation(
                        t.urn,
                        "has no diagnostic setting that keeps its logs: no DiagnosticSetting in this stack has a `resourceUri` referring to it with `workspaceId` or `storageAccountId` and an enabled log category; add one.",
                    );
                }
            }
        }
        checkActivityLog(stack.ofType(SUBSCRIPTION_DIAGNOSTIC_SETTING), stack.ofType(SUBSCRIPTION_ALIAS), config.activityLogExport, report);
    },
});

function checkActivityLog(
    settings: readonly PolicyResource[],
    aliases: readonly PolicyResource[],
    mode: string,
    report: { violation(urn: string, message: string): void; cannotKnow(urn: string, what: string): void },
): void {
    if (mode === "never" || (mode === "when-stack-creates-subscription" && !aliases.length)) return;
    const verdicts = settings.map((s) => judgeDiagnosticSetting(s.props));
    if (verdicts.some((v) => !v.problems.length && !v.unknown)) return;
    const pending = settings.find((_, i) => verdicts[i]?.unknown);
    const subjects = aliases.length ? aliases.map((a) => a.urn) : [""];
    for (const urn of subjects) {
        if (pending) {
            report.cannotKnow(urn || pending.urn, "whether the SubscriptionDiagnosticSetting keeps the activity log (`logs`)");
        } else {
            report.violation(
                urn,
                "the stack has no SubscriptionDiagnosticSetting that keeps the subscription's activity log (with `workspaceId` or `storageAccountId` and an enabled log category); add one.",
            );
        }
    }
}
