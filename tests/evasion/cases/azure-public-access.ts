// Azure public-access: anonymous blob access, open firewalls and public endpoints (storage, Key Vault, Cosmos DB, SQL),
// static websites, weak TLS — under versioned and parameterised tokens, with enum values in any case.

import { type EvasionCase, type JsonObject, omit } from "../model";
import { A, RG, armId, cosmos, storageAccount, vault } from "./azure-fixtures";

const BLOB_ACCESS = "azure-storage-account-disallow-public-blob-access";
const CONTAINER = "azure-storage-blob-container-disallow-public-access";
const STORAGE_NETWORK = "azure-storage-account-restrict-network-access";
const TLS = "azure-storage-account-require-minimum-tls-version";
const HTTPS = "azure-storage-account-require-secure-transfer";
const STATIC_WEBSITE = "azure-storage-static-website-disallow";
const VAULT_NETWORK = "azure-keyvault-vault-restrict-public-network-access";
const COSMOS_NETWORK = "azure-cosmosdb-account-restrict-public-network-access";
const SQL_NETWORK = "azure-sql-server-restrict-public-network-access";
const POSTGRES = "azure-dbforpostgresql-server-restrict-public-network-access";
const MYSQL = "azure-dbformysql-server-restrict-public-network-access";
const SQL_MI = "azure-sql-managed-instance-disallow-public-data-endpoint";
const REDIS = "azure-redis-cache-restrict-public-network-access";
const ACR_NETWORK = "azure-containerregistry-registry-restrict-public-network-access";
const ACR_ANONYMOUS = "azure-containerregistry-registry-disallow-anonymous-pull";
const EVENTHUB = "azure-eventhub-namespace-restrict-public-network-access";
const SERVICEBUS = "azure-servicebus-namespace-restrict-public-network-access";
const COGNITIVE = "azure-cognitiveservices-account-restrict-public-network-access";
const APPCONFIG = "azure-appconfiguration-configuration-store-restrict-public-network-access";
const SYNAPSE = "azure-synapse-workspace-restrict-public-network-access";
const DATAFACTORY = "azure-datafactory-factory-restrict-public-network-access";
const SEARCH = "azure-search-service-restrict-public-network-access";
const EVENTGRID = "azure-eventgrid-topic-restrict-public-network-access";
const ML = "azure-machinelearningservices-workspace-restrict-public-network-access";
const DATABRICKS = "azure-databricks-workspace-restrict-public-network-access";
const KUSTO = "azure-kusto-cluster-restrict-public-network-access";
const DISK = "azure-compute-disk-restrict-network-access";
const STORAGE_PE = "azure-storage-account-require-private-endpoint";
const STORAGE_PNA = "azure-storage-account-disallow-public-network-access";
const COSMOS_PE = "azure-cosmosdb-account-require-private-endpoint";
const VAULT_PE = "azure-keyvault-vault-require-private-endpoint";

/** Type tokens of the public-endpoint services (property names: the `...Args` of @pulumi/azure-native 3.28.0). */
const T = {
    postgres: "azure-native:dbforpostgresql:Server",
    postgresRule: "azure-native:dbforpostgresql:FirewallRule",
    postgresRuleParameterised: "azure-native_dbforpostgresql_v20240801:dbforpostgresql:FirewallRule",
    mysql: "azure-native:dbformysql:Server",
    mysqlRule: "azure-native:dbformysql:FirewallRule",
    managedInstance: "azure-native:sql:ManagedInstance",
    redis: "azure-native:redis:Redis",
    redisOld: "azure-native:cache:Redis",
    registry: "azure-native:containerregistry:Registry",
    eventhubNamespace: "azure-native:eventhub:Namespace",
    eventhubRuleSet: "azure-native:eventhub:NamespaceNetworkRuleSet",
    servicebusNamespace: "azure-native:servicebus:Namespace",
    servicebusRuleSet: "azure-native:servicebus:NamespaceNetworkRuleSet",
    cognitive: "azure-native:cognitiveservices:Account",
    appconfig: "azure-native:appconfiguration:ConfigurationStore",
    synapse: "azure-native:synapse:Workspace",
    synapseRule: "azure-native:synapse:IpFirewallRule",
    factory: "azure-native:datafactory:Factory",
    search: "azure-native:search:Service",
    eventgridDomain: "azure-native:eventgrid:Domain",
    mlWorkspace: "azure-native:machinelearningservices:Workspace",
    databricks: "azure-native:databricks:Workspace",
    kusto: "azure-native:kusto:Cluster",
    snapshot: "azure-native:compute:Snapshot",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
} as const;

/** A private endpoint to `target` (its id, unknown until the target exists: the join is the property dependency). */
function privateEndpoint(name: string, target: string) {
    return {
        type: T.privateEndpoint,
        name,
        inputs: {
            privateEndpointName: name,
            resourceGroupName: RG,
            location: "japaneast",
            subnet: { id: armId("Microsoft.Network/virtualNetworks", "spoke/subnets/pe") },
            privateLinkServiceConnections: [{ name, privateLinkServiceId: armId("Microsoft.Any/resources", target), groupIds: ["default"] }],
        },
        propertyDependencies: { privateLinkServiceConnections: [target] },
    };
}

const resource = (type: string, name: string, inputs: Record<string, unknown>) => ({ type, name, inputs: { resourceGroupName: RG, location: "japaneast", ...inputs } as JsonObject });

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
        violations: [
            { policy: STORAGE_NETWORK, resource: "data" },
            { policy: STORAGE_PNA, resource: "data" },
        ],
    },
    {
        ...base,
        id: "azure-public-access-storage-public-endpoint-behind-firewall",
        kind: "evasion",
        title: "storage account (v2-style token) with `publicNetworkAccess: \"enabled\"` (lower case) behind a `Deny` firewall with one office range",
        stack: {
            resources: [
                storageAccount("data", { publicNetworkAccess: "enabled", networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }] } }, A.storageAccountV2Style),
            ],
        },
        violations: [{ policy: STORAGE_PNA, resource: "data" }],
        silent: [STORAGE_NETWORK],
        decision:
            "The firewall admits only a bounded range, so the CIS 3.8 policy is satisfied; the account still keeps a public " +
            "endpoint, which CIS 3.7 asks to turn off (advisory: a firewalled public endpoint is often intended).",
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

    {
        ...base,
        id: "azure-public-access-postgres-azure-services-rule",
        kind: "evasion",
        title: "PostgreSQL flexible server in a delegated subnet, with a parameterised-token FirewallRule 0.0.0.0–0.0.0.0 (\"allow Azure services\")",
        stack: {
            resources: [
                resource(T.postgres, "db", { serverName: "db", network: { delegatedSubnetResourceId: armId("Microsoft.Network/virtualNetworks", "spoke/subnets/db") } }),
                { ...resource(T.postgresRuleParameterised, "azure-services", { serverName: "db", startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" }), propertyDependencies: { serverName: ["db"] } },
            ],
        },
        violations: [{ policy: POSTGRES, resource: "azure-services" }],
        decision: "A firewall rule is judged on its own, like a public container on a private account: one flip of the server's access away from being live.",
    },
    {
        ...base,
        id: "azure-public-access-mysql-internet-in-halves",
        kind: "evasion",
        title: "MySQL flexible server with public access `disabled`, and two FirewallRules 0.0.0.0–127.255.255.255 and 128.0.0.0–255.255.255.255",
        stack: {
            resources: [
                resource(T.mysql, "db", { serverName: "db", network: { publicNetworkAccess: "disabled" } }),
                resource(T.mysqlRule, "low", { serverName: "db", startIpAddress: "0.0.0.0", endIpAddress: "127.255.255.255" }),
                resource(T.mysqlRule, "high", { serverName: "db", startIpAddress: "128.0.0.0", endIpAddress: "255.255.255.255" }),
            ],
        },
        violations: [
            { policy: MYSQL, resource: "low" },
            { policy: MYSQL, resource: "high" },
        ],
    },
    {
        ...base,
        id: "azure-public-access-postgres-network-unset",
        kind: "evasion",
        title: "PostgreSQL flexible server that leaves `network` out (public access Enabled)",
        stack: { resources: [resource(T.postgres, "db", { serverName: "db", version: "16" })] },
        violations: [{ policy: POSTGRES, resource: "db" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-public-access-managed-instance-string-true",
        kind: "evasion",
        title: "SQL managed instance with `publicDataEndpointEnabled: \"True\"` (string)",
        stack: { resources: [resource(T.managedInstance, "mi", { managedInstanceName: "mi", subnetId: armId("Microsoft.Network/virtualNetworks", "spoke/subnets/mi"), publicDataEndpointEnabled: "True" })] },
        violations: [{ policy: SQL_MI, resource: "mi" }],
    },
    {
        ...base,
        id: "azure-public-access-redis-old-cache-token",
        kind: "evasion",
        title: "Redis under the renamed `cache:Redis` token, `publicNetworkAccess` left out",
        stack: { resources: [resource(T.redisOld, "cache", { name: "cache", sku: { name: "Premium", family: "P", capacity: 1 } })] },
        violations: [{ policy: REDIS, resource: "cache" }],
    },
    {
        ...base,
        id: "azure-public-access-registry-anonymous-and-open",
        kind: "evasion",
        title: "container registry with `anonymousPullEnabled: \"true\"` and a `deny` firewall whose IP rule is 0.0.0.0/1",
        stack: {
            resources: [
                resource(T.registry, "images", {
                    registryName: "images",
                    sku: { name: "Premium" },
                    anonymousPullEnabled: "true",
                    networkRuleSet: { defaultAction: "deny", ipRules: [{ iPAddressOrRange: "0.0.0.0/1", action: "Allow" }] },
                }),
            ],
        },
        violations: [
            { policy: ACR_ANONYMOUS, resource: "images" },
            { policy: ACR_NETWORK, resource: "images" },
        ],
    },
    {
        ...base,
        id: "azure-public-access-eventhub-rule-set-reopens",
        kind: "evasion",
        title: "Event Hubs namespace `Disabled`, whose NamespaceNetworkRuleSet states `Enabled` with `defaultAction: \"allow\"`",
        stack: {
            resources: [
                resource(T.eventhubNamespace, "events", { namespaceName: "events", publicNetworkAccess: "Disabled" }),
                { ...resource(T.eventhubRuleSet, "events-network", { namespaceName: "events", publicNetworkAccess: "Enabled", defaultAction: "allow" }), propertyDependencies: { namespaceName: ["events"] } },
            ],
        },
        violations: [{ policy: EVENTHUB, resource: "events" }],
        decision: "The rule set is applied after the namespace (it names it), so the access it states is the one that holds.",
    },
    {
        ...base,
        id: "azure-public-access-servicebus-unset",
        kind: "evasion",
        title: "Service Bus namespace that leaves `publicNetworkAccess` out, with no network rule set",
        stack: { resources: [resource(T.servicebusNamespace, "bus", { namespaceName: "bus", sku: { name: "Premium" } })] },
        violations: [{ policy: SERVICEBUS, resource: "bus" }],
    },
    {
        ...base,
        id: "azure-public-access-cognitive-quarters",
        kind: "evasion",
        title: "AI services account with `defaultAction: \"Deny\"` and IP rules 0.0.0.0/2, 64.0.0.0/2, 128.0.0.0/1",
        stack: {
            resources: [
                resource(T.cognitive, "ai", {
                    accountName: "ai",
                    kind: "OpenAI",
                    sku: { name: "S0" },
                    properties: { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny", ipRules: [{ value: "0.0.0.0/2" }, { value: "64.0.0.0/2" }, { value: "128.0.0.0/1" }] } },
                }),
            ],
        },
        violations: [{ policy: COGNITIVE, resource: "ai" }],
    },
    {
        ...base,
        id: "azure-public-access-appconfig-and-factory-lower-case",
        kind: "evasion",
        title: "App Configuration store and data factory with `publicNetworkAccess: \"enabled\"` (lower case)",
        stack: {
            resources: [
                resource(T.appconfig, "settings", { configStoreName: "settings", sku: { name: "Standard" }, publicNetworkAccess: "enabled" }),
                resource(T.factory, "etl", { factoryName: "etl", publicNetworkAccess: "enabled" }),
            ],
        },
        violations: [
            { policy: APPCONFIG, resource: "settings" },
            { policy: DATAFACTORY, resource: "etl" },
        ],
    },
    {
        ...base,
        id: "azure-public-access-synapse-allow-all",
        kind: "evasion",
        title: "Synapse workspace with public access `Disabled` and an `allowAll` IpFirewallRule 0.0.0.0–255.255.255.255",
        stack: {
            resources: [
                resource(T.synapse, "lake", { workspaceName: "lake", publicNetworkAccess: "Disabled" }),
                { ...resource(T.synapseRule, "allowAll", { workspaceName: "lake", ruleName: "allowAll", startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" }), propertyDependencies: { workspaceName: ["lake"] } },
            ],
        },
        violations: [{ policy: SYNAPSE, resource: "allowAll" }],
    },
    {
        ...base,
        id: "azure-public-access-search-empty-allow-list",
        kind: "evasion",
        title: "search service with `publicNetworkAccess` left out and an empty `networkRuleSet.ipRules`",
        stack: { resources: [resource(T.search, "find", { searchServiceName: "find", sku: { name: "standard" }, networkRuleSet: { ipRules: [] } })] },
        violations: [{ policy: SEARCH, resource: "find" }],
    },
    {
        ...base,
        id: "azure-public-access-eventgrid-domain-v2-token",
        kind: "evasion",
        title: "Event Grid domain under a v2-style versioned token, `publicNetworkAccess: \"Enabled\"`",
        stack: { resources: [resource("azure-native:eventgrid/v20230601preview:Domain", "domain", { domainName: "domain", publicNetworkAccess: "Enabled" })] },
        violations: [{ policy: EVENTGRID, resource: "domain" }],
    },
    {
        ...base,
        id: "azure-public-access-ml-databricks-kusto-unset",
        kind: "evasion",
        title: "Machine Learning workspace, Databricks workspace and Data Explorer cluster that leave `publicNetworkAccess` out",
        stack: {
            resources: [
                resource(T.mlWorkspace, "ml", { workspaceName: "ml" }),
                resource(T.databricks, "spark", { workspaceName: "spark", managedResourceGroupId: `/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/spark-managed` }),
                resource(T.kusto, "adx", { clusterName: "adx", sku: { name: "Standard_E8ads_v5", tier: "Standard" } }),
            ],
        },
        violations: [
            { policy: ML, resource: "ml" },
            { policy: DATABRICKS, resource: "spark" },
            { policy: KUSTO, resource: "adx" },
        ],
    },
    {
        ...base,
        id: "azure-public-access-snapshot-export-defaults",
        kind: "evasion",
        title: "snapshot that leaves `networkAccessPolicy` and `publicNetworkAccess` out (AllowAll, Enabled: SAS export from anywhere)",
        stack: { resources: [resource(T.snapshot, "backup", { snapshotName: "backup", creationData: { createOption: "Copy", sourceResourceId: armId("Microsoft.Compute/disks", "os") } })] },
        violations: [{ policy: DISK, resource: "backup" }],
    },
    {
        ...base,
        id: "azure-public-access-private-endpoint-to-another-resource",
        kind: "evasion",
        title: "storage account, Cosmos DB account and Key Vault with public endpoints, and a private endpoint built from another account's id",
        stack: {
            resources: [
                storageAccount("data", { publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "Deny" } }),
                storageAccount("other"),
                cosmos("orders", { publicNetworkAccess: "Enabled", ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }] }),
                vault("keys", { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } }),
                privateEndpoint("other-pe", "other"),
            ],
        },
        violations: [
            { policy: STORAGE_PE, resource: "data" },
            { policy: COSMOS_PE, resource: "orders" },
            { policy: VAULT_PE, resource: "keys" },
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
                privateEndpoint("data-pe", "data"),
                privateEndpoint("keys-pe", "keys"),
                privateEndpoint("orders-pe", "orders"),
            ],
        },
        // Every public-access policy of these resources but STORAGE_PNA, which advises (CIS 3.7) on the storage account's
        // public endpoint by design: see azure-public-access-storage-public-endpoint-behind-firewall.
        silent: [STORAGE_NETWORK, BLOB_ACCESS, CONTAINER, TLS, HTTPS, STATIC_WEBSITE, STORAGE_PE, VAULT_NETWORK, VAULT_PE, COSMOS_NETWORK, COSMOS_PE],
        decision:
            "A public endpoint limited to office ranges passes the firewall policies (CIS 3.8); the private-endpoint policies " +
            "(CIS 3.10, 4.5.2, 8.7, advisory) want the apps on a private endpoint too, so this stack declares one for each. " +
            "The storage account still keeps its public endpoint, which the advisory CIS 3.7 policy reports (not silenced here).",
    },
    {
        ...base,
        id: "azure-public-access-legit-storage-secured-by-perimeter",
        kind: "legitimate",
        title: "storage account with `publicNetworkAccess: \"securedbyperimeter\"` (lower case) and an allow-all firewall",
        stack: { resources: [storageAccount("data", { publicNetworkAccess: "securedbyperimeter", networkRuleSet: { defaultAction: "Allow" } })] },
        silent: [STORAGE_PNA, STORAGE_NETWORK],
        decision:
            "SecuredByPerimeter denies inbound public traffic unless the network security perimeter admits it, so the firewall " +
            "is moot; the Azure Policy built-in b2982f36 (v1.1.0) accepts it as disabled public network access, and so does CIS 3.7's policy.",
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
    {
        ...base,
        id: "azure-public-access-legit-private-services",
        kind: "legitimate",
        title: "private services in odd spellings: a VNet-integrated PostgreSQL server with an office FirewallRule, a rule set that disables an Event Hubs namespace, `disabled` / `DISABLED` switches, a disk exported only privately",
        stack: {
            resources: [
                resource(T.postgres, "db", { serverName: "db", network: { delegatedSubnetResourceId: armId("Microsoft.Network/virtualNetworks", "spoke/subnets/db") } }),
                { ...resource(T.postgresRule, "office", { serverName: "db", startIpAddress: "203.0.113.0", endIpAddress: "203.0.113.255" }), propertyDependencies: { serverName: ["db"] } },
                resource(T.eventhubNamespace, "events", { namespaceName: "events" }),
                { ...resource(T.eventhubRuleSet, "events-network", { namespaceName: "events", publicNetworkAccess: "Disabled", defaultAction: "Deny" }), propertyDependencies: { namespaceName: ["events"] } },
                resource(T.registry, "images", { registryName: "images", sku: { name: "Premium" }, networkRuleSet: { defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }] } }),
                resource(T.managedInstance, "mi", { managedInstanceName: "mi", subnetId: armId("Microsoft.Network/virtualNetworks", "spoke/subnets/mi") }),
                resource(T.search, "find", { searchServiceName: "find", sku: { name: "standard" }, publicNetworkAccess: "disabled" }),
                resource(T.kusto, "adx", { clusterName: "adx", sku: { name: "Standard_E8ads_v5", tier: "Standard" }, publicNetworkAccess: "DISABLED" }),
                resource(T.snapshot, "backup", { snapshotName: "backup", creationData: { createOption: "Copy" }, networkAccessPolicy: "AllowPrivate", diskAccessId: armId("Microsoft.Compute/diskAccesses", "private") }),
            ],
        },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "azure-public-access-legit-tls-unset",
        kind: "legitimate",
        title: "storage account that leaves `minimumTlsVersion` out (Azure Storage refuses TLS 1.0/1.1 since 3 February 2026)",
        stack: { resources: [{ ...storageAccount("data"), inputs: omit(storageAccount("data").inputs, "minimumTlsVersion") }] },
        silent: [TLS],
        decision: "An unset minimum is judged by the service's current floor (TLS 1.2), not by the schema's old TLS1_0 default; an explicit TLS1_0/TLS1_1 still fails.",
        preview: true,
    },
];
