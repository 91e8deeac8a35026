import { ALLOWED_LOCATIONS_CONFIG, GLOBAL_LOCATIONS, allowedLocationSet, allowedText } from "../core/azure-regions";
import { LOCATION_TYPES_BY_MODULE } from "../core/azure-location-types.generated";
import { defineResourcePolicy } from "../core/policy";
import { azurePlacement } from "../core/region";
import { fail, pass } from "../core/verdict";

/** Canonical tokens of the resources whose Args take a `location` (generated from the SDK; others have no region). */
const LOCATED_TYPES: ReadonlySet<string> = new Set(
    Object.entries(LOCATION_TYPES_BY_MODULE).flatMap(([module, resources]) => resources.map((r) => `azure-native:${module}:${r}`)),
);

export default defineResourcePolicy({
    name: "azure-regional-resource-restrict-location",
    title: "Azure resources are placed only in allowed regions",
    cloud: "azure",
    control: "data-region",
    severity: "high",
    description:
        "Every Azure resource that is placed in a region (its type takes a `location`) must be in an allowed region " +
        "(default: japaneast, japanwest). `global` resources are exempt; child resources without a location of their own " +
        "(containers, role assignments, ...) live with their parent. A resource without a `location` is placed by its " +
        "provider's `location` (stack config `azure-native:location`); without either the policy fails closed.",
    remediation:
        "Set `location` to an allowed region (`japaneast`, `Japan East` and `JapanEast` are the same), or leave it unset " +
        "and pin the region for the whole stack: `pulumi config set azure-native:location japaneast` (or `location` on an " +
        "explicit azure-native provider).",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.5.34" }],
    enforcementLevel: "mandatory",
    resourceTypes: "all",
    config: { allowedLocations: ALLOWED_LOCATIONS_CONFIG },
    examples: {
        pass: [
            { title: "a resource group in an allowed region", type: "azure-native:resources:ResourceGroup", props: { location: "japaneast" } },
            { title: "a global resource", type: "azure-native:resources:ResourceGroup", props: { location: "global" } },
        ],
        fail: [{ title: "a storage account in West Europe", type: "azure-native:storage:StorageAccount", props: { location: "westeurope" } }],
    },
    check({ canonicalType, props, provider }, config) {
        // A type the installed SDK does not know (a parameterised package of another API version, a retired service)
        // is judged by the `location` it states itself (or will state: unknown); a known type without a `location`
        // input lives with its parent.
        const located = LOCATED_TYPES.has(canonicalType);
        const location = props.get("location");
        if (!located && !(location.isUnknown || location.isText())) return pass;
        const placement = azurePlacement(location, located ? provider : undefined);
        if ("kind" in placement) return placement;
        if (!placement.found) {
            return fail(
                "`location` is not set and no provider `location` (stack config `azure-native:location`) places it, so its region cannot be checked; " +
                    `set \`location\` or run \`pulumi config set azure-native:location <region>\` ${allowedText(config.allowedLocations)}.`,
            );
        }
        if (GLOBAL_LOCATIONS.has(placement.region) || allowedLocationSet(config.allowedLocations).has(placement.region)) return pass;
        return fail(
            placement.from === "resource"
                ? `\`location\` is not an allowed region ${allowedText(config.allowedLocations)}.`
                : `\`location\` is not set and the provider's \`location\` (stack config \`azure-native:location\`) is not an allowed region ${allowedText(config.allowedLocations)}.`,
        );
    },
});
