// srguard sample stack: a customer delegates one resource group to its MSP through Azure Lighthouse, done right.
// Zero diagnostics of any level. Its twin, ../azure-lighthouse-violations, makes one mistake per resource.
//
// - Least privilege: the MSP's operators hold Reader permanently; Contributor only as an eligible (just-in-time)
//   authorization that needs Entra MFA, lasts at most 4 hours and is approved by a separate approver group.
// - Narrowest scope: the definition is assigned to the one resource group the MSP runs, not the subscription.
// - Audit trail: the subscription's activity log (where every MSP action is recorded) is kept a year.
// - Cutting access: deleting the RegistrationAssignment (one resource) ends the delegation; the MSP also holds the
//   Registration Assignment Delete role so that it can offboard itself.
//
// Fictional ids: customer tenant 11111111-..., MSP tenant 22222222-... (approved in policy-config.json),
// subscription 33333333-....
import * as pulumi from "@pulumi/pulumi";
import * as azure from "@pulumi/azure-native";

const config = new pulumi.Config();
const subscriptionId = config.require("subscriptionId");
const mspTenantId = config.require("mspTenantId");

// Built-in role definition GUIDs (the same in every tenant).
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const REGISTRATION_ASSIGNMENT_DELETE = "91c1777a-f3dc-4fae-b103-61d183457e46";

// Groups in the MSP's tenant (object ids there).
const mspOperators = { principalId: "aaaaaaaa-0000-4000-8000-000000000001", principalIdDisplayName: "Contoso MSP operators" };
const mspApprovers = { principalId: "aaaaaaaa-0000-4000-8000-000000000002", principalIdDisplayName: "Contoso MSP shift leads" };

// The resource group the MSP runs, in Tokyo (location from the stack config).
const managed = new azure.resources.ResourceGroup("msp-managed", { resourceGroupName: "msp-managed" });

// Where the activity log is kept: a workspace that keeps data a year.
const logs = new azure.resources.ResourceGroup("audit-logs", { resourceGroupName: "audit-logs" });
const workspace = new azure.operationalinsights.Workspace("audit", {
    resourceGroupName: logs.name,
    sku: { name: "PerGB2018" },
    retentionInDays: 365,
});

// Every MSP action through Lighthouse is an Administrative event in this subscription's activity log.
new azure.monitor.SubscriptionDiagnosticSetting("activity-log", {
    name: "activity-log-to-audit",
    workspaceId: workspace.id,
    logs: [
        { category: "Administrative", enabled: true },
        { category: "Security", enabled: true },
        { category: "Policy", enabled: true },
        { category: "Alert", enabled: true },
    ],
});

// The offer: what the MSP's principals may do. Reader and the self-offboarding role permanently; Contributor just in time.
const definition = new azure.managedservices.RegistrationDefinition("contoso-msp", {
    scope: `/subscriptions/${subscriptionId}`,
    registrationDefinitionId: "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
    properties: {
        registrationDefinitionName: "Contoso managed operations",
        description: "Day-to-day operations of the msp-managed resource group; changes only through approved just-in-time activation.",
        managedByTenantId: mspTenantId,
        authorizations: [
            { ...mspOperators, roleDefinitionId: READER },
            { ...mspOperators, roleDefinitionId: REGISTRATION_ASSIGNMENT_DELETE },
        ],
        eligibleAuthorizations: [
            {
                ...mspOperators,
                roleDefinitionId: CONTRIBUTOR,
                justInTimeAccessPolicy: {
                    multiFactorAuthProvider: "Azure",
                    maximumActivationDuration: "PT4H",
                    managedByTenantApprovers: [mspApprovers],
                },
            },
        ],
    },
});

// The delegation itself, on the one resource group. Deleting this resource cuts the MSP off.
new azure.managedservices.RegistrationAssignment("contoso-msp", {
    scope: managed.id,
    registrationAssignmentId: "6f5e4d3c-2b1a-4098-8776-655443322110",
    properties: { registrationDefinitionId: definition.id },
});
