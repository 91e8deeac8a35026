import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-monitor-subscription-diagnostic-setting-require-storage-customer-managed-key";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
const ACCOUNT = "azure-native:storage:StorageAccount";
const ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs";
const CMK = { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "logs", keyVaultUri: "https://contoso.vault.azure.net" } };
const account = (name: string, props: Record<string, unknown> = {}, type = ACCOUNT): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, ...props } });
const setting = (storageAccountId: unknown, dependsOn?: string): StackResourceInput => ({
    type: SETTING,
    name: "activity",
    props: { storageAccountId, logs: [{ category: "Administrative", enabled: true }] },
    ...(dependsOn ? { propertyDependencies: { storageAccountId: [dependsOn] } } : {}),
});

describe("azure-monitor-subscription-diagnostic-setting-require-storage-customer-managed-key", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the activity-log account uses a Key Vault key", async () => {
            expect((await runStackPolicy(policy, [account("logs", { encryption: CMK }), setting(UNKNOWN, "logs")])).verdict).toBe("pass");
        });

        it("when the key source is written in another case, and the account is named by id", async () => {
            expect((await runStackPolicy(policy, [account("logs", { id: ID, encryption: { ...CMK, keySource: "microsoft.keyvault" } }), setting(ID.toLowerCase())])).verdict).toBe("pass");
        });

        it("when another account of the stack has Microsoft-managed keys", async () => {
            expect((await runStackPolicy(policy, [account("logs", { encryption: CMK }), account("data"), setting(UNKNOWN, "logs")])).verdict).toBe("pass");
        });

        it("when the account is outside the stack", async () => {
            expect((await runStackPolicy(policy, [account("data"), setting("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/central")])).verdict).toBe("pass");
        });

        it.each(versionedTokens(ACCOUNT))("for the versioned token %s", async (type) => {
            expect((await runStackPolicy(policy, [account("logs", { encryption: CMK }, type), setting(UNKNOWN, "logs")])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the activity-log account uses Microsoft-managed keys", async () => {
            const r = await runStackPolicy(policy, [account("logs"), setting(UNKNOWN, "logs")]);
            expect(r.violating).toEqual(["logs"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("keySource` is not Microsoft.Keyvault");
        });

        it("when the key source is Microsoft.Storage", async () => {
            const r = await runStackPolicy(policy, [account("logs", { encryption: { keySource: "Microsoft.Storage" } }), setting(UNKNOWN, "logs")]);
            expect(r.violating).toEqual(["logs"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the account's key source is unknown", async () => {
            const r = await runStackPolicy(policy, [account("logs", { encryption: { keySource: UNKNOWN } }), setting(UNKNOWN, "logs")]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("keySource");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [account("logs")], { strict: true })).rejects.toThrow("config key 'strict'");
        });
    });
});
