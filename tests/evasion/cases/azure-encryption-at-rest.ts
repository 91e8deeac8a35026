// Azure encryption-at-rest: storage encryption switched off or with a made-up key source, TDE turned off (also under
// the 2014 API's `status`), Key Vaults that can be purged, service-managed keys where a customer key is expected.

import { type EvasionCase, omit } from "../model";
import { A, RG, cosmos, storageAccount, vault } from "./azure-fixtures";

const STORAGE_ENCRYPTION = "azure-storage-account-enable-encryption";
const STORAGE_CMK = "azure-storage-account-require-customer-managed-key";
const TDE = "azure-sql-database-enable-transparent-data-encryption";
const PURGE = "azure-keyvault-vault-enable-purge-protection";
const SQL_CMK = "azure-sql-server-require-customer-managed-key";
const DISK_CMK = "azure-compute-disk-require-customer-managed-key";
const INFRASTRUCTURE = "azure-storage-account-require-infrastructure-encryption";
const COSMOS_CMK = "azure-cosmosdb-account-require-customer-managed-key";
const MYSQL_CMK = "azure-dbformysql-server-require-customer-managed-key";
const POSTGRES_CMK = "azure-dbforpostgresql-server-require-customer-managed-key";

const base = { cloud: "azure", control: "encryption-at-rest" } as const;

const tde = (name: string, inputs: Record<string, string>, type: string = A.tde) => ({
    type,
    name,
    inputs: { resourceGroupName: RG, serverName: "sql", databaseName: "app", tdeName: "current", ...inputs },
});

const keyVaultEncryption = { keyVaultProperties: { keyVaultUri: "https://keys.vault.azure.net/", keyName: "storage" }, requireInfrastructureEncryption: true };

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "azure-encryption-at-rest-storage-service-disabled-string",
        kind: "evasion",
        title: "`encryption.services.blob.enabled: \"false\"` (string) under a parameterised token",
        stack: {
            resources: [storageAccount("data", { encryption: { keySource: "Microsoft.Keyvault", ...keyVaultEncryption, services: { blob: { enabled: "false" } } } }, A.storageAccountParameterised)],
        },
        violations: [{ policy: STORAGE_ENCRYPTION, resource: "data" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-encryption-at-rest-storage-unknown-key-source",
        kind: "evasion",
        title: "`encryption.keySource` that is neither Microsoft.Storage nor Microsoft.Keyvault",
        stack: { resources: [storageAccount("data", { encryption: { keySource: "None", ...keyVaultEncryption } })] },
        violations: [
            { policy: STORAGE_ENCRYPTION, resource: "data" },
            { policy: STORAGE_CMK, resource: "data" },
        ],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-tde-disabled-lower-case",
        kind: "evasion",
        title: "TransparentDataEncryption `state: \"disabled\"`",
        stack: { resources: [tde("tde", { state: "disabled" })] },
        violations: [{ policy: TDE, resource: "tde" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-encryption-at-rest-tde-2014-status",
        kind: "evasion",
        title: "TDE under the 2014-04-01 API token, whose field is `status` (not `state`): `Disabled`",
        stack: { resources: [tde("tde", { status: "Disabled" }, A.tde2014)] },
        violations: [{ policy: TDE, resource: "tde" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-vault-purge-protection-left-out",
        kind: "evasion",
        title: "Key Vault that leaves `properties.enablePurgeProtection` out (off)",
        stack: { resources: [{ ...vault("keys"), inputs: { ...vault("keys").inputs, properties: omit(vaultProperties(), "enablePurgeProtection") } }] },
        violations: [{ policy: PURGE, resource: "keys" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-vault-soft-delete-string",
        kind: "evasion",
        title: "Key Vault (v2-style token) with `enableSoftDelete: \"False\"` and purge protection `\"false\"`",
        stack: { resources: [vault("keys", { enableSoftDelete: "False", enablePurgeProtection: "false" }, {}, A.vaultV2Style)] },
        violations: [{ policy: PURGE, resource: "keys" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-sql-protector-service-managed",
        kind: "evasion",
        title: "a customer key on the server, switched back by a separate EncryptionProtector `serverKeyType: \"servicemanaged\"`",
        stack: {
            resources: [
                { type: A.sqlServer, name: "sql", inputs: { serverName: "sql", resourceGroupName: RG, location: "japaneast", publicNetworkAccess: "Disabled", keyId: "https://keys.vault.azure.net/keys/tde" } },
                { type: A.protector, name: "protector", inputs: { serverName: "sql", resourceGroupName: RG, encryptionProtectorName: "current", serverKeyType: "ServiceManaged" }, propertyDependencies: { serverName: ["sql"] } },
            ],
        },
        violations: [{ policy: SQL_CMK, resource: "sql" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-disk-platform-key",
        kind: "evasion",
        title: "managed disk whose Azure Disk Encryption is off and whose key type is the platform's",
        stack: {
            resources: [
                {
                    type: A.disk,
                    name: "data-disk",
                    inputs: { resourceGroupName: RG, location: "japaneast", diskSizeGB: 128, creationData: { createOption: "Empty" }, encryption: { type: "EncryptionAtRestWithPlatformKey" }, encryptionSettingsCollection: { enabled: false } },
                },
            ],
        },
        violations: [{ policy: DISK_CMK, resource: "data-disk" }],
    },

    {
        ...base,
        id: "azure-encryption-at-rest-infrastructure-encryption-string",
        kind: "evasion",
        title: "`encryption.requireInfrastructureEncryption: \"false\"` (string) under a v2-style token",
        stack: { resources: [storageAccount("data", { encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: keyVaultEncryption.keyVaultProperties, requireInfrastructureEncryption: "false" } }, A.storageAccountV2Style)] },
        violations: [{ policy: INFRASTRUCTURE, resource: "data" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-cosmos-blank-key-uri",
        kind: "evasion",
        title: "Cosmos DB (old `documentdb` token) whose `keyVaultKeyUri` is blank",
        stack: { resources: [cosmos("orders", { keyVaultKeyUri: " " }, A.cosmosDocumentdb)] },
        violations: [{ policy: COSMOS_CMK, resource: "orders" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-mysql-system-managed-lower-case",
        kind: "evasion",
        title: "MySQL flexible server with `dataEncryption.type: \"systemmanaged\"`",
        stack: { resources: [{ type: "azure-native:dbformysql:Server", name: "mysql", inputs: { resourceGroupName: RG, location: "japaneast", dataEncryption: { type: "systemmanaged" } } }] },
        violations: [{ policy: MYSQL_CMK, resource: "mysql" }],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-postgres-key-vault-without-key",
        kind: "evasion",
        title: "PostgreSQL flexible server (parameterised token) claiming AzureKeyVault with a blank `primaryKeyURI`",
        stack: {
            resources: [
                { type: "azure-native_dbforpostgresql_v20240801:dbforpostgresql:Server", name: "postgres", inputs: { resourceGroupName: RG, location: "japaneast", dataEncryption: { type: "AzureKeyVault", primaryKeyURI: "" } } },
            ],
        },
        violations: [{ policy: POSTGRES_CMK, resource: "postgres" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "azure-encryption-at-rest-legit-key-source-lower-case",
        kind: "legitimate",
        title: "`keySource: \"microsoft.storage\"` (Microsoft-managed keys, lower case) and services enabled as `\"true\"`",
        stack: { resources: [storageAccount("data", { encryption: { keySource: "microsoft.storage", services: { blob: { enabled: "true" } } } })] },
        silent: [STORAGE_ENCRYPTION],
    },
    {
        ...base,
        id: "azure-encryption-at-rest-legit-defaults",
        kind: "legitimate",
        title: "a SQL database without a TransparentDataEncryption resource, a vault that leaves `enableSoftDelete` out",
        stack: {
            resources: [
                { type: A.sqlDatabase, name: "app", inputs: { resourceGroupName: RG, serverName: "sql", location: "japaneast" } },
                vault("keys"),
            ],
        },
        silent: [TDE, PURGE],
        decision: "Azure SQL creates databases with TDE on, and Key Vault turns soft delete on by default: only a setting that turns them off fails.",
    },
    {
        ...base,
        id: "azure-encryption-at-rest-legit-customer-keys",
        kind: "legitimate",
        title: "customer-managed keys everywhere, enum values in any case (`Microsoft.KeyVault`, `ENABLED`, `azurekeyvault`)",
        stack: {
            resources: [
                storageAccount("data", { encryption: { keySource: "Microsoft.KeyVault", ...keyVaultEncryption } }),
                vault("keys", { enableSoftDelete: true, enablePurgeProtection: "TRUE" }),
                { type: A.sqlServer, name: "sql", inputs: { serverName: "sql", resourceGroupName: RG, location: "japaneast", publicNetworkAccess: "Disabled" } },
                { type: A.protector, name: "protector", inputs: { serverName: "sql", resourceGroupName: RG, encryptionProtectorName: "current", serverKeyType: "azurekeyvault", serverKeyName: "keys_tde_0a1b" }, propertyDependencies: { serverName: ["sql"] } },
                tde("tde", { state: "ENABLED" }),
                {
                    type: A.disk,
                    name: "data-disk",
                    inputs: {
                        resourceGroupName: RG,
                        location: "japaneast",
                        diskSizeGB: 128,
                        creationData: { createOption: "Empty" },
                        encryption: { type: "encryptionatrestwithplatformandcustomerkeys", diskEncryptionSetId: `/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/${RG}/providers/Microsoft.Compute/diskEncryptionSets/des` },
                    },
                },
            ],
        },
        silent: "control",
        preview: true,
    },
];

function vaultProperties() {
    const props = vault("keys").inputs["properties"];
    return props !== null && typeof props === "object" && !Array.isArray(props) ? props : {};
}
