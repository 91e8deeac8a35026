import { enablesCategory, judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { azureIdKeys, resolveAzureId } from "../core/azure-ids";
import { defineStackPolicy, type Finding, type StackResource, type StackView } from "../core/policy";
import { Join } from "../core/stack";
import { canonicalType } from "../core/tokens";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";
const SUBSCRIPTION_DIAGNOSTIC_SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
const SUBSCRIPTION_ALIAS = "azure-native:subscription:Alias";
const VAULT = "azure-native:keyvault:Vault";

/**
 * The services whose resource logs the Azure Policy built-ins ask for ("Resource logs in ... should be enabled"), with
 * Key Vault (CIS 5.1.4): every resource of these types needs a diagnostic setting by default (CIS 5.4).
 */
const RESOURCE_LOG_TYPES = [
    VAULT,
    "azure-native:eventhub:Namespace",
    "azure-native:servicebus:Namespace",
    "azure-native:search:Service",
    "azure-native:containerservice:ManagedCluster",
    "azure-native:machinelearningservices:Workspace",
    "azure-native:databricks:Workspace",
    "azure-native:web:WebApp",
    "azure-native:cognitiveservices:Account",
];

const OWN_TYPES = [VAULT, DIAGNOSTIC_SETTING, SUBSCRIPTION_DIAGNOSTIC_SETTING, SUBSCRIPTION_ALIAS] as const;

export default defineStackPolicy({
    name: "azure-monitor-diagnostic-setting-require-coverage",
    title: "Key resources and the activity log have a diagnostic setting that keeps their logs",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "Every resource of the configured types in the stack (default: Key Vaults, Event Hubs and Service Bus namespaces, " +
        "AI Search services, AKS clusters, Machine Learning and Databricks workspaces, App Service apps and AI services " +
        "accounts — the services of the \"resource logs should be enabled\" built-ins) must have a diagnostic setting whose " +
        "`resourceUri` refers to it and that keeps its logs in a workspace or storage account (for a Key Vault, the " +
        "AuditEvent category or the audit / allLogs group); a stack that creates a " +
        "subscription (or, when configured, every stack) must also export the subscription's activity log.",
    remediation:
        "Add an `azure-native:monitor:DiagnosticSetting` with `resourceUri: <resource>.id`, `workspaceId` or " +
        "`storageAccountId`, and an enabled log category group (`audit` / `allLogs`); for the activity log add an " +
        "`azure-native:monitor:SubscriptionDiagnosticSetting` (with a provider for that subscription) likewise.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.4" },
        { framework: "cis-azure", version: "2.1.0", id: "5.1.1" },
        { framework: "cis-azure", version: "2.1.0", id: "5.4" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    // The activity-log export (CIS 5.1.1) is decided where a program can see it: in the stack that creates the
    // subscription (the default), or in every stack configured `always` (landing zones); another stack cannot see a
    // subscription's other stacks.
    catalogue: ["azure-log-keyvault", "azure-log-resource-logs", "azure-log-activity-log-export"],
    resourceTypes: OWN_TYPES,
    // the resources it judges are of the types its config names
    scope: (config) => ({ types: [...OWN_TYPES, ...config.requireDiagnosticSettingFor.map(canonicalType)] }),
    config: {
        requireDiagnosticSettingFor: {
            type: "array",
            items: { type: "string", pattern: "^azure-native[_:][A-Za-z0-9_:/]+$" },
            default: RESOURCE_LOG_TYPES,
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
                const c = coverageOf(keeps);
                // A Key Vault's setting must keep its audit events (CIS 5.1.4), not just any category.
                const audits = () => coverageOf(all([keeps, enablesCategory(setting.props, ["AuditEvent"], ["audit", "allLogs"], "no AuditEvent")]));
                if (ref.kind === "unknown") unknownMayCover ||= c !== NOT_COVERED;
                else for (const t of ref.targets) raise(t.urn, t.canonicalType === VAULT ? audits() : c);
            }
            for (const t of targets) {
                if (unknownMayCover) raise(t.urn, MAY_BE_COVERED);
                yield { urn: t.urn, verdict: coverage.get(t.urn) ?? NOT_COVERED };
            }
        }
        yield* checkActivityLog(stack, config.activityLogExport);
    },
});

function coverageOf(keeps: Verdict): Verdict {
    return keeps.kind === "fail" ? NOT_COVERED : keeps.kind === "unknown" ? MAY_BE_COVERED : pass;
}

const NOT_COVERED = fail(
    "has no diagnostic setting that keeps its logs: no DiagnosticSetting in this stack has a `resourceUri` referring to it with `workspaceId` or `storageAccountId` and an enabled log category (for a Key Vault: AuditEvent, or the audit or allLogs group); add one.",
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
