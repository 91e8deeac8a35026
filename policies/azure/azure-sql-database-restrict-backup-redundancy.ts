import { isAzureText } from "../core/azure";
import { ALLOWED_LOCATIONS_CONFIG, allowedText, pairedRegionVerdict } from "../core/azure-regions";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { azurePlacement } from "../core/region";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [
            { title: "a database in Japan East with geo-redundant backups (paired with Japan West)", type: "azure-native:sql:Database", props: { location: "japaneast" } },
            { title: "a database in West Europe with locally redundant backups", type: "azure-native:sql:Database", props: { location: "westeurope", requestedBackupStorageRedundancy: "Local" } },
        ],
        fail: [{ title: "a database in West Europe with geo-redundant backups (the default)", type: "azure-native:sql:Database", props: { location: "westeurope" } }],
    },
    check(resource, config) {
        const props: PropsOf<"azure-native:sql:Database" | "azure-native:sql:ManagedInstance"> = resource.props;
        const redundancy = props.get("requestedBackupStorageRedundancy");
        if (redundancy.isUnknown) return unknown(redundancy);
        // Unset means Geo (Azure SQL's default backup storage redundancy).
        if (redundancy.isSet && !isAzureText(redundancy, "Geo", "GeoZone")) return pass;
        const setting = "`requestedBackupStorageRedundancy`";
        const placement = azurePlacement(props.get("location"), resource.provider);
        if ("kind" in placement) return placement;
        if (!placement.found) {
            return fail(`${setting} is geo-redundant (the default when unset), but neither \`location\` nor the provider's \`location\` is set; set \`location\` so the backups' paired region can be checked.`);
        }
        const verdict = pairedRegionVerdict(placement.region, config.allowedLocations);
        if (verdict === "allowed") return pass;
        return fail(
            verdict === "no-known-pair"
                ? `${setting} is geo-redundant (the default when unset), but the region has no known region pair, so backup copies may leave the allowed regions ${allowedText(config.allowedLocations)}; set it to Local or Zone.`
                : `${setting} is geo-redundant (the default when unset), which copies backups to the paired region of \`location\`, and that region is not an allowed region ${allowedText(config.allowedLocations)}; set it to Local or Zone.`,
        );
    },
});
