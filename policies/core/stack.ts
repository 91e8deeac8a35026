// Joining resources in a stack policy: which resource does a property refer to? First by property dependency
// (the engine records that `bucket: myBucket.id` came from `myBucket`, even while the id itself is unknown), then by
// value (a bucket name or id written out literally), never by resource order.
//
//     const buckets = new Join(stack.ofType(BUCKET), (b) => texts(b.props.get("bucket")));
//     const ref = buckets.resolve(block, "bucket");       // "resources" (targets) | "unknown" (value) | "none"
//     const blocksOf = new Companions(buckets, stack.ofType(BUCKET_BLOCK), "bucket");
//     blocksOf.of(bucket); blocksOf.unresolved;            // a bucket's blocks; blocks whose bucket is unknown
//
// A Join is built once per stack policy run, so joins stay linear in the number of resources.

import type { StackResource } from "./policy";
import type { KeyOf, Shape, Value } from "./read";
import type { ResourceArgs, ResourceToken } from "./resource-types.generated";

/** The top-level properties of a resource of type `T` (any name for a type without provider typing). */
export type PropertyOf<T extends string> = T extends ResourceToken ? KeyOf<Shape<ResourceArgs[T]>> : string;

/** What a property refers to among the joined resources. */
export type Ref<T extends string> =
    | { readonly kind: "resources"; readonly targets: readonly StackResource<T>[] }
    /** The value is unknown during preview and no property dependency says where it came from. */
    | { readonly kind: "unknown"; readonly value: Value }
    /** Nothing in the stack (not set, or a literal that no joined resource has). */
    | { readonly kind: "none" };

/** The known, non-empty strings among `values`: join keys of a resource (its name, id, ...). */
export function texts(...values: readonly Value[]): string[] {
    const out: string[] = [];
    for (const v of values) {
        const s = v.text();
        if (s !== undefined && s !== "") out.push(s);
    }
    return out;
}

/** Resources of a stack (`targets`) indexed by URN and by the join keys `keysOf` gives (e.g. `texts(b.props.get("bucket"))`). */
export class Join<T extends string> {
    private readonly byUrn = new Map<string, StackResource<T>>();
    private readonly byKey = new Map<string, StackResource<T>[]>();

    constructor(readonly targets: readonly StackResource<T>[], keysOf: (r: StackResource<T>) => readonly string[]) {
        for (const r of targets) {
            this.byUrn.set(r.urn, r);
            for (const k of keysOf(r)) {
                let list = this.byKey.get(k);
                if (!list) this.byKey.set(k, (list = []));
                list.push(r);
            }
        }
    }

    /**
     * Targets that `from`'s `property` was built from, anywhere inside it (the engine records property dependencies
     * per top-level property only, so for a nested field this is every target the block refers to).
     */
    dependencies<F extends string>(from: StackResource<F>, property: PropertyOf<F>): readonly StackResource<T>[] {
        const deps = from.resource.propertyDependencies[property];
        if (!deps || !deps.length) return [];
        return deps.map((d) => this.byUrn.get(d.urn)).filter((d): d is StackResource<T> => d !== undefined);
    }

    /** Targets with join key `key` (for a literal value found below the top level of a resource). */
    lookup(key: string): readonly StackResource<T>[] {
        return this.byKey.get(key) ?? [];
    }

    /** What `from`'s `property` (a name or id, as a string) refers to: by property dependency, then by value. */
    resolve<F extends string>(from: StackResource<F>, property: PropertyOf<F>): Ref<T> {
        const targets = this.dependencies(from, property);
        if (targets.length) return { kind: "resources", targets };
        const value = (from.props as Value<Readonly<Record<string, unknown>>>).get(property);
        if (value.isUnknown) return { kind: "unknown", value };
        const key = value.text();
        const byValue = key ? this.byKey.get(key) : undefined;
        return byValue && byValue.length ? { kind: "resources", targets: byValue } : { kind: "none" };
    }
}

/**
 * Companion resources grouped by the target their `property` refers to (a BucketPublicAccessBlock's or a
 * BucketServerSideEncryptionConfiguration's `bucket`). A companion that refers to several targets belongs to each.
 */
export class Companions<T extends string, C extends string> {
    private readonly byTarget = new Map<string, StackResource<C>[]>();
    /** Companions whose `property` is unknown during preview: they may belong to any target. */
    readonly unresolved: readonly StackResource<C>[];
    /** Companions that refer to no target of the join (not set, or a resource outside the stack). */
    readonly unjoined: readonly StackResource<C>[];

    constructor(join: Join<T>, companions: readonly StackResource<C>[], property: PropertyOf<C>) {
        const unresolved: StackResource<C>[] = [];
        const unjoined: StackResource<C>[] = [];
        for (const c of companions) {
            const ref = join.resolve(c, property);
            if (ref.kind === "unknown") unresolved.push(c);
            if (ref.kind === "none") unjoined.push(c);
            if (ref.kind !== "resources") continue;
            for (const t of ref.targets) {
                let list = this.byTarget.get(t.urn);
                if (!list) this.byTarget.set(t.urn, (list = []));
                list.push(c);
            }
        }
        this.unresolved = unresolved;
        this.unjoined = unjoined;
    }

    /** The companions that refer to `target`. */
    of(target: { readonly urn: string }): readonly StackResource<C>[] {
        return this.byTarget.get(target.urn) ?? [];
    }
}
