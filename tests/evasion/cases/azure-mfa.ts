// Azure mfa: standing assignments of privileged roles at broad scopes, and PIM eligibilities whose activation does not
// require MFA — role ids and scopes written in every case and shape, tokens versioned and parameterised.

import type { EvasionCase, JsonObject, ResourceSpec } from "../model";
import { A, OWNER, PRINCIPAL, READER, SUBSCRIPTION, roleDefinition } from "./azure-fixtures";

const STANDING = "azure-authorization-role-assignment-disallow-standing-privileged";
const PIM = "azure-authorization-pim-role-eligibility-schedule-require-mfa";

const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const SUB_SCOPE = `/subscriptions/${SUBSCRIPTION}`;
const POLICY_NAME = "33333333-3333-4333-8333-333333333333";

const base = { cloud: "azure", control: "mfa" } as const;

function assignment(name: string, scope: string, roleDefinitionId: string, type: string = A.roleAssignment): ResourceSpec {
    return { type, name, inputs: { scope, roleDefinitionId, principalId: PRINCIPAL, principalType: "User" } };
}

function eligibility(name: string, roleGuid: string = OWNER, type: string = A.eligibility): ResourceSpec {
    return {
        type,
        name,
        inputs: { scope: SUB_SCOPE, roleDefinitionId: roleDefinition(roleGuid), principalId: PRINCIPAL, scheduleInfo: { expiration: { type: "AfterDuration", duration: "P365D" } } },
    };
}

/** The role management policy for Owner at the subscription, and the assignment that ties it to the role. */
function managementPolicy(rules: readonly JsonObject[], scope: string = SUB_SCOPE): ResourceSpec[] {
    return [
        { type: A.managementPolicy, name: "owner-policy", inputs: { scope, roleManagementPolicyName: POLICY_NAME, rules: [...rules] } },
        {
            type: A.managementPolicyAssignment,
            name: "owner-policy-assignment",
            inputs: {
                scope,
                roleManagementPolicyAssignmentName: `${POLICY_NAME}_${OWNER}`,
                roleDefinitionId: roleDefinition(OWNER),
                policyId: `${scope}/providers/Microsoft.Authorization/roleManagementPolicies/${POLICY_NAME}`,
            },
            propertyDependencies: { policyId: ["owner-policy"] },
        },
    ];
}

export const cases: readonly EvasionCase[] = [
    {
        ...base,
        id: "azure-mfa-owner-upper-case-guid",
        kind: "evasion",
        title: "standing Owner at a subscription, role definition GUID in upper case",
        stack: { resources: [assignment("owner", SUB_SCOPE, roleDefinition(OWNER.toUpperCase()))] },
        violations: [{ policy: STANDING, resource: "owner" }],
        preview: true,
    },
    {
        ...base,
        id: "azure-mfa-scope-odd-case-trailing-slash",
        kind: "evasion",
        title: "standing Contributor, scope written `/Subscriptions/<id>/` and a tenant-level role definition path",
        stack: { resources: [assignment("contributor", `/Subscriptions/${SUBSCRIPTION.toUpperCase()}/`, `/providers/microsoft.authorization/ROLEDEFINITIONS/${CONTRIBUTOR}/`)] },
        violations: [{ policy: STANDING, resource: "contributor" }],
    },
    {
        ...base,
        id: "azure-mfa-management-group-bare-guid",
        kind: "evasion",
        title: "standing User Access Administrator at a management group, role given as a bare GUID in braces",
        stack: { resources: [assignment("uaa", "/providers/Microsoft.Management/managementGroups/platform", "{18d7d88d-d35e-4fb5-a5c3-7773c20a72d9}")] },
        violations: [{ policy: STANDING, resource: "uaa" }],
    },
    {
        ...base,
        id: "azure-mfa-parameterised-token-tenant-root",
        kind: "evasion",
        title: "standing Owner at the tenant root `/` under a parameterised token",
        stack: { resources: [assignment("root-owner", "/", roleDefinition(OWNER, ""), A.roleAssignmentParameterised)] },
        violations: [{ policy: STANDING, resource: "root-owner" }],
    },
    {
        ...base,
        id: "azure-mfa-pim-mfa-rule-for-admins-only",
        kind: "evasion",
        title: "PIM eligibility of Owner whose policy requires MFA only for admin assignment, not for end-user activation",
        stack: {
            resources: [
                eligibility("owner-eligible"),
                ...managementPolicy([
                    { id: "Enablement_Admin_Assignment", ruleType: "RoleManagementPolicyEnablementRule", enabledRules: ["MultiFactorAuthentication", "Justification"], target: { caller: "Admin", level: "Assignment" } },
                    { id: "Enablement_EndUser_Assignment", ruleType: "RoleManagementPolicyEnablementRule", enabledRules: ["Justification"], target: { caller: "EndUser", level: "Assignment" } },
                ]),
            ],
        },
        violations: [{ policy: PIM, resource: "owner-policy" }],
    },
    {
        ...base,
        id: "azure-mfa-pim-v2-token-without-policy",
        kind: "evasion",
        title: "PIM eligibility of Contributor (v2-style token) with no role management policy in the stack",
        stack: { resources: [eligibility("contributor-eligible", CONTRIBUTOR, A.eligibilityV2Style)] },
        violations: [{ policy: PIM, resource: "contributor-eligible" }],
    },

    {
        ...base,
        id: "azure-mfa-pim-policy-at-another-scope",
        kind: "evasion",
        title: "an MFA-requiring role management policy for Owner — assigned at a resource group, while the eligibility is at the subscription",
        stack: {
            resources: [
                eligibility("owner-eligible"),
                ...managementPolicy(
                    [{ id: "Enablement_EndUser_Assignment", ruleType: "RoleManagementPolicyEnablementRule", enabledRules: ["MultiFactorAuthentication"], target: { caller: "EndUser", level: "Assignment" } }],
                    `${SUB_SCOPE}/resourceGroups/app`,
                ),
            ],
        },
        violations: [{ policy: PIM, resource: "owner-eligible" }],
    },

    // ---- legitimate
    {
        ...base,
        id: "azure-mfa-legit-narrow-scope-and-reader",
        kind: "legitimate",
        title: "standing Owner on one resource group, standing Reader at the subscription",
        stack: {
            resources: [
                assignment("rg-owner", `${SUB_SCOPE}/resourceGroups/app`, roleDefinition(OWNER)),
                assignment("sub-reader", SUB_SCOPE, roleDefinition(READER)),
            ],
        },
        silent: "control",
    },
    {
        ...base,
        id: "azure-mfa-legit-pim-with-mfa-any-case",
        kind: "legitimate",
        title: "PIM eligibility of Owner whose policy requires MFA on activation, values in lower case",
        stack: {
            resources: [
                eligibility("owner-eligible"),
                ...managementPolicy([
                    { id: "Enablement_EndUser_Assignment", ruleType: "roleManagementPolicyEnablementRule", enabledRules: ["justification", "multifactorauthentication"], target: { caller: "enduser", level: "assignment" } },
                ]),
            ],
        },
        silent: "control",
        preview: true,
    },
];
