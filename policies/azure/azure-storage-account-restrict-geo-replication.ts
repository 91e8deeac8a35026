import { ALLOWED_LOCATIONS_CONFIG, allowedText, pairedRegionVerdict } from "../core/azure-regions";
import { defineResourcePolicy } from "../core/policy";
import { azurePlacement } from "../core/region";
import { fail, pass, unknown } from "../core/verdict";

/** Geo-redundant storage SKUs (GRS, RA-GRS, GZRS, RA-GZRS, v1 and v2): a copy lives in the paired region. */
const GEO_SKU = /_(RA)?G(Z)?RS$/i;

export default defineResourcePolicy({
    name: "azure-storage-account-restrict-geo-replication",
    title: "Geo-redundant storage replicates only to an allowed region",
    cloud: "azure",
    control: "data-region",
    severity: "high",
    description:
        "A storage account with a geo-redundant SKU (Standard_GRS, Standard_RAGRS, Standard_GZRS, Standard_RAGZRS and their " +
        "V2 forms) keeps a copy of all data in its region's paired region; that region must be allowed too. " +
        "japaneast and japanwest are each other's pair.",
    remediation:
        "Place the account in a region whose pair is allowed (japaneast ↔ japanwest), or use a locally or zone-redundant " +
        "SKU (Standard_LRS, Standard_ZRS, Premium_LRS, Premium_ZRS) and replicate yourself to an allowed region.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.5.34" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:StorageAccount"],
    config: { allowedLocations: ALLOWED_LOCATIONS_CONFIG },
    examples: {
        pass: [
            { title: "a geo-redundant account in Japan East (paired with Japan West)", type: "azure-native:storage:StorageAccount", props: { location: "japaneast", sku: { name: "Standard_GRS" } } },
            { title: "a locally redundant account", type: "azure-native:storage:StorageAccount", props: { location: "westeurope", sku: { name: "Standard_LRS" } } },
        ],
        fail: [{ title: "a geo-redundant account in West Europe (paired with North Europe)", type: "azure-native:storage:StorageAccount", props: { location: "westeurope", sku: { name: "Standard_RAGRS" } } }],
    },
    check({ props, provider }, config) {
        const name = props.get("sku").get("name");
        if (name.isUnknown) return unknown(name);
        const sku = name.text();
        if (sku === undefined || !GEO_SKU.test(sku)) return pass;
        const placement = azurePlacement(props.get("location"), provider);
        if ("kind" in placement) return placement;
        if (!placement.found) {
            return fail(
                "`sku.name` is geo-redundant, which replicates to the paired region of the account's region, but neither `location` nor the provider's `location` is set; " +
                    "set `location` so the paired region can be checked.",
            );
        }
        const verdict = pairedRegionVerdict(placement.region, config.allowedLocations);
        if (verdict === "allowed") return pass;
        return fail(
            verdict === "no-known-pair"
                ? `\`sku.name\` is geo-redundant, but the account's region has no known region pair, so its secondary region may not be an allowed region ${allowedText(config.allowedLocations)}; use a locally or zone-redundant SKU.`
                : `\`sku.name\` is geo-redundant, which replicates to the paired region of \`location\`, and that region is not an allowed region ${allowedText(config.allowedLocations)}; use a locally or zone-redundant SKU or an allowed region whose pair is allowed.`,
        );
    },
});
