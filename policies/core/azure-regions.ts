// Azure regions for the data-region policies: the region names srguard knows, the region pairs that geo-redundant
// services (GRS storage, geo-redundant SQL backups) replicate to, and the shared `allowedLocations` setting.
//
// Known names = the SDK's own enumeration (generated, see tools/gen-azure-location-types.ts) + the regions of
// Microsoft's region-pair table (learn.microsoft.com "Azure region pairs and nonpaired regions",
// MicrosoftDocs/azure-docs articles/reliability/cross-region-replication-azure.md), which the SDK enum lacks
// (e.g. westus3, brazilsoutheast). A region missing here is rejected in config: add it to EXTRA_REGION_NAMES.

import type { ConfigProperty } from "./config";
import { SDK_REGION_NAMES } from "./azure-location-types.generated";

/**
 * Secondary region of each paired region (where GRS/RA-GRS/GZRS storage and geo-redundant backups replicate to),
 * from the Microsoft region-pair table. Pairs are not always symmetric: Brazil South → South Central US, West US 3
 * → East US, West India → South India. Regions without a pair (or whose secondary the table leaves ambiguous, such
 * as US Gov Texas) are absent: geo-redundancy there is treated as going to an unknown region.
 */
export const AZURE_PAIRED_REGION: Readonly<Record<string, string>> = Object.freeze({
    eastasia: "southeastasia",
    southeastasia: "eastasia",
    australiaeast: "australiasoutheast",
    australiasoutheast: "australiaeast",
    australiacentral: "australiacentral2",
    australiacentral2: "australiacentral",
    brazilsouth: "southcentralus",
    brazilsoutheast: "brazilsouth",
    canadacentral: "canadaeast",
    canadaeast: "canadacentral",
    chinanorth: "chinaeast",
    chinaeast: "chinanorth",
    chinanorth2: "chinaeast2",
    chinaeast2: "chinanorth2",
    chinanorth3: "chinaeast3",
    chinaeast3: "chinanorth3",
    northeurope: "westeurope",
    westeurope: "northeurope",
    francecentral: "francesouth",
    francesouth: "francecentral",
    germanywestcentral: "germanynorth",
    germanynorth: "germanywestcentral",
    centralindia: "southindia",
    southindia: "centralindia",
    westindia: "southindia",
    japaneast: "japanwest",
    japanwest: "japaneast",
    koreacentral: "koreasouth",
    koreasouth: "koreacentral",
    eastus: "westus",
    westus: "eastus",
    eastus2: "centralus",
    centralus: "eastus2",
    northcentralus: "southcentralus",
    southcentralus: "northcentralus",
    westus2: "westcentralus",
    westcentralus: "westus2",
    westus3: "eastus",
    norwayeast: "norwaywest",
    norwaywest: "norwayeast",
    southafricanorth: "southafricawest",
    southafricawest: "southafricanorth",
    swedencentral: "swedensouth",
    swedensouth: "swedencentral",
    switzerlandnorth: "switzerlandwest",
    switzerlandwest: "switzerlandnorth",
    uksouth: "ukwest",
    ukwest: "uksouth",
    uaenorth: "uaecentral",
    uaecentral: "uaenorth",
    usdodeast: "usdodcentral",
    usdodcentral: "usdodeast",
    usgovarizona: "usgovtexas",
    usgovvirginia: "usgovtexas",
});

/** Regions of the region-pair table (and its list of nonpaired regions) that the SDK's enumeration lacks. */
const EXTRA_REGION_NAMES: readonly string[] = ["austriaeast", "brazilsoutheast", "chinaeast3", "chinanorth3", "swedensouth", "westus3"];

/** Every Azure region name srguard knows (normalised: lower case, no spaces), sorted. */
export const KNOWN_AZURE_REGIONS: readonly string[] = Object.freeze(
    [...new Set([...SDK_REGION_NAMES, ...EXTRA_REGION_NAMES, ...Object.keys(AZURE_PAIRED_REGION), ...Object.values(AZURE_PAIRED_REGION)])].sort(),
);

/** The locations that mark a resource as global (no data region of its own), normalised. */
export const GLOBAL_LOCATIONS: ReadonlySet<string> = new Set(["global"]);

export const DEFAULT_ALLOWED_LOCATIONS: readonly string[] = Object.freeze(["japaneast", "japanwest"]);

/** The `allowedLocations` setting every data-region policy takes (same key, same default, same validation). */
export const ALLOWED_LOCATIONS_CONFIG = {
    type: "array",
    items: { type: "string", pattern: "^[a-z0-9]+$", enum: KNOWN_AZURE_REGIONS },
    default: DEFAULT_ALLOWED_LOCATIONS,
    description:
        "Azure regions data may live in, written as Azure's location names (lower case, no spaces: `japaneast`, not `Japan East`).",
} as const satisfies ConfigProperty;

const allowedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** `allowedLocations` as a set (built once per resolved config: the config object is cached and frozen). */
export function allowedLocationSet(allowed: readonly string[]): ReadonlySet<string> {
    let set = allowedSets.get(allowed);
    if (!set) allowedSets.set(allowed, (set = new Set(allowed)));
    return set;
}

/** "(allowed: japaneast, japanwest)": config values and fixed words only. */
export function allowedText(allowed: readonly string[]): string {
    return `(allowed: ${allowed.join(", ")})`;
}

/** Where a geo-redundant copy of data in `region` goes, judged against the allowed regions. */
export function pairedRegionVerdict(region: string, allowed: readonly string[]): "allowed" | "not-allowed" | "no-known-pair" {
    // Own keys only: a location such as "constructor" must not find Object.prototype members.
    const secondary = Object.hasOwn(AZURE_PAIRED_REGION, region) ? AZURE_PAIRED_REGION[region] : undefined;
    if (secondary === undefined) return "no-known-pair";
    return allowedLocationSet(allowed).has(secondary) ? "allowed" : "not-allowed";
}
