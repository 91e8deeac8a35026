import { isAzureText, isObjectValue } from "../core/azure";
import { ALLOWED_LOCATIONS_CONFIG, allowedLocationSet, allowedText, pairedRegionVerdict } from "../core/azure-regions";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import type { Value } from "../core/read";
import { type ProviderRef, azurePlacement, normalizeAzureLocation } from "../core/region";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

type Account = PropsOf<"azure-native:cosmosdb:DatabaseAccount">;

export default defineResourcePolicy({
    name: "azure-cosmosdb-account-restrict-locations",
    title: "Cosmos DB accounts replicate and back up data only to allowed regions",
    cloud: "azure",
    control: "data-region",
    severity: "high",
    description:
        "Every region a Cosmos DB account replicates its data to (`locations[].locationName`: the write region and every " +
        "read or failover region) must be an allowed region, and periodic-mode backups — geo-redundant by default, copied " +
        "to the write region's paired region — must stay in allowed regions too. The account's own `location` is checked " +
        "by azure-regional-resource-restrict-location.",
    remediation:
        "Keep only allowed regions in `locations` (e.g. japaneast with failover to japanwest). For periodic backups in a " +
        "region whose pair is not allowed, set `backupPolicy.periodicModeProperties.backupStorageRedundancy` to `Local` or " +
        "`Zone`, or use continuous backup.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.5.34" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:cosmosdb:DatabaseAccount"],
    config: { allowedLocations: ALLOWED_LOCATIONS_CONFIG },
    examples: {
        pass: [
            {
                title: "an account in Japan East with failover to Japan West",
                type: "azure-native:cosmosdb:DatabaseAccount",
                props: { locations: [{ locationName: "Japan East", failoverPriority: 0 }, { locationName: "Japan West", failoverPriority: 1 }] },
            },
        ],
        fail: [
            { title: "a read region outside the allowed regions", type: "azure-native:cosmosdb:DatabaseAccount", props: { locations: [{ locationName: "japaneast", failoverPriority: 0 }, { locationName: "eastus", failoverPriority: 1 }] } },
            { title: "geo-redundant periodic backups from West Europe", type: "azure-native:cosmosdb:DatabaseAccount", props: { locations: [{ locationName: "westeurope" }] }, config: { allowedLocations: ["westeurope"] } },
        ],
    },
    check({ props, provider }, config) {
        const locations = checkLocations(props, config.allowedLocations);
        if (typeof locations !== "string" && locations !== undefined) return locations;
        return checkPeriodicBackup(props, provider, locations, config.allowedLocations);
    },
});

/**
 * The verdict on the `locations` entries when it is not a pass (every known disallowed region fails first; only then
 * may an unknown entry make it unknown), else the write region (failover priority 0, normalised) when it is known.
 */
function checkLocations(props: Account, allowedList: readonly string[]): Verdict | string | undefined {
    const allowed = allowedLocationSet(allowedList);
    const locations = props.get("locations");
    if (locations.isUnknown) return unknown(locations);
    const problems: string[] = [];
    const undecided: Value[] = [];
    let writeRegion: string | undefined;
    let i = -1; // the index among the known entries
    for (const loc of locations.items()) {
        if (loc.isUnknown) {
            undecided.push(loc);
            continue;
        }
        i++;
        if (!isObjectValue(loc)) continue;
        const locationName = loc.get("locationName");
        if (locationName.isUnknown) {
            undecided.push(locationName);
            continue;
        }
        const name = locationName.text();
        if (name === undefined || name.trim() === "") {
            problems.push(`\`locations[${i}].locationName\` is not set; set it to an allowed region ${allowedText(allowedList)}.`);
            continue;
        }
        const region = normalizeAzureLocation(name.trim());
        const priority = loc.get("failoverPriority");
        if (!allowed.has(region)) problems.push(`\`locations[${i}].locationName\` is not an allowed region ${allowedText(allowedList)}.`);
        else if (!priority.isUnknown && (priority.value === 0 || priority.isUnset) && writeRegion === undefined) writeRegion = region;
    }
    if (problems.length) return fail(...problems);
    return undecided.length ? unknown(...undecided) : writeRegion;
}

function checkPeriodicBackup(props: Account, provider: ProviderRef | undefined, writeRegion: string | undefined, allowed: readonly string[]): Verdict {
    const backup = props.get("backupPolicy");
    if (backup.isUnknown) return unknown(backup);
    // No backup policy means periodic mode; continuous-mode backups stay in the account's regions.
    if (isObjectValue(backup)) {
        const type = backup.get("type");
        if (type.isUnknown) return unknown(type);
        if (!isAzureText(type, "Periodic")) return pass;
    }
    const periodic = backup.get("periodicModeProperties");
    if (periodic.isUnknown) return unknown(periodic);
    const redundancy = periodic.get("backupStorageRedundancy");
    if (redundancy.isUnknown) return unknown(redundancy);
    // Unset means Geo: Cosmos DB stores periodic backups geo-redundantly by default.
    if (redundancy.isSet && !isAzureText(redundancy, "Geo")) return pass;
    let region = writeRegion;
    if (region === undefined) {
        const placement = azurePlacement(props.get("location"), provider);
        if ("kind" in placement) return placement;
        if (placement.found) region = placement.region;
    }
    const setting = "`backupPolicy.periodicModeProperties.backupStorageRedundancy`";
    if (region === undefined) {
        return fail(`${setting} is geo-redundant (the default), but the account's write region is not known; set \`locations\` (or \`location\`) so the backup's paired region can be checked.`);
    }
    const verdict = pairedRegionVerdict(region, allowed);
    if (verdict === "allowed") return pass;
    return fail(
        verdict === "no-known-pair"
            ? `${setting} is geo-redundant (the default), but the write region has no known region pair, so the backup copy may leave the allowed regions ${allowedText(allowed)}; set it to Local or Zone.`
            : `${setting} is geo-redundant (the default), which copies backups to the write region's paired region, and that region is not an allowed region ${allowedText(allowed)}; set it to Local or Zone.`,
    );
}
