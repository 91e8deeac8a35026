import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-monitor-diagnostic-setting-require-coverage";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const VAULT = "azure-native:keyvault:Vault";
const DIAG = "azure-native:monitor:DiagnosticSetting";
const SUB_DIAG = "azure-native:monitor:SubscriptionDiagnosticSetting";
const KV_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1";
const WS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws";

const vault = (name = "kv1", props: Record<string, unknown> = {}): StackResourceInput => ({
    type: VAULT,
    name,
    props: { resourceGroupName: "rg", location: "japaneast", properties: { tenantId: "t", sku: { name: "standard", family: "A" } }, ...props },
});
const diag = (target: string | undefined, props: Record<string, unknown> = {}, name = `${target ?? "x"}Diag`, type = DIAG): StackResourceInput => ({
    type,
    name,
    props: { resourceUri: UNKNOWN, workspaceId: WS, logs: [{ categoryGroup: "audit", enabled: true }], ...props },
    ...(target ? { propertyDependencies: { resourceUri: [target] } } : {}),
});
const activityLog = (props: Record<string, unknown> = {}): StackResourceInput => ({
    type: SUB_DIAG,
    name: "activityLog",
    props: { workspaceId: WS, logs: [{ category: "Administrative", enabled: true }, { category: "Security", enabled: true }], ...props },
});
const alias = (): StackResourceInput => ({ type: "azure-native:subscription:Alias", name: "newSub", props: { aliasName: "app-prod", properties: { workload: "Production" } } });

describe("azure-monitor-diagnostic-setting-require-coverage", () => {
    describe("passes", () => {
        it("when a vault's setting keeps the AuditEvent category", async () => {
            const r = await runStackPolicy(policy, [vault("kv1"), diag("kv1", { logs: [{ category: "AuditEvent", enabled: true }] })]);
            expect(r.verdict).toBe("pass");
        });

        it("when an AKS cluster (a built-in's service) has a setting that keeps any log category", async () => {
            const aks: StackResourceInput = { type: "azure-native:containerservice:ManagedCluster", name: "aks", props: { resourceGroupName: "rg", dnsPrefix: "app" } };
            const r = await runStackPolicy(policy, [aks, diag("aks", { logs: [{ category: "kube-audit", enabled: true }] })]);
            expect(r.verdict).toBe("pass");
        });
        it("when every Key Vault has a diagnostic setting built from its id", async () => {
            const r = await runStackPolicy(policy, [vault("kv1"), vault("kv2"), diag("kv1"), diag("kv2")]);
            expect(r.verdict).toBe("pass");
        });

        it("when the setting names the vault by its literal id, in another case", async () => {
            const r = await runStackPolicy(policy, [vault("kv1", { id: KV_ID }), diag(undefined, { resourceUri: `${KV_ID.toUpperCase()}/` })]);
            expect(r.verdict).toBe("pass");
        });

        it("when one of several settings for the vault keeps its logs", async () => {
            const r = await runStackPolicy(policy, [vault(), diag("kv1", { workspaceId: undefined }, "streamOnly"), diag("kv1")]);
            expect(r.verdict).toBe("pass");
        });

        it("for a stack without Key Vaults or subscriptions", async () => {
            expect((await runStackPolicy(policy, [diag(undefined, { resourceUri: WS })])).verdict).toBe("pass");
        });

        it("when a stack that creates a subscription exports its activity log", async () => {
            expect((await runStackPolicy(policy, [alias(), activityLog()])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a vault's only setting keeps a category other than AuditEvent (CIS 5.1.4)", async () => {
            const r = await runStackPolicy(policy, [vault("kv1"), diag("kv1", { logs: [{ category: "AzurePolicyEvaluationDetails", enabled: true }] })]);
            expect(r.violating).toEqual(["kv1"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("AuditEvent");
        });

        it.each([
            ["azure-native:eventhub:Namespace", { resourceGroupName: "rg" }],
            ["azure-native:servicebus:Namespace", { resourceGroupName: "rg" }],
            ["azure-native:search:Service", { resourceGroupName: "rg" }],
            ["azure-native:containerservice:ManagedCluster", { resourceGroupName: "rg" }],
            ["azure-native:machinelearningservices:Workspace", { resourceGroupName: "rg" }],
            ["azure-native:databricks:Workspace", { resourceGroupName: "rg", managedResourceGroupId: "/subscriptions/s/resourceGroups/dbw" }],
            ["azure-native:web:WebApp", { resourceGroupName: "rg" }],
            ["azure-native:cognitiveservices:Account", { resourceGroupName: "rg" }],
            ["azure-native:eventhub/v20240101:Namespace", { resourceGroupName: "rg" }],
        ])("by default when a %s has no diagnostic setting (CIS 5.4, the resource-log built-ins)", async (type, props) => {
            const r = await runStackPolicy(policy, [{ type, name: "svc", props }]);
            expect(r.violating).toEqual(["svc"]);
        });
        it("when a Key Vault has no diagnostic setting", async () => {
            const r = await runStackPolicy(policy, [vault("kv1"), vault("kv2"), diag("kv1")]);
            expect(r.violating).toEqual(["kv2"]);
            expect(r.diagnostics[0]?.message).toContain("has no diagnostic setting that keeps its logs");
        });

        it("when the vault's only setting streams to an event hub", async () => {
            const r = await runStackPolicy(policy, [vault(), diag("kv1", { workspaceId: undefined, eventHubName: "hub" })]);
            expect(r.violating).toEqual(["kv1"]);
        });

        it("when the only setting is for another resource, even while its id is unknown", async () => {
            const sa: StackResourceInput = { type: "azure-native:storage:StorageAccount", name: "sa", props: { sku: { name: "Standard_LRS" }, kind: "StorageV2" } };
            const r = await runStackPolicy(policy, [vault(), sa, diag("sa")]);
            expect(r.violating).toEqual(["kv1"]);
        });

        it("through the versioned and v2-module token spellings", async () => {
            const r = await runStackPolicy(policy, [
                { ...vault("kv1"), type: "azure-native_keyvault_v20230701:keyvault:Vault" },
                { ...vault("kv2"), type: "azure-native:keyvault/v20230701:Vault" },
                { ...diag("kv1"), type: "azure-native:insights:DiagnosticSetting" },
            ]);
            expect(r.violating).toEqual(["kv2"]);
        });

        it("when a stack that creates a subscription does not export its activity log", async () => {
            const r = await runStackPolicy(policy, [alias(), activityLog({ workspaceId: undefined })]);
            expect(r.violating).toEqual(["newSub"]);
            expect(r.diagnostics[0]?.message).toContain("no SubscriptionDiagnosticSetting that keeps the subscription's activity log");
        });

        it("without printing a secret resource id", async () => {
            const r = await runStackPolicy(policy, [vault("kv1", { id: secret(KV_ID) })]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain("kv1");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a vault while a setting's resourceUri is unknown and has no dependency", async () => {
            const r = await runStackPolicy(policy, [vault(), diag(undefined, { resourceUri: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics).toEqual([expect.objectContaining({ resource: "kv1", kind: "unknown" })]);
        });

        it("cannot decide a vault while its setting's logs are unknown, and still reports the uncovered one", async () => {
            const r = await runStackPolicy(policy, [vault("kv1"), vault("kv2"), diag("kv1", { logs: UNKNOWN })]);
            expect(r.violating).toEqual(["kv2"]);
            expect(r.diagnostics.find((d) => d.resource === "kv1")?.kind).toBe("unknown");
        });

        it("cannot decide the activity log while its setting's logs are unknown", async () => {
            const r = await runStackPolicy(policy, [alias(), activityLog({ logs: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("requires diagnostic settings for the configured types (any token spelling)", async () => {
            const sa: StackResourceInput = { type: "azure-native:storage:StorageAccount", name: "sa", props: { sku: { name: "Standard_LRS" } } };
            const r = await runStackPolicy(policy, [vault(), sa], { requireDiagnosticSettingFor: ["azure-native:storage/v20230101:StorageAccount"] });
            expect(r.violating).toEqual(["sa"]);
        });

        it("requires the activity log export in every stack when set to always", async () => {
            const r = await runStackPolicy(policy, [vault(), diag("kv1")], { activityLogExport: "always" });
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics).toEqual([expect.objectContaining({ resource: undefined, kind: "violation" })]);
            expect((await runStackPolicy(policy, [activityLog()], { activityLogExport: "always" })).verdict).toBe("pass");
        });

        it("never requires it when set to never", async () => {
            expect((await runStackPolicy(policy, [alias()], { activityLogExport: "never" })).verdict).toBe("pass");
        });

        it("rejects an unknown mode, a malformed type and an unknown key, naming them", async () => {
            await expect(runStackPolicy(policy, [], { activityLogExport: "sometimes" })).rejects.toThrow("config key 'activityLogExport' must be one of");
            await expect(runStackPolicy(policy, [], { requireDiagnosticSettingFor: ["Microsoft.KeyVault/vaults"] })).rejects.toThrow(
                "config key 'requireDiagnosticSettingFor[0]' has a malformed value",
            );
            await expect(runStackPolicy(policy, [], { types: [] })).rejects.toThrow("config key 'types'");
        });
    });
});
