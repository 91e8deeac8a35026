// Azure data-region: where a resource is placed (its `location`, else its provider's `location` from stack config), in
// every spelling Azure accepts, under versioned, parameterised and renamed-module tokens; where its data is copied
// (geo-redundant storage and backups, Cosmos DB regions) — and `global` and child resources, which have no region.

import type { EvasionCase, ProviderSpec } from "../model";
import { A, RG, cosmos, storageAccount } from "./azure-fixtures";

const LOCATION = "azure-regional-resource-restrict-location";
const GEO = "azure-storage-account-restrict-geo-replication";
const COSMOS = "azure-cosmosdb-account-restrict-locations";
const SQL_BACKUP = "azure-sql-database-restrict-backup-redundancy";

const base = { cloud: "azure", control: "data-region" } as const;
const US_PROVIDER: ProviderSpec = { name: "us", cloud: "azure", inputs: { location: "East US" } };

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "azure-data-region-east-us-display-name",
        kind: "evasion",
        title: "`location: \"East US\"` (display name with a space)",
        stack: { resources: [{ type: A.resourceGroup, name: "rg", inputs: { resourceGroupName: RG, location: "East US" } }] },
        violations: [{ policy: LOCATION, resource: "rg" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-data-region-explicit-provider-location",
        kind: "evasion",
        title: "no `location` on the resource; an explicit provider in `East US` places it",
        stack: { providers: [US_PROVIDER], resources: [{ type: A.vault, name: "keys", inputs: { resourceGroupName: RG, properties: { tenantId: "t", sku: { family: "A", name: "standard" } } }, provider: "us" }] },
        violations: [{ policy: LOCATION, resource: "keys" }],
    },
    {
        ...base,
        id: "azure-data-region-stack-config-location",
        kind: "evasion",
        title: "stack config `azure-native:location: westeurope` (the default provider's), no `location` on the resource",
        stack: { defaultRegion: "westeurope", resources: [{ type: A.workspace, name: "logs", inputs: { resourceGroupName: RG, sku: { name: "PerGB2018" }, retentionInDays: 365 } }] },
        violations: [{ policy: LOCATION, resource: "logs" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-data-region-no-location-anywhere",
        kind: "evasion",
        title: "no `location` on the resource and no `azure-native:location` in stack config",
        stack: { defaultRegion: null, resources: [{ type: A.workspace, name: "logs", inputs: { resourceGroupName: RG, sku: { name: "PerGB2018" }, retentionInDays: 365 } }] },
        violations: [{ policy: LOCATION, resource: "logs" }],
    },
    {
        ...base,
        id: "azure-data-region-parameterised-token",
        kind: "evasion",
        title: "storage account under a parameterised token in `WestEurope`",
        stack: { resources: [storageAccount("data", { location: "WestEurope" }, A.storageAccountParameterised)] },
        violations: [{ policy: LOCATION, resource: "data" }],
    },
    {
        ...base,
        id: "azure-data-region-renamed-module-token",
        kind: "evasion",
        title: "Application Insights under its old `azure-native:insights:Component` token, `location: \"eastus2\"`",
        stack: { resources: [{ type: A.component, name: "telemetry", inputs: { resourceGroupName: RG, kind: "web", applicationType: "web", location: "eastus2" } }] },
        violations: [{ policy: LOCATION, resource: "telemetry" }],
    },
    {
        ...base,
        id: "azure-data-region-type-unknown-to-the-sdk",
        kind: "evasion",
        title: "a resource type the installed SDK does not know (a parameterised package of a retired API) with `location: \"eastus\"`",
        stack: { resources: [{ type: "azure-native_hanaonazure_v20200207preview:hanaonazure:SapMonitor", name: "sap", inputs: { resourceGroupName: RG, sapMonitorName: "sap", location: "eastus" } }] },
        violations: [{ policy: LOCATION, resource: "sap" }],
        found:
            "Only types whose `...Args` in the installed azure-native declare a `location` were checked, so a type the SDK does " +
            "not know (a parameterised package generated for another API version, a retired service) was exempt wherever it " +
            "was placed. The policy now also checks the `location` a resource of an unknown type states itself.",
    },
    {
        ...base,
        id: "azure-data-region-grs-pair-outside",
        kind: "evasion",
        title: "geo-redundant SKU in lower case (`standard_ragrs`) in Southeast Asia: the copy goes to its pair",
        stack: { resources: [storageAccount("data", { location: "Southeast Asia", sku: { name: "standard_ragrs" } })] },
        violations: [
            { policy: GEO, resource: "data" },
            { policy: LOCATION, resource: "data" },
        ],
    },
    {
        ...base,
        id: "azure-data-region-cosmos-failover-region",
        kind: "evasion",
        title: "Cosmos DB account in Japan East whose failover region is `East US` (display names)",
        stack: { resources: [cosmos("orders", { locations: [{ locationName: "Japan East", failoverPriority: 0 }, { locationName: "East US", failoverPriority: 1 }] })] },
        violations: [{ policy: COSMOS, resource: "orders" }],
    },
    {
        ...base,
        id: "azure-data-region-cosmos-periodic-geo-backup",
        kind: "evasion",
        title: "Cosmos DB (old `documentdb` token) with periodic backups left geo-redundant, write region Korea Central",
        stack: {
            resources: [
                cosmos(
                    "orders",
                    { location: "japaneast", locations: [{ locationName: "japaneast", failoverPriority: 1 }, { locationName: "Korea Central", failoverPriority: 0 }], backupPolicy: { type: "periodic" } },
                    A.cosmosDocumentdb,
                ),
            ],
        },
        violations: [{ policy: COSMOS, resource: "orders" }],
    },
    {
        ...base,
        id: "azure-data-region-sql-backup-geo-default",
        kind: "evasion",
        title: "SQL database placed by the provider in East US, backup redundancy `geo` (lower case)",
        stack: {
            providers: [US_PROVIDER],
            resources: [{ type: A.sqlDatabase, name: "app", inputs: { resourceGroupName: RG, serverName: "sql", requestedBackupStorageRedundancy: "geo" }, provider: "us" }],
        },
        violations: [
            { policy: SQL_BACKUP, resource: "app" },
            { policy: LOCATION, resource: "app" },
        ],
    },

    // ---- legitimate
    {
        ...base,
        id: "azure-data-region-legit-spellings",
        kind: "legitimate",
        title: "allowed regions spelled `Japan East`, `japan east`, `JAPANEAST`, `Japan-West`; provider `Japan East`",
        stack: {
            defaultRegion: "Japan East",
            resources: [
                { type: A.resourceGroup, name: "a", inputs: { location: "Japan East" } },
                { type: A.resourceGroup, name: "b", inputs: { location: "japan east" } },
                { type: A.resourceGroup, name: "c", inputs: { location: "JAPANEAST" } },
                { type: A.resourceGroup, name: "d", inputs: { location: "Japan-West" } },
                { type: A.workspace, name: "logs", inputs: { resourceGroupName: RG, sku: { name: "PerGB2018" }, retentionInDays: 365 } },
            ],
        },
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "azure-data-region-legit-global-and-children",
        kind: "legitimate",
        title: "`Global` resources (action group) and child resources without a location (blob container) under a US provider",
        stack: {
            providers: [US_PROVIDER],
            resources: [
                { type: A.actionGroup, name: "oncall", inputs: { resourceGroupName: RG, groupShortName: "oncall", enabled: true, location: "Global" }, provider: "us" },
                { type: A.blobContainer, name: "docs", inputs: { resourceGroupName: RG, accountName: "data", publicAccess: "None" }, provider: "us" },
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "azure-data-region-legit-geo-in-japan",
        kind: "legitimate",
        title: "geo-redundant storage, SQL backups and periodic Cosmos DB backups in Japan East (paired with Japan West)",
        stack: {
            resources: [
                storageAccount("data", { sku: { name: "Standard_GZRS" } }),
                { type: A.sqlDatabase, name: "app", inputs: { resourceGroupName: RG, serverName: "sql", location: "Japan East" } },
                cosmos("orders", { backupPolicy: { type: "Periodic", periodicModeProperties: { backupStorageRedundancy: "Geo" } } }),
            ],
        },
        silent: "control",
    },
];
