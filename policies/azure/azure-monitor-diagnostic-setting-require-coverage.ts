import { judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { azureIdKeys, resolveAzureId } from "../core/azure-ids";
import { defineStackPolicy, type Finding, type StackResource, type StackView } from "../core/policy";
import { Join } from "../core/stack";
import { canonicalType } from "../core/tokens";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";
const SUBSCRIPTION_DIAGNOSTIC_SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
const SUBSCRIPTION_ALIAS = "azure-native:subscription:Alias";

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
    examples: {
        pass: [
            {
                title: "a Key Vault with a diagnostic setting that keeps its audit logs",
                resources: [
                    { type: "azure-native:keyvault:Vault", name: "vault", props: { resourceGroupName: "rg", properties: { tenantId: "00000000-0000-0000-0000-000000000001" } } },
                    {
                        type: DIAGNOSTIC_SETTING,
                        name: "vault-logs",
                        props: { resourceUri: "(vault id)", workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs", logs: [{ categoryGroup: "audit", enabled: true }] },
                        propertyDependencies: { resourceUri: ["vault"] },
                    },
                ],
            },
        ],
        fail: [
            {
                title: "a Key Vault without a diagnostic setting",
                resources: [{ type: "azure-native:keyvault:Vault", name: "vault", props: { resourceGroupName: "rg", properties: { tenantId: "00000000-0000-0000-0000-000000000001" } } }],
            },
        ],
    },
    *check(stack, config) {
        const wanted = new Set(config.requireDiagnosticSettingFor.map(canonicalType));
        const byType = new Map<string, StackResource[]>();
        for (const r of stack.resources) {
            const t = canonicalType(r.type);
            if (!wanted.has(t)) continue;
            let list = byType.get(t);
            if (!list) byType.set(t, (list = []));
            list.push(stack.view(r));
        }
        const targets = [...wanted].flatMap((t) => byType.get(t) ?? []);
        if (targets.length) {
            const index = new Join(targets, azureIdKeys);
            const coverage = new Map<string, Verdict>(targets.map((t) => [t.urn, NOT_COVERED]));
            // Coverage only grows: a setting that keeps the logs wins over one that may, which wins over none.
            const raise = (urn: string, c: Verdict) => {
                const was = coverage.get(urn);
                if (was?.kind === "pass" || (was?.kind === "unknown" && c.kind === "fail")) return;
                coverage.set(urn, c);
            };
            // A setting whose `resourceUri` is unknown may point at any target: it can only make them "unknown" (raised
            // once below, not per setting and target, so that the policy stays linear in the stack's size).
            let unknownMayCover = false;
            for (const setting of stack.ofType(DIAGNOSTIC_SETTING)) {
                const ref = resolveAzureId(index, setting, "resourceUri");
                if (ref.kind === "none") continue;
                const keeps = judgeDiagnosticSetting(setting.props);
                const c = keeps.kind === "fail" ? NOT_COVERED : keeps.kind === "unknown" ? MAY_BE_COVERED : pass;
                if (ref.kind === "unknown") unknownMayCover ||= c !== NOT_COVERED;
                else for (const t of ref.targets) raise(t.urn, c);
            }
            for (const t of targets) {
                if (unknownMayCover) raise(t.urn, MAY_BE_COVERED);
                yield { urn: t.urn, verdict: coverage.get(t.urn) ?? NOT_COVERED };
            }
        }
        yield* checkActivityLog(stack, config.activityLogExport);
    },
});

const NOT_COVERED = fail(
    "has no diagnostic setting that keeps its logs: no DiagnosticSetting in this stack has a `resourceUri` referring to it with `workspaceId` or `storageAccountId` and an enabled log category; add one.",
);
const MAY_BE_COVERED = unknown("whether a diagnostic setting refers to it and keeps its logs (`resourceUri`, `logs`)");

function* checkActivityLog(stack: StackView, mode: string): Iterable<Finding> {
    const settings = stack.ofType(SUBSCRIPTION_DIAGNOSTIC_SETTING);
    const aliases = stack.ofType(SUBSCRIPTION_ALIAS);
    if (mode === "never" || (mode === "when-stack-creates-subscription" && !aliases.length)) return;
    const verdicts = settings.map((s) => judgeDiagnosticSetting(s.props));
    if (verdicts.some((v) => v.kind === "pass")) return;
    const pending = settings.find((_, i) => verdicts[i]?.kind === "unknown");
    const subjects = aliases.length ? aliases.map((a) => a.urn) : [""];
    for (const urn of subjects) {
        if (pending) {
            yield { urn: urn || pending.urn, verdict: unknown("whether the SubscriptionDiagnosticSetting keeps the activity log (`logs`)") };
        } else {
            yield {
                urn,
                verdict: fail(
                    "the stack has no SubscriptionDiagnosticSetting that keeps the subscription's activity log (with `workspaceId` or `storageAccountId` and an enabled log category); add one.",
                ),
            };
        }
    }
}
