// Reading resource properties as `@pulumi/policy` hands them over: inside its unknown-checking proxy, where reading
// a value that is unknown during preview throws the SDK's UnknownValueError (and the SDK turns that into an advisory
// "can't run during preview"). These helpers never hide that: they only let a check look at whether a value is
// known *before* reading it, so that it can still decide from the values that are known.

import { PROXY_TARGET_KEY, UNKNOWN_SENTINELS } from "./sdk-contract";

export type Props = Readonly<Record<string, unknown>>;

/** The object behind the SDK's proxy (or `o` itself when it is not proxied). Never returned to a check. */
export function proxyTarget(o: object): Record<string, unknown> {
    return target(o);
}

function target(o: object): Record<string, unknown> {
    const t = (o as Record<string, unknown>)[PROXY_TARGET_KEY];
    return (t && typeof t === "object" ? t : o) as Record<string, unknown>;
}

export function isUnknownValue(v: unknown): boolean {
    return typeof v === "string" && UNKNOWN_SENTINELS.has(v);
}

/** Whether `o[key]` is known (absent counts as known: `undefined`). Reading it afterwards cannot throw. */
export function isKnown(o: object, key: string): boolean {
    return !isUnknownValue(target(o)[key]);
}

/** Whether `v` holds an unknown anywhere inside it. */
export function containsUnknown(v: unknown): boolean {
    if (isUnknownValue(v)) return true;
    if (v === null || typeof v !== "object") return false;
    const t = target(v);
    for (const k of Object.keys(t)) {
        if (containsUnknown(t[k])) return true;
    }
    return false;
}

/** `o[key]` when it is known, `fallback` when it is unknown: for decisions that do not depend on it. */
export function knownOr<T>(o: object, key: string, fallback: T): unknown {
    return isKnown(o, key) ? (o as Record<string, unknown>)[key] : fallback;
}

/** Single value or array → array (many provider fields accept both). `undefined`/`null` → []. */
export function asArray(v: unknown): readonly unknown[] {
    if (v === undefined || v === null) return [];
    return Array.isArray(v) ? v : [v];
}

/** Objects in an array-or-object field (e.g. a block that the schema allows once or many times). */
export function objects(v: unknown): readonly Props[] {
    return asArray(v).filter((x): x is Props => typeof x === "object" && x !== null);
}

export function isObject(v: unknown): v is Props {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** true for `true` and the string "true" in any case (launch templates and some APIs carry booleans as strings). */
export function isTrue(v: unknown): boolean {
    return v === true || (typeof v === "string" && v.toLowerCase() === "true");
}

/** false for `false` and the string "false" in any case. */
export function isFalse(v: unknown): boolean {
    return v === false || (typeof v === "string" && v.toLowerCase() === "false");
}

export function lower(v: unknown): string | undefined {
    return typeof v === "string" ? v.toLowerCase() : undefined;
}

export function sameText(a: unknown, b: string): boolean {
    return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/**
 * The known elements of an array-or-single field, without touching the unknown ones (reading an unknown element
 * through the SDK's proxy throws), and whether any element was unknown. `undefined`/`null` → no elements.
 */
export function knownItems(v: unknown): { readonly items: readonly unknown[]; readonly anyUnknown: boolean } {
    if (v === undefined || v === null) return { items: [], anyUnknown: false };
    if (isUnknownValue(v)) return { items: [], anyUnknown: true };
    if (!Array.isArray(v)) return { items: [v], anyUnknown: false };
    const items: unknown[] = [];
    let anyUnknown = false;
    for (let i = 0; i < v.length; i++) {
        if (isKnown(v, String(i))) items.push(v[i]);
        else anyUnknown = true;
    }
    return { items, anyUnknown };
}
