import { AZURE_BUILTIN_ROLES } from "../core/azure-roles";
import { KnownValues } from "../core/known";
import { REGISTRATION_DEFINITION, grantRole, lighthouseGrants } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy-legacy";

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
    check({ props }, _config, report) {
        const kv = new KnownValues();
        const owners = lighthouseGrants(props, kv).filter((g) => grantRole(g, kv) === AZURE_BUILTIN_ROLES.owner);
        if (owners.length) {
            report(
                `${owners.map((g) => `\`${g.path}\``).join(", ")} ${owners.length === 1 ? "grants" : "grant"} the Owner role; ` +
                    "grant the least-privileged role the MSP needs instead (Owner is not supported by Azure Lighthouse).",
            );
            return;
        }
        kv.settle();
    },
});
