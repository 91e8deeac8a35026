import { ALLOWED_LOCATIONS_CONFIG, allowedLocationSet, allowedText } from "../core/azure-regions";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import type { Value } from "../core/read";
import { normalizeAzureLocation } from "../core/region";
import { each, fail, pass, unknown, type Verdict } from "../core/verdict";

// Where a resource keeps copies of its data outside its own `location` (checked by
// azure-regional-resource-restrict-location): replica, failover and distribution regions. Each check decides from the
// known values: one disallowed region fails whatever else is unknown (core/verdict.ts `each`).

/** A field naming a region (`Japan East`, `japaneast` and `JapanEast` are the same). `path` is for the message. */
function location(v: Value, path: string, allowed: readonly string[]): Verdict {
    if (v.isUnknown) return unknown(v);
    const name = v.text()?.trim();
    if (name === undefined || name === "") return pass;
    if (allowedLocationSet(allowed).has(normalizeAzureLocation(name))) return pass;
    return fail(`\`${path}\` is not an allowed region ${allowedText(allowed)}.`);
}

/** `judge` on each element of an array-or-single field, with its index; an unknown list or element is unknown. */
function eachItem<T>(v: Value<T>, judge: (item: Value, index: number) => Verdict): Verdict {
    return each(
        v.items().map((e, i) => [e as Value, i] as const),
        ([e, i]) => (e.isUnknown ? unknown(e) : judge(e, i)),
    );
}

const TYPES = [
    "azure-native:keyvault:ManagedHsm",
    "azure-native:redis:LinkedServer",
    "azure-native:redis:RedisLinkedServer",
    "azure-native:sql:InstanceFailoverGroup",
    "azure-native:dataprotection:BackupVault",
    "azure-native:compute:GalleryImageVersion",
] as const;
type Type = (typeof TYPES)[number];

/** Where each resource type keeps its copies, by canonical type. */
const REPLICAS: { readonly [T in Type]: (props: PropsOf<T>, allowed: readonly string[]) => Verdict } = {
    // Managed HSM multi-region replication: the pool's key material in every extended region.
    "azure-native:keyvault:ManagedHsm": (p, a) => {
        const properties = p.get("properties");
        if (properties.isUnknown) return unknown(properties);
        return eachItem(properties.get("regions"), (r, i) => location(r.get("name"), `properties.regions[${i}].name`, a));
    },
    // Redis geo-replication: the linked cache replicates the data.
    "azure-native:redis:LinkedServer": (p, a) => location(p.get("linkedRedisCacheLocation"), "linkedRedisCacheLocation", a),
    "azure-native:redis:RedisLinkedServer": (p, a) => location(p.get("linkedRedisCacheLocation"), "linkedRedisCacheLocation", a),
    "azure-native:sql:InstanceFailoverGroup": (p, a) =>
        eachItem(p.get("partnerRegions"), (r, i) => location(r.get("location"), `partnerRegions[${i}].location`, a)),
    // Backup vault replication (cross-region restore copies).
    "azure-native:dataprotection:BackupVault": (p, a) => {
        const properties = p.get("properties");
        if (properties.isUnknown) return unknown(properties);
        return eachItem(properties.get("replicatedRegions"), (r, i) => location(r, `properties.replicatedRegions[${i}]`, a));
    },
    // Compute Gallery image versions are replicated to each target region.
    "azure-native:compute:GalleryImageVersion": (p, a) => {
        const profile = p.get("publishingProfile");
        if (profile.isUnknown) return unknown(profile);
        return eachItem(profile.get("targetRegions"), (r, i) => location(r.get("name"), `publishingProfile.targetRegions[${i}].name`, a));
    },
};

export default defineResourcePolicy({
    name: "azure-regional-resource-restrict-replica-location",
    title: "Azure replicas, geo-replication links and failover partners are only in allowed regions",
    cloud: "azure",
    control: "data-region",
    severity: "high",
    description:
        "Regions a resource copies its data to, beyond its own `location`, must be allowed regions (default: japaneast, " +
        "japanwest): Managed HSM replica regions (`properties.regions`), Azure Cache for Redis geo-replication links " +
        "(`linkedRedisCacheLocation`), SQL Managed Instance failover-group partners (`partnerRegions`), Data Protection " +
        "backup-vault replicated regions and Compute Gallery image-version target regions.",
    remediation:
        "Replicate only to an allowed region (e.g. japaneast with its replica in japanwest), or remove the replica. The " +
        "resource's own `location` is checked by azure-regional-resource-restrict-location; Cosmos DB regions by " +
        "azure-cosmosdb-account-restrict-locations; storage geo-replication by azure-storage-account-restrict-geo-replication.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.5.34" }],
    enforcementLevel: "mandatory",
    resourceTypes: TYPES,
    config: { allowedLocations: ALLOWED_LOCATIONS_CONFIG },
    examples: {
        pass: [
            {
                title: "a Managed HSM replicated to Japan West",
                type: "azure-native:keyvault:ManagedHsm",
                props: { resourceGroupName: "rg", location: "japaneast", properties: { enablePurgeProtection: true, regions: [{ name: "japanwest" }] } },
            },
            {
                title: "a Redis geo-replica in Japan West",
                type: "azure-native:redis:LinkedServer",
                props: { resourceGroupName: "rg", name: "primary", linkedRedisCacheId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Cache/Redis/secondary", linkedRedisCacheLocation: "Japan West", serverRole: "Secondary" },
            },
        ],
        fail: [
            {
                title: "a Redis geo-replica in East US",
                type: "azure-native:redis:LinkedServer",
                props: { resourceGroupName: "rg", name: "primary", linkedRedisCacheId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Cache/Redis/secondary", linkedRedisCacheLocation: "East US", serverRole: "Secondary" },
            },
        ],
    },
    check(resource, config) {
        const replicas = REPLICAS[resource.canonicalType] as (props: typeof resource.props, allowed: readonly string[]) => Verdict;
        return replicas(resource.props, config.allowedLocations);
    },
});
