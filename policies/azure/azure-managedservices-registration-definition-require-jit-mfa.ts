import { isAzureText, isObjectValue, pendingOn } from "../core/azure";
import { AZURE_BUILTIN_ROLES, GUID_PATTERN } from "../core/azure-roles";
import { ISO_DURATION_PATTERN, isoDurationSeconds } from "../core/duration";
import { type Grant, REGISTRATION_DEFINITION, isJitOnlyRole, lighthouseGrants, roleOf } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { fail } from "../core/verdict";

/** What Azure applies when an eligible authorization's just-in-time policy sets no `maximumActivationDuration`. */
const DEFAULT_ACTIVATION = "PT8H";

const JIT_ROLE_NAMES = "Contributor, Role Based Access Control Administrator";

function roleName(guid: string): string {
    if (guid === AZURE_BUILTIN_ROLES.contributor) return "Contributor";
    if (guid === AZURE_BUILTIN_ROLES.roleBasedAccessControlAdministrator) return "Role Based Access Control Administrator";
    return "a configured privileged role";
}

interface JitConfig {
    readonly maximumActivationDuration: string;
    readonly requireApprovers: boolean;
}

export default defineResourcePolicy({
    name: "azure-managedservices-registration-definition-require-jit-mfa",
    title: "Lighthouse grants privileged roles only just in time, with MFA, a bounded activation and approval",
    cloud: "azure",
    control: "msp-delegation",
    severity: "high",
    description:
        "A Lighthouse registration definition may grant a privileged role (" + JIT_ROLE_NAMES + ", or a configured " +
        "extra role) only as an eligible authorization whose just-in-time policy requires Entra MFA " +
        "(`multiFactorAuthProvider: Azure`; the default is None), bounds each activation (`maximumActivationDuration`, " +
        "default PT8H, at most the configured maximum) and, by default, needs an approver from the MSP's tenant — so a " +
        "stolen MSP credential or a compromised MSP tool has no standing privilege to use.",
    remediation:
        "Move the privileged role from `properties.authorizations` to `properties.eligibleAuthorizations` with " +
        "`justInTimeAccessPolicy: { multiFactorAuthProvider: \"Azure\", maximumActivationDuration: \"PT4H\", " +
        "managedByTenantApprovers: [{ principalId: <approver group>, principalIdDisplayName: ... }] }`, and keep a permanent " +
        "Reader authorization for the same principal so that it can request activation.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "PA-2" },
        { framework: "mcsb", version: "v1", id: "IM-6" },
        { framework: "iso27001", version: "2022", id: "A.8.2" },
        { framework: "iso27001", version: "2022", id: "A.8.5" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REGISTRATION_DEFINITION],
    config: {
        extraPrivilegedRoleGuids: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Role definition GUIDs that may only be granted just in time besides Contributor and RBAC Administrator.",
        },
        maximumActivationDuration: {
            type: "string",
            pattern: ISO_DURATION_PATTERN,
            default: "PT8H",
            description: "Longest activation an eligible privileged authorization may allow, as an ISO-8601 duration (PT8H, PT4H, PT1H30M; Lighthouse itself accepts PT30M to PT8H).",
        },
        requireApprovers: {
            type: "boolean",
            default: true,
            description: "Whether each eligible privileged authorization must name approvers (`managedByTenantApprovers`) who approve every activation.",
        },
    },
    examples: {
        pass: [
            {
                title: "Contributor eligible just in time with MFA and an approver",
                type: REGISTRATION_DEFINITION,
                props: {
                    scope: "/subscriptions/00000000-0000-0000-0000-000000000001",
                    properties: {
                        managedByTenantId: "00000000-0000-0000-0000-0000000000aa",
                        eligibleAuthorizations: [
                            {
                                principalId: "00000000-0000-0000-0000-0000000000bb",
                                roleDefinitionId: AZURE_BUILTIN_ROLES.contributor,
                                justInTimeAccessPolicy: { multiFactorAuthProvider: "Azure", maximumActivationDuration: "PT4H", managedByTenantApprovers: [{ principalId: "00000000-0000-0000-0000-0000000000cc" }] },
                            },
                        ],
                    },
                },
            },
        ],
        fail: [
            {
                title: "Contributor granted permanently",
                type: REGISTRATION_DEFINITION,
                props: {
                    scope: "/subscriptions/00000000-0000-0000-0000-000000000001",
                    properties: { managedByTenantId: "00000000-0000-0000-0000-0000000000aa", authorizations: [{ principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.contributor }] },
                },
            },
        ],
    },
    check({ props }, config) {
        const { grants, unknown } = lighthouseGrants(props);
        const pending: Value[] = [...unknown];
        const problems: string[] = [];
        for (const g of grants) {
            const roleId = g.entry.get("roleDefinitionId");
            pending.push(roleId);
            if (roleId.isUnknown) continue;
            const role = roleOf(roleId);
            if (role === "other" || !isJitOnlyRole(role, config.extraPrivilegedRoleGuids)) continue;
            if (g.list === "authorizations") {
                problems.push(
                    `\`${g.path}\` grants ${roleName(role)} permanently; grant it in \`properties.eligibleAuthorizations\` with a just-in-time policy that requires MFA.`,
                );
                continue;
            }
            problems.push(...judgeEligible(g, pending, config));
        }
        return problems.length ? fail(problems.join(" ")) : pendingOn(...pending);
    },
});

/** What is wrong with an eligible privileged grant's just-in-time policy; the unknown values it needed go to `pending`. */
function judgeEligible(g: Grant, pending: Value[], config: JitConfig): string[] {
    const policy = g.entry.get("justInTimeAccessPolicy");
    if (policy.isUnknown) {
        pending.push(policy);
        return [];
    }
    const at = `${g.path}.justInTimeAccessPolicy`;
    if (!isObjectValue(policy)) {
        return [`\`${at}\` is not set, so activation needs no MFA (the default provider is None); set \`multiFactorAuthProvider: "Azure"\`${config.requireApprovers ? " and `managedByTenantApprovers`" : ""}.`];
    }
    const problems: string[] = [];
    const mfa = policy.get("multiFactorAuthProvider");
    pending.push(mfa);
    if (!mfa.isUnknown && !isAzureText(mfa, "Azure")) {
        problems.push(`\`${at}.multiFactorAuthProvider\` is not Azure (unset means None), so activation needs no MFA; set it to "Azure".`);
    }
    const duration = policy.get("maximumActivationDuration");
    pending.push(duration);
    if (!duration.isUnknown) {
        const limit = isoDurationSeconds(config.maximumActivationDuration) ?? 8 * 3600;
        const seconds = isoDurationSeconds(duration.isUnset ? DEFAULT_ACTIVATION : duration.value);
        if (seconds === undefined) {
            problems.push(`\`${at}.maximumActivationDuration\` is not an ISO-8601 duration of days, hours or minutes; set it to at most ${config.maximumActivationDuration}.`);
        } else if (seconds > limit) {
            const what = duration.isUnset ? "is not set (Azure applies PT8H), which is" : "is";
            problems.push(`\`${at}.maximumActivationDuration\` ${what} longer than ${config.maximumActivationDuration}; set it to at most ${config.maximumActivationDuration}.`);
        }
    }
    if (config.requireApprovers) {
        const approvers = policy.get("managedByTenantApprovers");
        pending.push(approvers);
        const list = approvers.value;
        if (!approvers.isUnknown && !(Array.isArray(list) && list.length > 0)) {
            problems.push(`\`${at}.managedByTenantApprovers\` names no approver, so nobody approves an activation; name an approver group of the MSP's tenant.`);
        }
    }
    return problems;
}
