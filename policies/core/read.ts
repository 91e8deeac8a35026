// The one reader for resource properties, as `@pulumi/policy` hands them over: inside its unknown-checking proxy, where
// reading a value that is unknown during preview throws the SDK's UnknownValueError. A `Value` looks at whether a
// value is known *before* reading it, so a check can decide from what is known; an unknown value is handed back to the
// framework in an `unknown(...)` verdict (core/verdict.ts), which re-reads it through the proxy in one place so the SDK
// reports "can't run during preview" for that property path. Nothing here catches the SDK's error.
//
// Property names are typed by the provider's input type (core/resource-types.generated.ts): `get("kmsMasterKeyId")`
// on a queue compiles, `get("kmsMasterKeyID")` does not. Values themselves are `unknown` at run time: the engine,
// a state file or a fuzzer can hand over anything, so a check tests what it reads (`isTrue()`, `text()`, ...).

import type { Unwrap } from "@pulumi/pulumi";
import { PROXY_TARGET_KEY, UNKNOWN_SENTINELS } from "./sdk-contract";

/** Where a value stands: `set` (known and not null/undefined), `unset` (absent or null) or `unknown` during preview. */
export type State = "set" | "unset" | "unknown";

type Obj = Readonly<Record<string, unknown>>;

/** The keys of any member of a union (so a check can read the fields of every resource type it looks at). */
export type KeyOf<T> = T extends unknown ? (T extends readonly unknown[] ? never : T extends object ? keyof T & string : never) : never;
/** The type of field `K` of any member of `T` that has it. */
export type FieldOf<T, K extends string> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** The keys `get` takes on a value of type `T`: the provider's field names, any name when the type says nothing. */
export type KeysOf<T> = unknown extends T ? string : KeyOf<NonNullable<T>>;
/** The type of field `K` of a value of type `T` (`unknown` when the type says nothing). */
export type FieldTypeOf<T, K extends string> = unknown extends T ? unknown : FieldOf<NonNullable<T>, K>;
/** The element type of an array-or-single field. */
export type ItemOf<T> = unknown extends T ? unknown : NonNullable<T> extends readonly (infer E)[] ? E : NonNullable<T>;

/** The shape of a provider input type as a policy sees it: every `Input<...>` resolved (pulumi's `Unwrap`). */
export type Shape<Args> = Unwrap<Args>;

/** The object behind the SDK's proxy (or `o` itself when it is not proxied). Never handed to a check. */
function proxyTarget(o: object): Record<string, unknown> {
    const t = (o as Record<string, unknown>)[PROXY_TARGET_KEY];
    return (t && typeof t === "object" ? t : o) as Record<string, unknown>;
}

/** Whether `v` is the engine's spelling of a value that is unknown during preview. */
export function isUnknownValue(v: unknown): boolean {
    return typeof v === "string" && UNKNOWN_SENTINELS.has(v);
}

function join(base: string, key: string): string {
    return base ? `${base}.${key}` : key;
}

function containsUnknown(v: unknown): boolean {
    if (isUnknownValue(v)) return true;
    if (v === null || typeof v !== "object") return false;
    const t = proxyTarget(v);
    for (const k of Object.keys(t)) if (containsUnknown(t[k])) return true;
    return false;
}

/** Reads every nested value of `v` through the proxy: throws the SDK's UnknownValueError at the first unknown. */
function readThrough(v: unknown): void {
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) readThrough(o[k]);
}

const TRUE = /^true$/i;
const FALSE = /^false$/i;

/** A property value with its path: known (set or unset) or unknown during preview. */
export class Value<T = unknown> {
    /** @internal Use `Value.of` / `Value.root`. */
    private constructor(
        /** Property path for messages, e.g. `serverSideEncryption.enabled`, `rules[0]`. */
        readonly path: string,
        private readonly holder: Obj | readonly unknown[] | undefined,
        private readonly key: string | undefined,
        private readonly raw: unknown,
        readonly state: State,
    ) {}

    /** The properties of a resource (or any object the SDK handed over) as a root value. */
    static root<T = Obj>(props: unknown, path = ""): Value<T> {
        if (props === undefined || props === null) return new Value<T>(path, undefined, undefined, undefined, "unset");
        return new Value<T>(path, undefined, undefined, props, isUnknownValue(props) ? "unknown" : "set");
    }

    /** `holder[key]` without reading it through the proxy when it is unknown. */
    static of<T = unknown>(holder: Obj | readonly unknown[], key: string, path: string = key): Value<T> {
        const rec = holder as Record<string, unknown>;
        const t = proxyTarget(holder);
        const peek = t[key];
        if (isUnknownValue(peek)) return new Value<T>(path, holder, key, undefined, "unknown");
        // A known primitive is what the proxy would return (it only wraps objects and throws only for unknowns):
        // read through the proxy only what it wraps.
        const v = peek === null || (typeof peek !== "object" && typeof peek !== "function") ? peek : rec[key];
        return new Value<T>(path, holder, key, v, v === undefined || v === null ? "unset" : "set");
    }

    get isUnknown(): boolean {
        return this.state === "unknown";
    }

    /** Absent or null. */
    get isUnset(): boolean {
        return this.state === "unset";
    }

    get isSet(): boolean {
        return this.state === "set";
    }

    /** The value when it is set; `undefined` when it is unset or unknown (never throws). */
    get value(): unknown {
        return this.state === "set" ? this.raw : undefined;
    }

    /** Field `key` of this object value (unset when this value is unset or not an object; unknown when this is). */
    get<K extends KeysOf<T>>(key: K): Value<FieldTypeOf<T, K>> {
        const path = join(this.path, key);
        // Inside an unknown value: reading it through the proxy reads (and names) the unknown value itself.
        if (this.state === "unknown") return new Value(path, this.holder, this.key, undefined, "unknown");
        const o = this.raw;
        if (this.state !== "set" || typeof o !== "object" || o === null || Array.isArray(o)) {
            return new Value(path, undefined, undefined, undefined, "unset");
        }
        return Value.of(o as Obj, key, path);
    }

    /**
     * The elements of an array-or-single field: an array's elements (each possibly unknown), a single value as one
     * element, nothing when unset. An unknown field is one unknown element.
     */
    items(): Value<ItemOf<T>>[] {
        if (this.state === "unknown") return [this as unknown as Value<ItemOf<T>>];
        if (this.state === "unset") return [];
        const v = this.raw;
        if (!Array.isArray(v)) return [this as unknown as Value<ItemOf<T>>];
        const out: Value<ItemOf<T>>[] = [];
        for (let i = 0; i < v.length; i++) out.push(Value.of<ItemOf<T>>(v, String(i), `${this.path}[${i}]`));
        return out;
    }

    /** The object elements of an array-or-single block (known non-objects are left out; unknown ones stay). */
    blocks(): Value<ItemOf<T>>[] {
        return this.items().filter((e) => e.isUnknown || (e.isSet && typeof e.raw === "object" && !Array.isArray(e.raw)));
    }

    /** The entries of a map (tags, labels), each as a value; none when this is not a known object. */
    entries(): [string, Value][] {
        const o = this.raw;
        if (this.state !== "set" || typeof o !== "object" || o === null || Array.isArray(o)) return [];
        return Object.keys(proxyTarget(o)).map((k) => [k, Value.of(o as Obj, k, join(this.path, k))]);
    }

    /** Whether the value, or anything inside it, is unknown. */
    get hasUnknown(): boolean {
        return this.state === "unknown" || (this.state === "set" && containsUnknown(this.raw));
    }

    /** `true`, or the string "true" in any case (launch templates and some APIs carry booleans as strings). */
    isTrue(): boolean {
        const v = this.value;
        return v === true || (typeof v === "string" && TRUE.test(v));
    }

    /** `false`, or the string "false" in any case. */
    isFalse(): boolean {
        const v = this.value;
        return v === false || (typeof v === "string" && FALSE.test(v));
    }

    /** The value when it is a string. */
    text(): string | undefined {
        return typeof this.raw === "string" && this.state === "set" ? this.raw : undefined;
    }

    /** A string that says something: set and not blank. */
    isText(): boolean {
        const s = this.text();
        return s !== undefined && s.trim() !== "";
    }

    /** Known and says nothing: unset, or a blank string. */
    get isBlank(): boolean {
        if (this.state === "unset") return true;
        const s = this.text();
        return s !== undefined && s.trim() === "";
    }

    /** Whether the value is one of `options`, compared as text without case (enum spellings vary). */
    isOneOf(...options: readonly string[]): boolean {
        const s = this.text()?.trim().toLowerCase();
        return s !== undefined && options.some((o) => o.toLowerCase() === s);
    }

    /** A finite number, or a string that holds one (some fields travel as strings). */
    number(): number | undefined {
        const v = this.value;
        if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
        if (typeof v === "string" && v.trim() !== "") {
            const n = Number(v);
            return Number.isFinite(n) ? n : undefined;
        }
        return undefined;
    }

    /**
     * Reads the value through the SDK's proxy, in full: throws the SDK's UnknownValueError naming the first unknown
     * path inside it. Only the framework calls this (for an `unknown(...)` verdict).
     */
    readThroughProxy(): void {
        if (this.holder !== undefined && this.key !== undefined) readThrough((this.holder as Record<string, unknown>)[this.key]);
        else readThrough(this.raw);
    }
}
