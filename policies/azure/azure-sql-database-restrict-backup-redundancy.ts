import { ALLOWED_LOCATIONS_CONFIG, allowedText, pairedRegionVerdict } from "../core/azure-regions";
import { defineResourcePolicy } from "../core/policy-legacy";
import { azureLocation } from "../core/region";
import { sameText } from "../core/values";

export default defineResourcePolicy({
    name: "azure-sql-database-restrict-backup-redundancy",
    title: "Azure SQL backups are geo-replicated only to an allowed region",
    cloud: "azure",
    control: "data-region",
    severity: "high",
    description:
        "Azure SQL databases and managed instances keep their backups geo-redundantly by default (`Geo`, also `GeoZone`): " +
        "a copy of every backup goes to the paired region of the server's region, which must be an allowed region. " +
        "japaneast and japanwest are each other's pair.",
    remediation:
        "In a region whose pair is not allowed, set `requestedBackupStorageRedundancy` to `Local` or `Zone`. Geo-replicas " +
        "(`createMode: Secondary`) and failover-group partners are separate resources whose `location` " +
        "azure-regional-resource-restrict-location checks.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.5.34" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:sql:Database", "azure-native:sql:ManagedInstance"],
    config: { allowedLocations: ALLOWED_LOCATIONS_CONFIG },
    check({ props, provider }, config, report) {
        const redundancy = props.requestedBackupStorageRedundancy;
        // Unset means Geo (Azure SQL's default backup storage redundancy).
        if (redundancy !== undefined && redundancy !== null && !sameText(redundancy, "Geo") && !sameText(redundancy, "GeoZone")) return;
        const setting = "`requestedBackupStorageRedundancy`";
        const placement = azureLocation(props, provider);
        if (!placement.found) {
            report(`${setting} is geo-redundant (the default when unset), but neither \`location\` nor the provider's \`location\` is set; set \`location\` so the backups' paired region can be checked.`);
            return;
        }
        const verdict = pairedRegionVerdict(placement.region, config.allowedLocations);
        if (verdict === "allowed") return;
        report(
            verdict === "no-known-pair"
                ? `${setting} is geo-redundant (the default when unset), but the region has no known region pair, so backup copies may leave the allowed regions ${allowedText(config.allowedLocations)}; set it to Local or Zone.`
                : `${setting} is geo-redundant (the default when unset), which copies backups to the paired region of \`location\`, and that region is not an allowed region ${allowedText(config.allowedLocations)}; set it to Local or Zone.`,
        );
    },
});
