// Deciding from the values that are known, and only then letting an unknown speak.
//
// A check that looks at several values (a canned ACL and a list of grants, the statements of a policy document)
// can often decide from the known ones even while others are unknown during preview: one public grant is enough
// to fail. `KnownValues` reads a value only when it is known and remembers where it skipped an unknown; when the
// check could not decide from the known values, `settle()` reads the first skipped value through the SDK's proxy,
// which throws the SDK's UnknownValueError naming the property path ("can't run during preview"). Nothing is
// wrapped in try/catch: the unknown is never hidden.

import { isKnown } from "./values";

export type Read = { readonly known: true; readonly value: unknown } | { readonly known: false };

const UNKNOWN_READ: Read = Object.freeze({ known: false });

/** Reads every nested value of `v` through the proxy: throws the SDK's UnknownValueError at the first unknown. */
export function readThrough(v: unknown): void {
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) readThrough(o[k]);
}

export class KnownValues {
    private readonly skipped: (() => void)[] = [];

    /** `o[key]` when it is known (`undefined` when `o` is not an object); otherwise remembers it and says so. */
    get(o: unknown, key: string): Read {
        if (o === null || typeof o !== "object") return { known: true, value: undefined };
        const rec = o as Record<string, unknown>;
        if (!isKnown(rec, key)) {
            this.skipped.push(() => void rec[key]);
            return UNKNOWN_READ;
        }
        return { known: true, value: rec[key] };
    }

    /** Remembers a value the check cannot decide without (read through the proxy by `settle`). */
    defer(read: () => unknown): void {
        this.skipped.push(() => readThrough(read()));
    }

    /** Whether some value was skipped because it is unknown. */
    get incomplete(): boolean {
        return this.skipped.length > 0;
    }

    /**
     * Call when the known values did not decide: reads the first skipped value through the SDK's proxy, which
     * throws the SDK's UnknownValueError (the SDK reports "can't run during preview" for that property path).
     */
    settle(): void {
        const [first] = this.skipped;
        if (first) first();
    }
}
