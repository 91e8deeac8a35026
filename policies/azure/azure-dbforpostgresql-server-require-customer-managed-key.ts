import { flexibleServerKeyVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";

export default defineResourcePolicy({
    name: "azure-dbforpostgresql-server-require-customer-managed-key",
    title: "PostgreSQL flexible servers encrypt with a customer-managed key",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "Azure Database for PostgreSQL flexible servers always encrypt data at rest, by default with service-managed keys " +
        "(`dataEncryption.type` SystemAssigned). Servers holding sensitive data should use a customer-managed key from Key " +
        "Vault, so that the customer controls the key's lifecycle.",
    remediation:
        "Set `dataEncryption.type` to AzureKeyVault, `dataEncryption.primaryKeyURI` to the Key Vault key and " +
        "`dataEncryption.primaryUserAssignedIdentityId` to a user-assigned identity that may use it (plus the geo-backup " +
        "key and identity when geo-redundant backup is on). Azure only accepts it when the server is created.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "DP-5" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:dbforpostgresql:Server"],
    config: {},
    examples: {
        pass: [
            {
                title: "a server encrypted with a Key Vault key",
                type: "azure-native:dbforpostgresql:Server",
                props: { dataEncryption: { type: "AzureKeyVault", primaryKeyURI: "https://contoso.vault.azure.net/keys/db/1" } },
            },
        ],
        fail: [
            { title: "a server with service-managed keys", type: "azure-native:dbforpostgresql:Server", props: {} },
            { title: "a Key Vault key type without the key URI", type: "azure-native:dbforpostgresql:Server", props: { dataEncryption: { type: "AzureKeyVault" } } },
        ],
    },
    check({ props }) {
        return flexibleServerKeyVerdict(props);
    },
});
