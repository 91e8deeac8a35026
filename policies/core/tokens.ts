// Resource type tokens: one canonical spelling for every way a provider writes the same resource type.
//
// - AWS v7 keeps deprecated S3 aliases (`aws:s3/bucketV2:BucketV2`, `aws:s3/bucketAclV2:BucketAclV2`, ...,
//   `aws:s3/BucketObject:BucketObject`) and mirror modules: `aws:alb/*` (and the older `applicationloadbalancing/*`,
//   `elasticloadbalancingv2/*`) mirror `aws:lb/*`, `elasticloadbalancing/*` mirrors `aws:elb/*`.
// - azure-native writes explicit API versions two ways: `azure-native:storage/v20230101:StorageAccount` (v2 style)
//   and the parameterised `azure-native_storage_v20230101:storage:StorageAccount` (v3 style); v3 also moved modules
//   (`insights` → `monitor`), and the old names stay as aliases. Cosmos DB resources also keep their
//   `documentdb` names (`azure-native:documentdb:DatabaseAccount`, after the Microsoft.DocumentDB provider) as
//   aliases of `cosmosdb`. (A few `documentdb` tokens alias `mongocluster` resources too, e.g.
//   `documentdb:FirewallRule`; they fold to a `cosmosdb` name, which for a token no policy targets is harmless.)

import { RENAMED_TYPES } from "./azure-location-types.generated";

/** Azure modules that azure-native renamed: old name → new name. */
const AZURE_MODULE_RENAMES: Readonly<Record<string, string>> = { insights: "monitor", documentdb: "cosmosdb" };

/** AWS resources whose deprecated spellings are not simply "the same name with V2/v2". */
const AWS_ALIASES: Readonly<Record<string, string>> = {
    "aws:s3/bucketObjectv2:BucketObjectv2": "aws:s3/bucketObject:BucketObject",
    // The old token BucketObjectv2 declares as its alias (old states and exports still hold it).
    "aws:s3/BucketObject:BucketObject": "aws:s3/bucketObject:BucketObject",
};

/** AWS modules that mirror another module file for file (the SDK declares each resource's old token as an alias). */
const AWS_MODULE_ALIASES: Readonly<Record<string, string>> = {
    alb: "lb",
    applicationloadbalancing: "lb",
    elasticloadbalancingv2: "lb",
    elasticloadbalancing: "elb",
};

const cache = new Map<string, string>();

function canonicalAws(type: string): string {
    const exact = AWS_ALIASES[type];
    if (exact) return exact;
    // aws:alb/<file>:<Name> (and the older applicationloadbalancing / elasticloadbalancingv2) mirror aws:lb/<file>:<Name>;
    // elasticloadbalancing mirrors aws:elb.
    const slash = type.indexOf("/");
    const mirrored = slash > 4 ? AWS_MODULE_ALIASES[type.slice(4, slash)] : undefined;
    if (mirrored) return `aws:${mirrored}${type.slice(slash)}`;
    // aws:s3/bucketXxxV2:BucketXxxV2 → aws:s3/bucketXxx:BucketXxx
    const m = /^aws:s3\/([A-Za-z]+)V2:([A-Za-z]+)V2$/.exec(type);
    if (m && m[1] && m[2]) return `aws:s3/${m[1]}:${m[2]}`;
    return type;
}

function canonicalAzure(type: string): string {
    let module: string | undefined;
    let resource: string | undefined;
    // azure-native_<module>_<version>:<module>:<Resource>
    let m = /^azure-native_[A-Za-z0-9]+_[A-Za-z0-9]+:([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(type);
    if (m) {
        module = m[1];
        resource = m[2];
    } else {
        // azure-native:<module>[/<version>]:<Resource>
        m = /^azure-native:([A-Za-z0-9]+)(?:\/[A-Za-z0-9]+)?:([A-Za-z0-9]+)$/.exec(type);
        if (!m) return type;
        module = m[1];
        resource = m[2];
    }
    if (!module || !resource) return type;
    // Exact renames the SDK declares as aliases (insights split into monitor/applicationinsights, cache → redis,
    // network → dns/frontdoor/..., renamed resources); the module renames below cover tokens it does not list.
    const renamed = RENAMED_TYPES[`azure-native:${module}:${resource}`];
    if (renamed) return renamed;
    module = AZURE_MODULE_RENAMES[module] ?? module;
    return `azure-native:${module}:${resource}`;
}

/** The canonical token for `type` (cached: the pack sees the same few types again and again). */
export function canonicalType(type: string): string {
    let c = cache.get(type);
    if (c === undefined) {
        c = type.startsWith("aws:") ? canonicalAws(type) : type.startsWith("azure-native") ? canonicalAzure(type) : type;
        cache.set(type, c);
    }
    return c;
}

export function isAwsType(type: string): boolean {
    return type.startsWith("aws:");
}

const AWS_RESOURCE_TOKEN = /^aws:[a-z0-9]+\/[A-Za-z0-9_]+:[A-Za-z0-9_]+$/;

/**
 * Whether an AWS token names a custom resource — something the provider creates in a region — rather than a component.
 * Every resource of `@pulumi/aws` 7.48.0 (1,737 tokens) has the shape `aws:<module>/<file>:<Type>`; its components (the
 * `on*` helpers' `aws:cloudwatch:EventRuleEventSubscription`, `aws:cloudwatch:LogGroupEventSubscription`,
 * `aws:s3:BucketEventSubscription`, ...) have no `/<file>` part, create nothing themselves and have no region
 * (tests/policies/core/tokens.test.ts holds this to the installed SDK). azure-native has no components.
 */
export function isAwsResourceType(type: string): boolean {
    return AWS_RESOURCE_TOKEN.test(type);
}

export function isAzureType(type: string): boolean {
    return type.startsWith("azure-native:") || type.startsWith("azure-native_");
}

export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** The module part of a canonical token: `aws:s3/bucket:Bucket` → `s3`, `azure-native:storage:X` → `storage`. */
export function moduleOf(canonical: string): string {
    const afterPkg = canonical.slice(canonical.indexOf(":") + 1);
    const end = afterPkg.search(/[/:]/);
    return end < 0 ? afterPkg : afterPkg.slice(0, end);
}
