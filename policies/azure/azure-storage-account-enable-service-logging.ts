import { enablesCategory, judgeDiagnosticSetting } from "../core/azure-diagnostics";
import { azureIdKeys, normalizeAzureId } from "../core/azure-ids";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { Join, texts } from "../core/stack";
import { canonicalType } from "../core/tokens";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const ACCOUNT = "azure-native:storage:StorageAccount";
const SETTING = "azure-native:monitor:DiagnosticSetting";
const SERVICE_TYPES = {
    "azure-native:storage:BlobServiceProperties": "blob",
    "azure-native:storage:QueueServiceProperties": "queue",
    "azure-native:storage:TableServiceProperties": "table",
} as const;
type ServiceToken = keyof typeof SERVICE_TYPES;
const SERVICES = ["blob", "queue", "table"] as const;
type Service = (typeof SERVICES)[number];
const CATEGORIES = ["StorageRead", "StorageWrite", "StorageDelete"] as const;

/** `<account id>/<service>Services/default` → the account id and the service, for a known resource URI. */
function parseServiceUri(uri: string): { readonly account: string; readonly name: string | undefined; readonly service: Service | undefined } | undefined {
    const m = /^(.*\/providers\/microsoft\.storage\/storageaccounts\/([^/]+))(?:\/(blob|queue|table|file)services(?:\/[^/]*)?)?\/?$/i.exec(uri.trim());
    if (!m || !m[1]) return undefined;
    const service = m[3]?.toLowerCase();
    return { account: normalizeAzureId(m[1]), name: m[2], service: SERVICES.find((s) => s === service) };
}

/** Whether one diagnostic setting keeps read, write and delete logs of a storage service. */
function settingVerdict(s: StackResource<typeof SETTING>): Verdict {
    return all([
        judgeDiagnosticSetting(s.props),
        ...CATEGORIES.map((c) => enablesCategory(s.props, [c], ["allLogs"], `no ${c}`)),
    ]);
}

export default defineStackPolicy({
    name: "azure-storage-account-enable-service-logging",
    title: "Storage accounts log blob, queue and table reads, writes and deletes",
    cloud: "azure",
    control: "log-retention",
    severity: "low",
    description:
        "Azure Storage records requests to a service only when a diagnostic setting on the service " +
        "(`<account id>/blobServices/default`, `/queueServices/default`, `/tableServices/default`) keeps the " +
        "StorageRead, StorageWrite and StorageDelete categories (or the allLogs group) in a workspace or storage account. " +
        "Every storage account of the stack needs one per configured service. Advisory: CIS 3.13 is level 2 and the logs " +
        "cost storage; accounts that never use a service can leave it out of `services`.",
    remediation:
        "Add an `azure-native:monitor:DiagnosticSetting` with `resourceUri: pulumi.interpolate`${account.id}/blobServices/default`` " +
        "(likewise queueServices and tableServices), a `workspaceId`, and `logs` with StorageRead, StorageWrite and StorageDelete enabled.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "3.5" },
        { framework: "cis-azure", version: "2.1.0", id: "3.13" },
        { framework: "cis-azure", version: "2.1.0", id: "3.14" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [ACCOUNT, SETTING, "azure-native:storage:BlobServiceProperties", "azure-native:storage:QueueServiceProperties", "azure-native:storage:TableServiceProperties"],
    config: {
        services: {
            type: "array",
            items: { type: "string", enum: [...SERVICES] },
            default: [...SERVICES],
            description: "The storage services whose requests each account must log (CIS 3.13 blob, 3.5 queue, 3.14 table).",
        },
    },
    catalogue: ["azure-log-storage-service-logging"],
    examples: {
        pass: [
            {
                title: "an account whose blob service logs reads, writes and deletes",
                resources: [
                    { type: ACCOUNT, name: "data", props: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data" } },
                    {
                        type: SETTING,
                        name: "blob-logs",
                        props: {
                            resourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data/blobServices/default",
                            workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs",
                            logs: [{ category: "StorageRead", enabled: true }, { category: "StorageWrite", enabled: true }, { category: "StorageDelete", enabled: true }],
                        },
                    },
                ],
                config: { services: ["blob"] },
            },
        ],
        fail: [{ title: "an account without service logging", resources: [{ type: ACCOUNT, name: "data", props: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } } }] }],
    },
    *check(stack, config) {
        const accounts = stack.ofType(ACCOUNT);
        if (!accounts.length) return;
        const wanted = SERVICES.filter((s) => config.services.includes(s));
        const byId = new Join(accounts, azureIdKeys);
        const byName = new Join(accounts, (a) => texts(a.props.get("accountName")));
        const serviceResources = new Map<string, { readonly service: Service; readonly accounts: readonly StackResource[]; readonly pending: boolean }>();
        for (const r of stack.ofType(...(Object.keys(SERVICE_TYPES) as ServiceToken[]))) {
            const ref = byName.resolve(r, "accountName");
            serviceResources.set(r.urn, { service: SERVICE_TYPES[r.canonicalType], accounts: ref.kind === "resources" ? ref.targets : [], pending: ref.kind === "unknown" });
        }
        /** Per account URN and service: the verdicts of the settings on it; service "any" when the URI is not known yet. */
        const found = new Map<string, Map<Service | "any", Verdict[]>>();
        const record = (account: StackResource, service: Service | "any", v: Verdict) => {
            let m = found.get(account.urn);
            if (!m) found.set(account.urn, (m = new Map()));
            m.set(service, [...(m.get(service) ?? []), v]);
        };
        let unplaced = false;
        for (const s of stack.ofType(SETTING)) {
            const uri = s.props.get("resourceUri");
            const deps = s.resource.propertyDependencies["resourceUri"] ?? [];
            const v = settingVerdict(s);
            const known = uri.isUnknown ? undefined : parseServiceUri(uri.text() ?? "");
            const viaService = deps.map((d) => serviceResources.get(d.urn)).filter((x) => x !== undefined);
            if (viaService.length) {
                for (const x of viaService) {
                    for (const a of x.accounts) record(a, x.service, v);
                    unplaced ||= x.pending && v.kind !== "fail";
                }
                continue;
            }
            const depAccounts = deps.filter((d) => canonicalType(d.type) === ACCOUNT).map((d) => stack.view(d));
            if (known) {
                const targets = depAccounts.length ? depAccounts : [...byId.lookup(known.account), ...(known.name ? byName.lookup(known.name) : [])];
                // A setting on the account itself (no service) logs no service requests.
                if (known.service) for (const a of targets) record(a, known.service, v);
            } else if (uri.isUnknown) {
                if (depAccounts.length) for (const a of depAccounts) record(a, "any", v);
                else if (!deps.length) unplaced ||= v.kind !== "fail";
            }
        }
        for (const account of accounts) {
            const m = found.get(account.urn);
            const missing: Service[] = [];
            let undecided = false;
            for (const service of wanted) {
                const own = m?.get(service) ?? [];
                if (own.some((v) => v.kind === "pass")) continue;
                if (own.some((v) => v.kind === "unknown") || (m?.get("any") ?? []).some((v) => v.kind !== "fail") || unplaced) undecided = true;
                else missing.push(service);
            }
            let verdict: Verdict = pass;
            if (missing.length) {
                verdict = fail(
                    `no diagnostic setting keeps the StorageRead, StorageWrite and StorageDelete logs of its ${missing.join(", ")} service${missing.length > 1 ? "s" : ""} (in a workspace or storage account); add one with \`resourceUri\` \`<account id>/${missing[0]}Services/default\`.`,
                );
            } else if (undecided) verdict = unknown("which storage service a diagnostic setting's `resourceUri` names, or its `logs`");
            yield { urn: account.urn, verdict };
        }
    },
});
