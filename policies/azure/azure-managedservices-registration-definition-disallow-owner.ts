import { pendingOn } from "../core/azure";
import { AZURE_BUILTIN_ROLES } from "../core/azure-roles";
import { REGISTRATION_DEFINITION, lighthouseGrants, roleOf } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy";
import { fail } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-managedservices-registration-definition-disallow-owner",
    title: "Lighthouse delegations never grant Owner",
    cloud: "azure",
    control: "msp-delegation",
    severity: "critical",
    description:
        "A Lighthouse registration definition must not grant the Owner role, permanently or as an eligible " +
        "authorization: Owner over a delegated scope lets the MSP's principals do anything there, including granting " +
        "access to others. Azure Lighthouse does not support Owner; srguard reports it at preview, before a deployment fails.",
    remediation:
        "Replace Owner with the least-privileged built-in role the MSP needs (Reader permanently; Contributor or a narrower " +
        "role as an eligible authorization with a just-in-time policy that requires MFA).",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.2" },
        { framework: "iso27001", version: "2022", id: "A.5.19" },
        { framework: "mcsb", version: "v1", id: "PA-7" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REGISTRATION_DEFINITION],
    config: {},
    examples: {
        pass: [
            {
                title: "a definition that grants Contributor",
                type: REGISTRATION_DEFINITION,
                props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { managedByTenantId: "00000000-0000-0000-0000-0000000000aa", authorizations: [{ principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.contributor }] } },
            },
        ],
        fail: [
            {
                title: "a definition that grants Owner",
                type: REGISTRATION_DEFINITION,
                props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { managedByTenantId: "00000000-0000-0000-0000-0000000000aa", authorizations: [{ principalId: "00000000-0000-0000-0000-0000000000bb", roleDefinitionId: AZURE_BUILTIN_ROLES.owner }] } },
            },
        ],
    },
    check({ props }) {
        const { grants, unknown } = lighthouseGrants(props);
        const roles = grants.map((g) => ({ grant: g, role: g.entry.get("roleDefinitionId") }));
        const owners = roles.filter(({ role }) => !role.isUnknown && roleOf(role) === AZURE_BUILTIN_ROLES.owner).map(({ grant }) => grant);
        if (owners.length) {
            return fail(
                `${owners.map((g) => `\`${g.path}\``).join(", ")} ${owners.length === 1 ? "grants" : "grant"} the Owner role; ` +
                    "grant the least-privileged role the MSP needs instead (Owner is not supported by Azure Lighthouse).",
            );
        }
        return pendingOn(...unknown, ...roles.map(({ role }) => role));
    },
});
