// Azure msp-delegation: Azure Lighthouse delegations — which tenant manages, which roles it gets permanently or just in
// time, what User Access Administrator may hand out, where the delegation is projected, whether the activity log that
// records the MSP's actions is kept — and direct role assignments to the MSP's principals that bypass Lighthouse. The
// session's config approves MSP_TENANT (tests/evasion/config.ts).

import { MSP_TENANT } from "../config";
import type { EvasionCase, JsonObject, ResourceSpec } from "../model";
import { A, OWNER, READER, RG, SUBSCRIPTION, armId, workspace } from "./azure-fixtures";

const TENANT = "azure-managedservices-registration-definition-restrict-tenant";
const NO_OWNER = "azure-managedservices-registration-definition-disallow-owner";
const JIT = "azure-managedservices-registration-definition-require-jit-mfa";
const UAA = "azure-managedservices-registration-definition-restrict-user-access-administrator";
const ACTIVITY_LOG = "azure-managedservices-registration-assignment-require-activity-log";
const SCOPE = "azure-managedservices-registration-assignment-restrict-scope";
const FOREIGN = "azure-authorization-role-assignment-disallow-foreign-principal";

const DEFINITION = "azure-native:managedservices:RegistrationDefinition";
const DEFINITION_PARAMETERISED = "azure-native_managedservices_v20221001preview:managedservices:RegistrationDefinition";
const ASSIGNMENT = "azure-native:managedservices:RegistrationAssignment";
const SUBSCRIPTION_DIAGNOSTICS = "azure-native:insights:SubscriptionDiagnosticSetting";

const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
const MONITORING_CONTRIBUTOR = "749f88d5-cbae-40b8-bcfc-e573ddc772fa";
const MSP_OPERATORS = "66666666-6666-4666-8666-666666666666";
const MSP_APPROVERS = "77777777-7777-4777-8777-777777777777";
const SUB_SCOPE = `/subscriptions/${SUBSCRIPTION}`;
const DEFINITION_ID = "88888888-8888-4888-8888-888888888888";

/** An eligible Contributor with a just-in-time policy that requires Entra MFA, a 4-hour limit and an approver. */
function eligibleContributor(jit: JsonObject = {}): JsonObject {
    return {
        principalId: MSP_OPERATORS,
        principalIdDisplayName: "MSP operators",
        roleDefinitionId: CONTRIBUTOR,
        justInTimeAccessPolicy: { multiFactorAuthProvider: "Azure", maximumActivationDuration: "PT4H", managedByTenantApprovers: [{ principalId: MSP_APPROVERS }], ...jit },
    };
}

/** A compliant registration definition: approved tenant, Reader permanently, Contributor just in time; spread over its properties. */
function definition(properties: JsonObject = {}, type: string = DEFINITION): ResourceSpec {
    return {
        type,
        name: "msp-definition",
        inputs: {
            scope: SUB_SCOPE,
            registrationDefinitionId: DEFINITION_ID,
            properties: {
                registrationDefinitionName: "MSP operations",
                managedByTenantId: MSP_TENANT,
                authorizations: [{ principalId: MSP_OPERATORS, roleDefinitionId: READER }],
                eligibleAuthorizations: [eligibleContributor()],
                ...properties,
            },
        },
    };
}

/** The assignment projecting the definition onto the `app` resource group (built from it). */
function assignment(scope: string = `${SUB_SCOPE}/resourceGroups/app`, from: readonly string[] = ["app"]): ResourceSpec {
    return {
        type: ASSIGNMENT,
        name: "msp-assignment",
        inputs: { scope, properties: { registrationDefinitionId: `${SUB_SCOPE}/providers/Microsoft.ManagedServices/registrationDefinitions/${DEFINITION_ID}` } },
        propertyDependencies: { scope: [...from], properties: ["msp-definition"] },
    };
}

const resourceGroup: ResourceSpec = { type: A.resourceGroup, name: "app", inputs: { resourceGroupName: "app", location: "japaneast" }, id: `${SUB_SCOPE}/resourceGroups/app` };

/** The subscription's activity log kept in a workspace (under the old `insights` token); `logs` spread over. */
function activityLog(logs: JsonObject[] = [{ category: "Administrative", enabled: true }, { category: "Security", enabled: true }]): ResourceSpec[] {
    return [
        workspace("logs"),
        {
            type: SUBSCRIPTION_DIAGNOSTICS,
            name: "activity-log",
            inputs: { name: "activity-log", workspaceId: armId("Microsoft.OperationalInsights/workspaces", "logs"), logs },
            propertyDependencies: { workspaceId: ["logs"] },
        },
    ];
}

function lighthouse(theDefinition: ResourceSpec = definition(), ...extra: ResourceSpec[]): { resources: ResourceSpec[] } {
    return { resources: [resourceGroup, theDefinition, assignment(), ...activityLog(), ...extra] };
}

const base = { cloud: "azure", control: "msp-delegation" } as const;

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "azure-msp-delegation-unapproved-tenant",
        kind: "evasion",
        title: "a registration definition managed by a tenant nobody approved",
        stack: lighthouse(definition({ managedByTenantId: "99999999-9999-4999-8999-999999999999" })),
        violations: [{ policy: TENANT, resource: "msp-definition" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-msp-delegation-owner-eligible-upper-case",
        kind: "evasion",
        title: "Owner as an eligible authorization, GUID in upper case, under a parameterised token",
        stack: lighthouse(definition({ eligibleAuthorizations: [eligibleContributor(), { ...eligibleContributor(), roleDefinitionId: OWNER.toUpperCase() }] }, DEFINITION_PARAMETERISED)),
        violations: [{ policy: NO_OWNER, resource: "msp-definition" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-contributor-permanent-role-path",
        kind: "evasion",
        title: "Contributor as a permanent authorization, written as a full role definition path",
        stack: lighthouse(definition({ authorizations: [{ principalId: MSP_OPERATORS, roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${CONTRIBUTOR}` }] })),
        violations: [{ policy: JIT, resource: "msp-definition" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-jit-mfa-none-lower-case",
        kind: "evasion",
        title: "eligible Contributor whose just-in-time policy says `multiFactorAuthProvider: \"none\"`",
        stack: lighthouse(definition({ eligibleAuthorizations: [eligibleContributor({ multiFactorAuthProvider: "none" })] })),
        violations: [{ policy: JIT, resource: "msp-definition" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-jit-policy-left-out",
        kind: "evasion",
        title: "eligible Contributor without a just-in-time policy (activation needs no MFA)",
        stack: lighthouse(definition({ eligibleAuthorizations: [{ principalId: MSP_OPERATORS, roleDefinitionId: CONTRIBUTOR }] })),
        violations: [{ policy: JIT, resource: "msp-definition" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-jit-one-day-activation",
        kind: "evasion",
        title: "eligible Contributor activated for a day (`P1D`)",
        stack: lighthouse(definition({ eligibleAuthorizations: [eligibleContributor({ maximumActivationDuration: "P1D" })] })),
        violations: [{ policy: JIT, resource: "msp-definition" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-uaa-delegates-owner",
        kind: "evasion",
        title: "User Access Administrator allowed to assign Owner (GUID in braces) to managed identities",
        stack: lighthouse(
            definition({
                authorizations: [
                    { principalId: MSP_OPERATORS, roleDefinitionId: READER },
                    { principalId: MSP_OPERATORS, roleDefinitionId: USER_ACCESS_ADMINISTRATOR, delegatedRoleDefinitionIds: [MONITORING_CONTRIBUTOR, `{${OWNER}}`] },
                ],
            }),
        ),
        violations: [{ policy: UAA, resource: "msp-definition" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-activity-log-without-administrative",
        kind: "evasion",
        title: "a delegation whose stack keeps only the activity log's Security category",
        stack: { resources: [resourceGroup, definition(), assignment(), ...activityLog([{ category: "Security", enabled: true }, { category: "Administrative", enabled: false }])] },
        violations: [{ policy: ACTIVITY_LOG, resource: "msp-assignment" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-whole-subscription-odd-case",
        kind: "evasion",
        title: "the delegation projected onto a whole subscription written `/SUBSCRIPTIONS/<id>/`",
        stack: { resources: [resourceGroup, definition(), assignment(`/SUBSCRIPTIONS/${SUBSCRIPTION.toUpperCase()}/`, []), ...activityLog()] },
        violations: [{ policy: SCOPE, resource: "msp-assignment" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-foreign-group-lower-case",
        kind: "evasion",
        title: "a direct role assignment to a `foreigngroup` (a CSP partner's agents), outside Lighthouse",
        stack: lighthouse(definition(), {
            type: A.roleAssignment,
            name: "partner-agents",
            inputs: { scope: `${SUB_SCOPE}/resourceGroups/app`, roleDefinitionId: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${READER}`, principalId: "12121212-1212-4212-8212-121212121212", principalType: "foreigngroup" },
        }),
        violations: [{ policy: FOREIGN, resource: "partner-agents" }],
    },
    {
        ...base,
        id: "azure-msp-delegation-direct-assignment-to-msp-principal",
        kind: "evasion",
        title: "a direct role assignment to the MSP operators group the definition names, id in upper case",
        stack: lighthouse(definition(), {
            type: A.roleAssignment,
            name: "msp-direct",
            inputs: { scope: `${SUB_SCOPE}/resourceGroups/app`, roleDefinitionId: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${READER}`, principalId: MSP_OPERATORS.toUpperCase() },
        }),
        violations: [{ policy: FOREIGN, resource: "msp-direct" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "azure-msp-delegation-legit-compliant",
        kind: "legitimate",
        title: "approved tenant (GUID in upper case), Reader permanently, Contributor just in time with `azure` MFA, one resource group, activity log kept",
        stack: lighthouse(definition({ managedByTenantId: MSP_TENANT.toUpperCase(), eligibleAuthorizations: [eligibleContributor({ multiFactorAuthProvider: "azure" })] })),
        silent: "control",
        preview: true,
    },
    {
        ...base,
        id: "azure-msp-delegation-legit-uaa-for-monitoring",
        kind: "legitimate",
        title: "User Access Administrator limited to assigning Monitoring Contributor; the customer's own group assigned directly",
        stack: lighthouse(
            definition({
                authorizations: [
                    { principalId: MSP_OPERATORS, roleDefinitionId: READER },
                    { principalId: MSP_OPERATORS, roleDefinitionId: USER_ACCESS_ADMINISTRATOR, delegatedRoleDefinitionIds: [MONITORING_CONTRIBUTOR] },
                ],
            }),
            {
                type: A.roleAssignment,
                name: "own-ops",
                inputs: { scope: `${SUB_SCOPE}/resourceGroups/${RG}`, roleDefinitionId: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${READER}`, principalId: "13131313-1313-4313-8313-131313131313", principalType: "Group" },
            },
        ),
        silent: "control",
    },
];
