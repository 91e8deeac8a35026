// srguard sample stack: the violating twin of ../azure-lighthouse. Each resource makes one of the mistakes that let
// an MSP compromise (as in Kaseya VSA) or a stolen MSP credential reach the customer: standing privilege, no MFA,
// unbounded sessions, an unvetted tenant, access outside the delegation, a missing audit trail. Every diagnostic is
// listed in expected.json; each resource's comment names the policies it trips.
import * as pulumi from "@pulumi/pulumi";
import * as azure from "@pulumi/azure-native";

const config = new pulumi.Config();
const subscriptionId = config.require("subscriptionId");
const mspTenantId = config.require("mspTenantId");
const subscription = `/subscriptions/${subscriptionId}`;

const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

const mspOperators = { principalId: "aaaaaaaa-0000-4000-8000-000000000001", principalIdDisplayName: "Contoso MSP operators" };
const mspApprovers = { principalId: "aaaaaaaa-0000-4000-8000-000000000002", principalIdDisplayName: "Contoso MSP shift leads" };
const mspAutomation = { principalId: "aaaaaaaa-0000-4000-8000-000000000003", principalIdDisplayName: "Contoso MSP automation" };
const goodJit = { multiFactorAuthProvider: "Azure", maximumActivationDuration: "PT4H", managedByTenantApprovers: [mspApprovers] };

// The MSP-run resource group, created in Virginia: the data leaves the allowed regions.
// violates: azure-regional-resource-restrict-location
const managed = new azure.resources.ResourceGroup("msp-managed", { resourceGroupName: "msp-managed", location: "eastus" });

const logs = new azure.resources.ResourceGroup("audit-logs", { resourceGroupName: "audit-logs" });

// The audit workspace keeps data 30 days: the MSP's actions are gone before anyone investigates.
// violates: azure-operationalinsights-workspace-configure-retention
const workspace = new azure.operationalinsights.Workspace("audit", {
    resourceGroupName: logs.name,
    sku: { name: "PerGB2018" },
    retentionInDays: 30,
});

// Exports only service health, not the Administrative category where the MSP's actions are recorded (reported on
// the registration assignment below, which needs that trail), nor Alert, Policy or Security (CIS 5.1.2).
// violates: azure-monitor-subscription-diagnostic-setting-require-activity-log-categories
new azure.monitor.SubscriptionDiagnosticSetting("activity-log", {
    name: "service-health-only",
    workspaceId: workspace.id,
    logs: [{ category: "ServiceHealth", enabled: true }],
});

// Owner for the MSP's operators: everything, including granting access to others.
// violates: azure-managedservices-registration-definition-disallow-owner
new azure.managedservices.RegistrationDefinition("msp-owner", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000001",
    properties: {
        registrationDefinitionName: "Contoso full management",
        managedByTenantId: mspTenantId,
        authorizations: [{ ...mspOperators, roleDefinitionId: OWNER }],
    },
});

// Contributor granted permanently: a stolen operator credential can change anything, any time.
// violates: azure-managedservices-registration-definition-require-jit-mfa
new azure.managedservices.RegistrationDefinition("msp-standing-contributor", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000002",
    properties: {
        registrationDefinitionName: "Contoso operations (standing)",
        managedByTenantId: mspTenantId,
        authorizations: [
            { ...mspOperators, roleDefinitionId: READER },
            { ...mspOperators, roleDefinitionId: CONTRIBUTOR },
        ],
    },
});

// Just in time, but without MFA: a password alone activates Contributor.
// violates: azure-managedservices-registration-definition-require-jit-mfa
const noMfa = new azure.managedservices.RegistrationDefinition("msp-jit-no-mfa", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000003",
    properties: {
        registrationDefinitionName: "Contoso operations (JIT, no MFA)",
        managedByTenantId: mspTenantId,
        authorizations: [{ ...mspOperators, roleDefinitionId: READER }],
        eligibleAuthorizations: [{ ...mspOperators, roleDefinitionId: CONTRIBUTOR, justInTimeAccessPolicy: { ...goodJit, multiFactorAuthProvider: "None" } }],
    },
});

// Activations last a whole day: a session is not bounded to the work it was approved for.
// violates: azure-managedservices-registration-definition-require-jit-mfa
new azure.managedservices.RegistrationDefinition("msp-long-activation", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000004",
    properties: {
        registrationDefinitionName: "Contoso operations (24-hour JIT)",
        managedByTenantId: mspTenantId,
        authorizations: [{ ...mspOperators, roleDefinitionId: READER }],
        eligibleAuthorizations: [{ ...mspOperators, roleDefinitionId: CONTRIBUTOR, justInTimeAccessPolicy: { ...goodJit, maximumActivationDuration: "PT24H" } }],
    },
});

// Nobody approves an activation: an operator (or whoever holds the operator's session) elevates alone.
// violates: azure-managedservices-registration-definition-require-jit-mfa
new azure.managedservices.RegistrationDefinition("msp-no-approvers", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000005",
    properties: {
        registrationDefinitionName: "Contoso operations (JIT, no approval)",
        managedByTenantId: mspTenantId,
        authorizations: [{ ...mspOperators, roleDefinitionId: READER }],
        eligibleAuthorizations: [{ ...mspOperators, roleDefinitionId: CONTRIBUTOR, justInTimeAccessPolicy: { multiFactorAuthProvider: "Azure", maximumActivationDuration: "PT4H" } }],
    },
});

// Delegated to a tenant nobody has vetted or contracted (a subcontractor of the MSP).
// violates: azure-managedservices-registration-definition-restrict-tenant
new azure.managedservices.RegistrationDefinition("msp-unapproved-tenant", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000006",
    properties: {
        registrationDefinitionName: "Fabrikam night shift",
        managedByTenantId: "44444444-4444-4444-4444-444444444444",
        authorizations: [{ ...mspOperators, roleDefinitionId: READER }],
    },
});

// The MSP's automation may hand Contributor to any managed identity: a standing privileged foothold.
// violates: azure-managedservices-registration-definition-restrict-user-access-administrator
new azure.managedservices.RegistrationDefinition("msp-uaa-escalation", {
    scope: subscription,
    registrationDefinitionId: "0d1e2f3a-0000-4000-8000-000000000007",
    properties: {
        registrationDefinitionName: "Contoso policy remediation",
        managedByTenantId: mspTenantId,
        authorizations: [
            { ...mspAutomation, roleDefinitionId: READER },
            { ...mspAutomation, roleDefinitionId: USER_ACCESS_ADMINISTRATOR, delegatedRoleDefinitionIds: [CONTRIBUTOR] },
        ],
    },
});

// The whole subscription is delegated (not just msp-managed), and the activity log keeps no record of what the MSP does.
// violates: azure-managedservices-registration-assignment-restrict-scope, azure-managedservices-registration-assignment-require-activity-log
new azure.managedservices.RegistrationAssignment("contoso-msp", {
    scope: subscription,
    registrationAssignmentId: "6f5e4d3c-2b1a-4098-8776-655443322110",
    properties: { registrationDefinitionId: noMfa.id },
});

// The MSP's operators also get Reader directly: access outside the delegation survives offboarding.
// violates: azure-authorization-role-assignment-disallow-foreign-principal
new azure.authorization.RoleAssignment("msp-direct-reader", {
    scope: pulumi.interpolate`${subscription}/resourceGroups/${managed.name}`,
    roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
    principalId: mspOperators.principalId,
    principalType: "Group",
});

// The CSP's Admin Agents group (a foreign principal) kept as standing Owner of the subscription.
// violates: azure-authorization-role-assignment-disallow-foreign-principal, azure-authorization-role-assignment-disallow-standing-privileged
new azure.authorization.RoleAssignment("csp-admin-agents", {
    scope: subscription,
    roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
    principalId: "ffffffff-0000-4000-8000-000000000001",
    principalType: "ForeignGroup",
});
