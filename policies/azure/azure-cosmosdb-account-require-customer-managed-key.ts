import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-cosmosdb-account-require-customer-managed-key",
    title: "Cosmos DB accounts encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Cosmos DB always encrypts data at rest with service-managed keys. Accounts holding sensitive data should add " +
        "a customer-managed key from Key Vault (`keyVaultKeyUri`), so that the customer controls the key's lifecycle.",
    remediation:
        "Set `keyVaultKeyUri` to a Key Vault key URI (and `defaultIdentity` to an identity that may use the key). " +
        "Azure only accepts it when the account is created.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:cosmosdb:DatabaseAccount"],
    config: {},
    examples: {
        pass: [{ title: "an account with a Key Vault key", type: "azure-native:cosmosdb:DatabaseAccount", props: { keyVaultKeyUri: "https://contoso.vault.azure.net/keys/cosmos" } }],
        fail: [{ title: "an account with service-managed keys", type: "azure-native:cosmosdb:DatabaseAccount", props: { databaseAccountOfferType: "Standard" } }],
    },
    check({ props }) {
        const uri = props.get("keyVaultKeyUri");
        if (uri.isUnknown) return unknown(uri);
        return uri.isText() ? pass : fail("`keyVaultKeyUri` is not set (the account uses service-managed keys); set it to a Key Vault key URI.");
    },
});
