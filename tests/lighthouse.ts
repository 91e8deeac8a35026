// Azure Lighthouse fixtures for the msp-delegation policy tests: a compliant registration definition (permanent
// Reader, eligible Contributor with MFA, a bounded activation and approvers), built as typed objects and varied with
// spread.

import { AZURE_BUILTIN_ROLES } from "../policies/core/azure-roles";

export const DEFINITION = "azure-native:managedservices:RegistrationDefinition";
export const ASSIGNMENT = "azure-native:managedservices:RegistrationAssignment";

export const CUSTOMER_TENANT = "11111111-1111-1111-1111-111111111111";
export const MSP_TENANT = "22222222-2222-2222-2222-222222222222";
export const OTHER_TENANT = "44444444-4444-4444-4444-444444444444";
export const SUBSCRIPTION = "33333333-3333-3333-3333-333333333333";
export const SUB_SCOPE = `/subscriptions/${SUBSCRIPTION}`;
export const RG_SCOPE = `${SUB_SCOPE}/resourceGroups/msp-managed`;

/** Principals of the MSP's tenant. */
export const OPERATORS = "aaaaaaaa-0000-4000-8000-000000000001";
export const APPROVERS = "aaaaaaaa-0000-4000-8000-000000000002";
export const AUTOMATION = "aaaaaaaa-0000-4000-8000-000000000003";

/** Built-in roles Lighthouse commonly delegates (besides those in AZURE_BUILTIN_ROLES). */
export const LOG_ANALYTICS_CONTRIBUTOR = "92aaf0da-9dab-42b6-94a3-d43ce8d16293";
export const REGISTRATION_ASSIGNMENT_DELETE = "91c1777a-f3dc-4fae-b103-61d183457e46";

export interface JitPolicy {
    multiFactorAuthProvider?: unknown;
    maximumActivationDuration?: unknown;
    managedByTenantApprovers?: unknown;
}
export interface Authorization {
    principalId?: unknown;
    principalIdDisplayName?: string;
    roleDefinitionId?: unknown;
    delegatedRoleDefinitionIds?: unknown;
}
export interface EligibleAuthorization {
    principalId?: unknown;
    principalIdDisplayName?: string;
    roleDefinitionId?: unknown;
    justInTimeAccessPolicy?: unknown;
}
export interface DefinitionProperties {
    managedByTenantId?: unknown;
    registrationDefinitionName?: string;
    description?: string;
    authorizations?: unknown;
    eligibleAuthorizations?: unknown;
}

export const jit: JitPolicy = {
    multiFactorAuthProvider: "Azure",
    maximumActivationDuration: "PT4H",
    managedByTenantApprovers: [{ principalId: APPROVERS, principalIdDisplayName: "MSP approvers" }],
};
export const reader: Authorization = { principalId: OPERATORS, principalIdDisplayName: "MSP operators", roleDefinitionId: AZURE_BUILTIN_ROLES.reader };
export const eligibleContributor: EligibleAuthorization = {
    principalId: OPERATORS,
    principalIdDisplayName: "MSP operators",
    roleDefinitionId: AZURE_BUILTIN_ROLES.contributor,
    justInTimeAccessPolicy: jit,
};
export const properties: DefinitionProperties = {
    managedByTenantId: MSP_TENANT,
    registrationDefinitionName: "Contoso managed operations",
    authorizations: [reader],
    eligibleAuthorizations: [eligibleContributor],
};

/** A registration definition resource; `props` replaces whole top-level properties, `properties` the block's fields. */
export function definition(
    over: DefinitionProperties = {},
    opts: { type?: string; name?: string; props?: Record<string, unknown> } = {},
): { type: string; name: string; props: Record<string, unknown> } {
    return {
        type: opts.type ?? DEFINITION,
        name: opts.name ?? "msp",
        props: { scope: SUB_SCOPE, properties: { ...properties, ...over }, ...opts.props },
    };
}

/** A role definition id as a full path under the subscription (Lighthouse also accepts the bare GUID). */
export const rolePath = (guid: string): string => `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
