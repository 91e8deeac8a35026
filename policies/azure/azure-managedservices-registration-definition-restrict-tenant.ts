import { isObjectValue } from "../core/azure";
import { GUID_PATTERN } from "../core/azure-roles";
import { REGISTRATION_DEFINITION, normalizeGuid } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-managedservices-registration-definition-restrict-tenant",
    title: "Lighthouse delegations go only to approved MSP tenants",
    cloud: "azure",
    control: "msp-delegation",
    severity: "critical",
    description:
        "An Azure Lighthouse registration definition gives the principals of another Entra tenant access to this " +
        "tenant's resources: its `managedByTenantId` must be one of the MSP tenants the organisation has contracted " +
        "and reviewed (`approvedTenantIds`). With no approved tenant configured, every delegation is reported.",
    remediation:
        "Set `properties.managedByTenantId` to the tenant id of the contracted MSP, or — once the MSP has been assessed " +
        "and contracted — add its tenant id to this policy's `approvedTenantIds` in the policy-pack config.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.5.19" },
        { framework: "iso27001", version: "2022", id: "A.5.21" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [REGISTRATION_DEFINITION],
    config: {
        approvedTenantIds: {
            type: "array",
            items: { type: "string", pattern: GUID_PATTERN },
            default: [],
            description: "Entra tenant ids (GUIDs) of the MSPs that may manage this organisation's resources through Azure Lighthouse.",
        },
    },
    examples: {
        pass: [
            {
                title: "a definition for an approved MSP tenant",
                type: REGISTRATION_DEFINITION,
                props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { managedByTenantId: "00000000-0000-0000-0000-0000000000aa" } },
                config: { approvedTenantIds: ["00000000-0000-0000-0000-0000000000aa"] },
            },
        ],
        fail: [
            {
                title: "a definition for a tenant that is not approved",
                type: REGISTRATION_DEFINITION,
                props: { scope: "/subscriptions/00000000-0000-0000-0000-000000000001", properties: { managedByTenantId: "00000000-0000-0000-0000-0000000000cc" } },
                config: { approvedTenantIds: ["00000000-0000-0000-0000-0000000000aa"] },
            },
        ],
    },
    check({ props }, config) {
        const properties = props.get("properties");
        if (properties.isUnknown) return unknown(properties);
        if (!isObjectValue(properties)) {
            return fail("`properties.managedByTenantId` is not set, so the managing tenant cannot be checked; set it to an approved MSP tenant.");
        }
        const tenant = properties.get("managedByTenantId");
        if (tenant.isUnknown) return unknown(tenant);
        const approved = config.approvedTenantIds.map(normalizeGuid);
        if (!approved.length) {
            return fail(
                "`properties.managedByTenantId` cannot be approved: no MSP tenant is approved (this policy's `approvedTenantIds` is empty); " +
                    "list the tenant ids of the MSPs your organisation has contracted.",
            );
        }
        const id = tenant.text();
        if (id !== undefined && approved.includes(normalizeGuid(id))) return pass;
        return fail(
            `\`properties.managedByTenantId\` is not an approved MSP tenant (approved: ${config.approvedTenantIds.join(", ")}); ` +
                "delegate only to a contracted MSP's tenant, or add the tenant to `approvedTenantIds` once it is contracted.",
        );
    },
});
