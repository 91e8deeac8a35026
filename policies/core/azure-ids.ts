// Joining Azure resources by ARM id. ARM ids are case-insensitive ("/subscriptions/x/resourceGroups/rg" and
// ".../resourcegroups/RG" name the same thing), so literal ids are compared lower-cased, without trailing slashes.

import type { PolicyResource } from "@pulumi/policy";
import { type JoinIndex, type Reference } from "./stack";
import { isKnown } from "./values";

/** An ARM id normalised for comparison: trimmed, lower case, no trailing slash. */
export function normalizeAzureId(id: string): string {
    return id.trim().toLowerCase().replace(/\/+$/, "");
}

/** Join keys of a resource's known, literal ARM `id` (present once the resource exists), normalised. */
export function azureIdKeys(r: PolicyResource): string[] {
    if (!isKnown(r.props, "id")) return [];
    const id = r.props["id"];
    return typeof id === "string" && id !== "" ? [normalizeAzureId(id)] : [];
}

/**
 * What `from.props[property]` (an ARM id) refers to among the resources of `index` (built with normalised keys,
 * e.g. `azureIdKeys`): by property dependency first, then by the literal id compared case-insensitively.
 * A value built only from resources that are not indexed (`resourceUri: storageAccount.id` when the index holds
 * Key Vaults) refers to none of them, even while it is unknown.
 */
export function resolveAzureId(index: JoinIndex, from: PolicyResource, property: string): Reference {
    const deps = index.dependencies(from, property);
    if (deps.length) return { kind: "resources", targets: deps };
    if (!isKnown(from.props, property)) {
        return (from.propertyDependencies[property] ?? []).length ? { kind: "none" } : { kind: "unknown" };
    }
    const value = from.props[property];
    if (typeof value !== "string" || value === "") return { kind: "none" };
    const targets = index.lookup(normalizeAzureId(value));
    return targets.length ? { kind: "resources", targets } : { kind: "none" };
}
