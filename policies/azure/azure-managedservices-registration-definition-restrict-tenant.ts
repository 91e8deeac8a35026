import { GUID_PATTERN } from "../core/azure-roles";
import { KnownValues } from "../core/known";
import { REGISTRATION_DEFINITION, lighthouseProperties, normalizeGuid } from "../core/lighthouse";
import { defineResourcePolicy } from "../core/policy-legacy";

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
    check({ props }, config, report) {
        const kv = new KnownValues();
        const properties = lighthouseProperties(props, kv);
        if (!properties) {
            if (kv.incomplete) kv.settle();
            else report("`properties.managedByTenantId` is not set, so the managing tenant cannot be checked; set it to an approved MSP tenant.");
            return;
        }
        const tenant = kv.get(properties, "managedByTenantId");
        if (!tenant.known) {
            kv.settle();
            return;
        }
        const approved = config.approvedTenantIds.map(normalizeGuid);
        if (!approved.length) {
            report(
                "`properties.managedByTenantId` cannot be approved: no MSP tenant is approved (this policy's `approvedTenantIds` is empty); " +
                    "list the tenant ids of the MSPs your organisation has contracted.",
            );
            return;
        }
        if (typeof tenant.value === "string" && approved.includes(normalizeGuid(tenant.value))) return;
        report(
            `\`properties.managedByTenantId\` is not an approved MSP tenant (approved: ${config.approvedTenantIds.join(", ")}); ` +
                "delegate only to a contracted MSP's tenant, or add the tenant to `approvedTenantIds` once it is contracted.",
        );
    },
});
