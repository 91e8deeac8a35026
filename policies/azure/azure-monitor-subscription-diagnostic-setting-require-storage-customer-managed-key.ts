import { isAzureText } from "../core/azure";
import { azureIdKeys, resolveAzureId } from "../core/azure-ids";
import { defineStackPolicy } from "../core/policy";
import { Join } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const SETTING = "azure-native:monitor:SubscriptionDiagnosticSetting";
const ACCOUNT = "azure-native:storage:StorageAccount";

export default defineStackPolicy({
    name: "azure-monitor-subscription-diagnostic-setting-require-storage-customer-managed-key",
    title: "The storage account that keeps the activity log encrypts with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "A storage account that receives the subscription's activity log (a SubscriptionDiagnosticSetting's " +
        "`storageAccountId`) should encrypt with a customer-managed key (`encryption.keySource` Microsoft.Keyvault), so " +
        "that the customer controls access to the audit trail's key. Checked for accounts of the same stack; an account " +
        "outside it is checked by azure-storage-account-require-customer-managed-key in its own stack.",
    remediation: "Set the account's `encryption.keySource` to Microsoft.Keyvault with `encryption.keyVaultProperties` (key name, vault URI).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.3" },
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [SETTING, ACCOUNT],
    config: {},
    catalogue: ["azure-enc-activity-log-storage-cmk"],
    examples: {
        pass: [
            {
                title: "the activity log kept in an account with a Key Vault key",
                resources: [
                    { type: ACCOUNT, name: "logs", props: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "logs", keyVaultUri: "https://contoso.vault.azure.net" } } } },
                    { type: SETTING, name: "activity", props: { storageAccountId: "(logs id)", logs: [{ category: "Administrative", enabled: true }] }, propertyDependencies: { storageAccountId: ["logs"] } },
                ],
            },
        ],
        fail: [
            {
                title: "the activity log kept in an account with Microsoft-managed keys",
                resources: [
                    { type: ACCOUNT, name: "logs", props: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } } },
                    { type: SETTING, name: "activity", props: { storageAccountId: "(logs id)", logs: [{ category: "Administrative", enabled: true }] }, propertyDependencies: { storageAccountId: ["logs"] } },
                ],
            },
        ],
    },
    *check(stack) {
        const accounts = stack.ofType(ACCOUNT);
        if (!accounts.length) return;
        const index = new Join(accounts, azureIdKeys);
        const seen = new Set<string>();
        for (const setting of stack.ofType(SETTING)) {
            const ref = resolveAzureId(index, setting, "storageAccountId");
            if (ref.kind !== "resources") continue;
            for (const account of ref.targets) {
                if (seen.has(account.urn)) continue;
                seen.add(account.urn);
                const source = account.props.get("encryption").get("keySource");
                let verdict: Verdict;
                if (source.isUnknown) verdict = unknown(source);
                else if (isAzureText(source, "Microsoft.Keyvault")) verdict = pass;
                else verdict = fail("it keeps the subscription's activity log, but `encryption.keySource` is not Microsoft.Keyvault (Microsoft-managed keys); encrypt it with a customer-managed key.");
                yield { urn: account.urn, verdict };
            }
        }
    },
});
