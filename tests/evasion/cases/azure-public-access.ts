// Azure public-access: anonymous blob access, open firewalls and public endpoints (storage, Key Vault, Cosmos DB, SQL),
// static websites, weak TLS — under versioned and parameterised tokens, with enum values in any case.

import { type EvasionCase, omit } from "../model";
import { A, RG, cosmos, storageAccount, vault } from "./azure-fixtures";

const BLOB_ACCESS = "azure-storage-account-disallow-public-blob-access";
const CONTAINER = "azure-storage-blob-container-disallow-public-access";
const STORAGE_NETWORK = "azure-storage-account-restrict-network-access";
const TLS = "azure-storage-account-require-minimum-tls-version";
const HTTPS = "azure-storage-account-require-secure-transfer";
const STATIC_WEBSITE = "azure-storage-static-website-disallow";
const VAULT_NETWORK = "azure-keyvault-vault-restrict-public-network-access";
const COSMOS_NETWORK = "azure-cosmosdb-account-restrict-public-network-access";
const SQL_NETWORK = "azure-sql-server-restrict-public-network-access";

const base = { cloud: "azure", control: "public-access" } as const;

const container = (name: string, publicAccess: string, type: string = A.blobContainer) => ({
    type,
    name,
    inputs: { accountName: "data", resourceGroupName: RG, containerName: name, publicAccess },
    propertyDependencies: { accountName: ["data"] },
});

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "azure-public-access-allow-blob-public-access-v2-token",
        kind: "evasion",
        title: "`allowBlobPublicAccess: \"True\"` (string) on a v2-style versioned token `storage/v20230101`",
        stack: { resources: [storageAccount("data", { allowBlobPublicAccess: "True" }, A.storageAccountV2Style)] },
        violations: [{ policy: BLOB_ACCESS, resource: "data" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-public-access-container-parameterised-lower-case",
        kind: "evasion",
        title: "blob container `publicAccess: \"container\"` (lower case) under a parameterised token",
        stack: { resources: [storageAccount("data"), container("public", "container", A.blobContainerParameterised)] },
        violations: [{ policy: CONTAINER, resource: "public" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-public-access-container-blob-level",
        kind: "evasion",
        title: "blob container `publicAccess: \"BLOB\"` (anonymous reads of blobs, no listing)",
        stack: { resources: [storageAccount("data"), container("images", "BLOB")] },
        violations: [{ policy: CONTAINER, resource: "images" }],
    },
    {
        ...base,
        id: "azure-public-access-container-on-private-account",
        kind: "evasion",
        title: "container `publicAccess: \"Container\"` in an account whose `allowBlobPublicAccess` is false",
        stack: { resources: [storageAccount("data"), container("public", "Container")] },
        violations: [{ policy: CONTAINER, resource: "public" }],
        decision:
            "The container is judged on its own: the account's `allowBlobPublicAccess` is one change away from opening it " +
            "(and the account may live in another stack).",
    },
    {
        ...base,
        id: "azure-public-access-storage-default-action-allow",
        kind: "evasion",
        title: "storage account with `publicNetworkAccess: \"enabled\"` and `networkRuleSet.defaultAction: \"allow\"` (lower case)",
        stack: { resources: [storageAccount("data", { publicNetworkAccess: "enabled", networkRuleSet: { defaultAction: "allow" } })] },
        violations: [{ policy: STORAGE_NETWORK, resource: "data" }],
    },
    {
        ...base,
        id: "azure-public-access-storage-ip-rule-halves",
        kind: "evasion",
        title: "storage firewall `Deny` by default, with IP rules 0.0.0.0/1 and 128.0.0.0/1 (every address, no /0)",
        stack: {
            resources: [
                storageAccount("data", {
                    publicNetworkAccess: "Enabled",
                    networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "0.0.0.0/1", action: "Allow" }, { iPAddressOrRange: "128.0.0.0/1", action: "Allow" }] },
                }),
            ],
        },
        violations: [{ policy: STORAGE_NETWORK, resource: "data" }],
        found:
            "Only `/0` (or `*`) counted as admitting every address, so two /1 rules opened the firewall to the whole internet " +
            "unnoticed (storage, Key Vault and Cosmos DB alike). IP rules now must be bounded ranges (core/cidr.ts).",
    },
    {
        ...base,
        id: "azure-public-access-storage-public-access-unset",
        kind: "evasion",
        title: "storage account that leaves `publicNetworkAccess` and `networkRuleSet` out (accepts every network)",
        stack: { resources: [{ ...storageAccount("data"), inputs: omit(storageAccount("data").inputs, "publicNetworkAccess") }] },
        violations: [{ policy: STORAGE_NETWORK, resource: "data" }],
    },
    {
        ...base,
        id: "azure-public-access-vault-enabled-allow",
        kind: "evasion",
        title: "Key Vault (v2-style token) `publicNetworkAccess: \"enabled\"`, `networkAcls.defaultAction: \"Allow\"`",
        stack: { resources: [vault("keys", { publicNetworkAccess: "enabled", networkAcls: { defaultAction: "Allow", bypass: "AzureServices" } }, {}, A.vaultV2Style)] },
        violations: [{ policy: VAULT_NETWORK, resource: "keys" }],
    },
    {
        ...base,
        id: "azure-public-access-vault-ip-rule-split",
        kind: "evasion",
        title: "Key Vault firewall `Deny` with IP rules 0.0.0.0/2, 64.0.0.0/2, 128.0.0.0/1",
        stack: {
            resources: [
                vault("keys", {
                    publicNetworkAccess: "Enabled",
                    networkAcls: { defaultAction: "Deny", ipRules: [{ value: "0.0.0.0/2" }, { value: "64.0.0.0/2" }, { value: "128.0.0.0/1" }] },
                }),
            ],
        },
        violations: [{ policy: VAULT_NETWORK, resource: "keys" }],
    },
    {
        ...base,
        id: "azure-public-access-cosmos-azure-datacenters",
        kind: "evasion",
        title: "Cosmos DB (old `documentdb` token) whose only IP rule is 0.0.0.0 (every Azure datacenter)",
        stack: { resources: [cosmos("orders", { publicNetworkAccess: "Enabled", ipRules: [{ ipAddressOrRange: "0.0.0.0" }] }, A.cosmosDocumentdb)] },
        violations: [{ policy: COSMOS_NETWORK, resource: "orders" }],
    },
    {
        ...base,
        id: "azure-public-access-cosmos-no-firewall",
        kind: "evasion",
        title: "Cosmos DB with public access on, an empty `ipRules` and `isVirtualNetworkFilterEnabled: \"false\"`",
        stack: { resources: [cosmos("orders", { publicNetworkAccess: "Enabled", ipRules: [], isVirtualNetworkFilterEnabled: "false" })] },
        violations: [{ policy: COSMOS_NETWORK, resource: "orders" }],
    },
    {
        ...base,
        id: "azure-public-access-sql-public-unset",
        kind: "evasion",
        title: "SQL server that leaves `publicNetworkAccess` out (Enabled)",
        stack: { resources: [{ type: A.sqlServer, name: "sql", inputs: { serverName: "sql", resourceGroupName: RG, location: "japaneast", keyId: "https://keys.vault.azure.net/keys/tde" } }] },
        violations: [{ policy: SQL_NETWORK, resource: "sql" }],
    },
    {
        ...base,
        id: "azure-public-access-static-website",
        kind: "evasion",
        title: "a StorageAccountStaticWebsite on an account whose other settings are all private",
        stack: { resources: [storageAccount("data"), { type: A.staticWebsite, name: "site", inputs: { accountName: "data", resourceGroupName: RG, indexDocument: "index.html" } }] },
        violations: [{ policy: STATIC_WEBSITE, resource: "site" }],
    },
    {
        ...base,
        id: "azure-public-access-tls-and-http-strings",
        kind: "evasion",
        title: "`minimumTlsVersion: \"tls1_0\"` and `enableHttpsTrafficOnly: \"false\"` (strings, odd case)",
        stack: { resources: [storageAccount("data", { minimumTlsVersion: "tls1_0", enableHttpsTrafficOnly: "false" }, A.storageAccountParameterised)] },
        violations: [
            { policy: TLS, resource: "data" },
            { policy: HTTPS, resource: "data" },
        ],
    },

    // ---- legitimate
    {
        ...base,
        id: "azure-public-access-legit-lower-case-private",
        kind: "legitimate",
        title: "private account in lower-case spellings: `publicNetworkAccess: \"disabled\"`, `tls1_2`, container `none`",
        stack: { resources: [storageAccount("data", { publicNetworkAccess: "disabled", minimumTlsVersion: "tls1_2" }), container("private", "none")] },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "azure-public-access-legit-firewall-office-range",
        kind: "legitimate",
        title: "public endpoint with a `deny` default and bounded office ranges (storage, Key Vault, Cosmos DB)",
        stack: {
            resources: [
                storageAccount("data", { publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }] } }),
                vault("keys", { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny", ipRules: [{ value: "198.51.100.0/24" }, { value: "2001:db8::/48" }] } }),
                cosmos("orders", { publicNetworkAccess: "Enabled", ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }] }),
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "azure-public-access-legit-secured-by-perimeter",
        kind: "legitimate",
        title: "`SecuredByPerimeter` (network security perimeter) on storage, Cosmos DB and SQL, in odd case",
        stack: {
            resources: [
                storageAccount("data", { publicNetworkAccess: "securedbyperimeter" }),
                cosmos("orders", { publicNetworkAccess: "SECUREDBYPERIMETER" }),
                { type: A.sqlServer, name: "sql", inputs: { serverName: "sql", resourceGroupName: RG, location: "japaneast", publicNetworkAccess: "SecuredByPerimeter", keyId: "https://keys.vault.azure.net/keys/tde" } },
            ],
        },
        silent: "control",
    },
];
