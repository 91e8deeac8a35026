import { ALLOWED_LOCATIONS_CONFIG, allowedText, pairedRegionVerdict } from "../core/azure-regions";
import { defineResourcePolicy } from "../core/policy-legacy";
import { azureLocation } from "../core/region";
import { isObject } from "../core/values";

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
    check({ props, provider }, config, report) {
        const sku = props.sku;
        const name = isObject(sku) ? sku.name : undefined;
        if (typeof name !== "string" || !GEO_SKU.test(name)) return;
        const placement = azureLocation(props, provider);
        if (!placement.found) {
            report(
                "`sku.name` is geo-redundant, which replicates to the paired region of the account's region, but neither `location` nor the provider's `location` is set; " +
                    "set `location` so the paired region can be checked.",
            );
            return;
        }
        const verdict = pairedRegionVerdict(placement.region, config.allowedLocations);
        if (verdict === "allowed") return;
        report(
            verdict === "no-known-pair"
                ? `\`sku.name\` is geo-redundant, but the account's region has no known region pair, so its secondary region may not be an allowed region ${allowedText(config.allowedLocations)}; use a locally or zone-redundant SKU.`
                : `\`sku.name\` is geo-redundant, which replicates to the paired region of \`location\`, and that region is not an allowed region ${allowedText(config.allowedLocations)}; use a locally or zone-redundant SKU or an allowed region whose pair is allowed.`,
        );
    },
});
