// Joining Azure resources by ARM id. ARM ids are case-insensitive ("/subscriptions/x/resourceGroups/rg" and
// ".../resourcegroups/RG" name the same thing), so literal ids are compared lower-cased, without trailing slashes.

import type { StackResource } from "./policy";
import { Value } from "./read";
import type { Join, PropertyOf, Ref } from "./stack";

/** An ARM id normalised for comparison: trimmed, lower case, no trailing slash. */
export function normalizeAzureId(id: string): string {
    return id.trim().toLowerCase().replace(/\/+$/, "");
}

/**
 * Join keys of a resource's known, literal ARM `id` (present once the resource exists: not an input, so read from
 * the resource as the SDK hands it over), normalised.
 */
export function azureIdKeys(r: StackResource): string[] {
    const id = Value.of(r.resource.props, "id").text();
    return id !== undefined && id !== "" ? [normalizeAzureId(id)] : [];
}

/**
 * What `from`'s `property` (an ARM id) refers to among the resources of `index` (built with normalised keys, e.g.
 * `azureIdKeys`): by property dependency first, then by the literal id compared case-insensitively. A value built
 * only from resources that are not indexed (`resourceUri: storageAccount.id` when the index holds Key Vaults) refers
 * to none of them, even while it is unknown.
 */
export function resolveAzureId<T extends string, F extends string>(index: Join<T>, from: StackResource<F>, property: PropertyOf<F>): Ref<T> {
    const deps = index.dependencies(from, property);
    if (deps.length) return { kind: "resources", targets: deps };
    const value = Value.of(from.resource.props, property);
    if (value.isUnknown) return (from.resource.propertyDependencies[property] ?? []).length ? { kind: "none" } : { kind: "unknown", value };
    const id = value.text();
    if (id === undefined || id === "") return { kind: "none" };
    const targets = index.lookup(normalizeAzureId(id));
    return targets.length ? { kind: "resources", targets } : { kind: "none" };
}
