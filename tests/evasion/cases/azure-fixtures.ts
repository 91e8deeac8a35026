// Building blocks of the Azure cases: compliant resources to spread over. Property names are the `...Args` of
// @pulumi/azure-native 3.28.0 (node_modules/@pulumi/azure-native/<module>/<resource>.d.ts).

import type { JsonObject, ResourceSpec } from "../model";

export const A = {
    storageAccount: "azure-native:storage:StorageAccount",
    storageAccountV2Style: "azure-native:storage/v20230101:StorageAccount",
    storageAccountParameterised: "azure-native_storage_v20230101:storage:StorageAccount",
    blobContainer: "azure-native:storage:BlobContainer",
    blobContainerParameterised: "azure-native_storage_v20220901:storage:BlobContainer",
    staticWebsite: "azure-native:storage:StorageAccountStaticWebsite",
    vault: "azure-native:keyvault:Vault",
    vaultV2Style: "azure-native:keyvault/v20230701:Vault",
    cosmos: "azure-native:cosmosdb:DatabaseAccount",
    cosmosDocumentdb: "azure-native:documentdb:DatabaseAccount",
    sqlServer: "azure-native:sql:Server",
    sqlDatabase: "azure-native:sql:Database",
    tde: "azure-native:sql:TransparentDataEncryption",
    tde2014: "azure-native:sql/v20140401:TransparentDataEncryption",
    protector: "azure-native:sql:EncryptionProtector",
    disk: "azure-native:compute:Disk",
    workspace: "azure-native:operationalinsights:Workspace",
    table: "azure-native:operationalinsights:Table",
    diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    diagnosticSettingInsights: "azure-native:insights:DiagnosticSetting",
    roleAssignment: "azure-native:authorization:RoleAssignment",
    roleAssignmentParameterised: "azure-native_authorization_v20220401:authorization:RoleAssignment",
    eligibility: "azure-native:authorization:PimRoleEligibilitySchedule",
    eligibilityV2Style: "azure-native:authorization/v20201001:PimRoleEligibilitySchedule",
    managementPolicy: "azure-native:authorization:RoleManagementPolicy",
    managementPolicyAssignment: "azure-native:authorization:RoleManagementPolicyAssignment",
    resourceGroup: "azure-native:resources:ResourceGroup",
    component: "azure-native:insights:Component",
    actionGroup: "azure-native:monitor:ActionGroup",
} as const;

export const SUBSCRIPTION = "00000000-0000-4000-8000-000000000000";
export const TENANT = "11111111-1111-4111-8111-111111111111";
export const PRINCIPAL = "22222222-2222-4222-8222-222222222222";
export const RG = "evasion";
export const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
export const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

export function roleDefinition(guid: string, scope = `/subscriptions/${SUBSCRIPTION}`): string {
    return `${scope}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

/** A storage account that every storage policy accepts; spread what differs over its inputs. */
export function storageAccount(name: string, inputs: JsonObject = {}, type: string = A.storageAccount): ResourceSpec {
    return {
        type,
        name,
        inputs: {
            accountName: name,
            resourceGroupName: RG,
            location: "japaneast",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            minimumTlsVersion: "TLS1_2",
            enableHttpsTrafficOnly: true,
            allowBlobPublicAccess: false,
            publicNetworkAccess: "Disabled",
            encryption: {
                keySource: "Microsoft.Keyvault",
                keyVaultProperties: { keyVaultUri: "https://keys.vault.azure.net/", keyName: "storage" },
                requireInfrastructureEncryption: true,
                services: { blob: { enabled: true }, file: { enabled: true } },
            },
            ...inputs,
        },
    };
}

/** A Key Vault that every vault policy accepts (its diagnostic setting is separate: see `diagnosticSetting`). */
export function vault(name: string, properties: JsonObject = {}, inputs: JsonObject = {}, type: string = A.vault): ResourceSpec {
    return {
        type,
        name,
        inputs: {
            vaultName: name,
            resourceGroupName: RG,
            location: "japaneast",
            properties: { tenantId: TENANT, sku: { family: "A", name: "standard" }, enablePurgeProtection: true, publicNetworkAccess: "Disabled", ...properties },
            ...inputs,
        },
    };
}

export function workspace(name: string, inputs: JsonObject = {}): ResourceSpec {
    return { type: A.workspace, name, inputs: { workspaceName: name, resourceGroupName: RG, location: "japaneast", sku: { name: "PerGB2018" }, retentionInDays: 365, ...inputs } };
}

/** A diagnostic setting of `target` (`resourceUri: target.id`) that keeps audit logs in `ws`'s workspace. */
export function diagnosticSetting(name: string, target: string, ws: string, inputs: JsonObject = {}, type: string = A.diagnosticSetting): ResourceSpec {
    return {
        type,
        name,
        inputs: {
            name,
            resourceUri: armId("Microsoft.KeyVault/vaults", target),
            workspaceId: armId("Microsoft.OperationalInsights/workspaces", ws),
            logs: [{ categoryGroup: "audit", enabled: true }],
            ...inputs,
        },
        propertyDependencies: { resourceUri: [target], workspaceId: [ws] },
    };
}

export function armId(providerType: string, name: string): string {
    return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RG}/providers/${providerType}/${name}`;
}

export function cosmos(name: string, inputs: JsonObject = {}, type: string = A.cosmos): ResourceSpec {
    return {
        type,
        name,
        inputs: {
            accountName: name,
            resourceGroupName: RG,
            location: "japaneast",
            databaseAccountOfferType: "Standard",
            locations: [{ locationName: "japaneast", failoverPriority: 0 }, { locationName: "japanwest", failoverPriority: 1 }],
            publicNetworkAccess: "Disabled",
            keyVaultKeyUri: "https://keys.vault.azure.net/keys/cosmos",
            backupPolicy: { type: "Continuous" },
            ...inputs,
        },
    };
}
