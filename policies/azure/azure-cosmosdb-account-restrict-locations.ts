import { ALLOWED_LOCATIONS_CONFIG, allowedLocationSet, allowedText, pairedRegionVerdict } from "../core/azure-regions";
import { defineResourcePolicy, type Report } from "../core/policy-legacy";
import { type ProviderRef, azureLocation, normalizeAzureLocation } from "../core/region";
import { type Props, asArray, isKnown, isObject, knownItems, sameText } from "../core/values";

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
    check({ props, provider }, config, report) {
        const writeRegion = checkLocations(props, config.allowedLocations, report);
        if (writeRegion === "reported") return;
        checkPeriodicBackup(props, provider, writeRegion, config.allowedLocations, report);
    },
});

/**
 * Reports disallowed `locations` entries. Returns "reported" when one was reported, else the write region
 * (failover priority 0, normalised) when it is known, else undefined.
 */
function checkLocations(props: Props, allowedList: readonly string[], report: Report): string | "reported" | undefined {
    const allowed = allowedLocationSet(allowedList);
    // Report every known disallowed region first; only then may an unknown entry make the verdict "can't know".
    const { items, anyUnknown } = knownItems(props.locations);
    let unknown = anyUnknown;
    let reported = false;
    let writeRegion: string | undefined;
    items.forEach((loc, i) => {
        if (!isObject(loc)) return;
        if (!isKnown(loc, "locationName")) {
            unknown = true;
            return;
        }
        const name = loc.locationName;
        if (typeof name !== "string" || name.trim() === "") {
            report(`\`locations[${i}].locationName\` is not set; set it to an allowed region ${allowedText(allowedList)}.`);
            reported = true;
            return;
        }
        const region = normalizeAzureLocation(name.trim());
        if (!allowed.has(region)) {
            report(`\`locations[${i}].locationName\` is not an allowed region ${allowedText(allowedList)}.`);
            reported = true;
        } else if (isKnown(loc, "failoverPriority") && (loc.failoverPriority === 0 || loc.failoverPriority === undefined) && writeRegion === undefined) {
            writeRegion = region;
        }
    });
    if (reported) return "reported";
    if (unknown) {
        // The verdict depends on the unknown entries: reading them says "can't know during preview".
        // (`locations` may be one object rather than a list, as knownItems accepts.)
        for (const loc of asArray(props.locations)) if (isObject(loc)) void loc.locationName;
    }
    return writeRegion;
}

function checkPeriodicBackup(props: Props, provider: ProviderRef | undefined, writeRegion: string | undefined, allowed: readonly string[], report: Report): void {
    const policy = props.backupPolicy;
    // No backup policy means periodic mode; continuous-mode backups stay in the account's regions.
    if (isObject(policy) && !sameText(policy.type, "Periodic")) return;
    const periodic = isObject(policy) && isObject(policy.periodicModeProperties) ? policy.periodicModeProperties : undefined;
    const redundancy = periodic ? periodic.backupStorageRedundancy : undefined;
    // Unset means Geo: Cosmos DB stores periodic backups geo-redundantly by default.
    if (redundancy !== undefined && redundancy !== null && !sameText(redundancy, "Geo")) return;
    const region = writeRegion ?? (() => {
        const placement = azureLocation(props, provider);
        return placement.found ? placement.region : undefined;
    })();
    const setting = "`backupPolicy.periodicModeProperties.backupStorageRedundancy`";
    if (region === undefined) {
        report(`${setting} is geo-redundant (the default), but the account's write region is not known; set \`locations\` (or \`location\`) so the backup's paired region can be checked.`);
        return;
    }
    const verdict = pairedRegionVerdict(region, allowed);
    if (verdict === "allowed") return;
    report(
        verdict === "no-known-pair"
            ? `${setting} is geo-redundant (the default), but the write region has no known region pair, so the backup copy may leave the allowed regions ${allowedText(allowed)}; set it to Local or Zone.`
            : `${setting} is geo-redundant (the default), which copies backups to the write region's paired region, and that region is not an allowed region ${allowedText(allowed)}; set it to Local or Zone.`,
    );
}
