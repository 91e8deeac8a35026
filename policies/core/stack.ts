// Joining resources in a stack policy: which resource does a property refer to? First by property dependency
// (the engine records that `bucket: myBucket.id` came from `myBucket`, even while the id itself is unknown), then by
// value (a bucket name or id written out literally), never by resource order.

import type { PolicyResource } from "@pulumi/policy";
import { isKnown } from "./values";

export type Reference =
    | { readonly kind: "resources"; readonly targets: readonly PolicyResource[] }
    | { readonly kind: "unknown" }
    | { readonly kind: "none" };

/** Literal (known, non-empty string) values of `keys` on a resource, for joining by value. */
export function knownStrings(r: PolicyResource, ...keys: readonly string[]): string[] {
    const out: string[] = [];
    for (const k of keys) {
        if (!isKnown(r.props, k)) continue;
        const v = r.props[k];
        if (typeof v === "string" && v !== "") out.push(v);
    }
    return out;
}

/**
 * An index from join key to resources, built once per stack policy run so that joins stay linear in the number of
 * resources (no per-resource scan of the whole stack).
 */
export class JoinIndex {
    private readonly byUrn = new Map<string, PolicyResource>();
    private readonly byKey = new Map<string, PolicyResource[]>();

    constructor(resources: readonly PolicyResource[], keysOf: (r: PolicyResource) => readonly string[]) {
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            for (const k of keysOf(r)) {
                let list = this.byKey.get(k);
                if (!list) this.byKey.set(k, (list = []));
                list.push(r);
            }
        }
    }

    /**
     * Indexed resources that `from.props[property]` was built from, anywhere inside it (the engine records property
     * dependencies per top-level property only, so for a nested field this is every resource the block refers to).
     */
    dependencies(from: PolicyResource, property: string): readonly PolicyResource[] {
        const deps = from.propertyDependencies[property];
        if (!deps || !deps.length) return [];
        return deps.map((d) => this.byUrn.get(d.urn)).filter((d): d is PolicyResource => d !== undefined);
    }

    /** Indexed resources with join key `key` (for a literal value found below the top level of a resource). */
    lookup(key: string): readonly PolicyResource[] {
        return this.byKey.get(key) ?? [];
    }

    /** What `from.props[property]` refers to among the indexed resources. */
    resolve(from: PolicyResource, property: string): Reference {
        const deps = from.propertyDependencies[property];
        if (deps && deps.length) {
            const targets = deps.map((d) => this.byUrn.get(d.urn)).filter((d): d is PolicyResource => d !== undefined);
            if (targets.length) return { kind: "resources", targets };
        }
        if (!isKnown(from.props, property)) return { kind: "unknown" };
        const value = from.props[property];
        if (typeof value !== "string" || value === "") return { kind: "none" };
        const targets = this.byKey.get(value);
        return targets && targets.length ? { kind: "resources", targets } : { kind: "none" };
    }
}
