// What a check decides: `pass`, `fail` (one message per finding) or `unknown` (the values it needed that are unknown
// during preview). A check returns a verdict and never speaks the SDK's protocol: core/policy.ts turns `unknown` into
// the SDK's "can't run during preview" in one place.
//
// Combining verdicts (`all`): a proven violation is never hidden by an unrelated unknown — any `fail` wins, with every
// message; only when nothing failed does an `unknown` stand; otherwise `pass`.

import type { Value } from "./read";

/** What an unknown verdict needed: a value (re-read through the SDK's proxy) or, in a stack policy, a description. */
export type Need = Value | string;

export type Verdict =
    | { readonly kind: "pass" }
    | { readonly kind: "fail"; readonly messages: readonly string[] }
    | { readonly kind: "unknown"; readonly needs: readonly Need[] };

export const pass: Verdict = Object.freeze({ kind: "pass" });

/** A violation: each message says which property, what it is, what it must be — never a value that could be secret. */
export function fail(...messages: readonly string[]): Verdict {
    return { kind: "fail", messages };
}

/**
 * The check cannot decide from the known values: it needs these. Values that turn out to be known are dropped (a
 * verdict with nothing unknown left is a programming error, reported as such by the framework).
 */
export function unknown(...needs: readonly (Need | undefined)[]): Verdict {
    return { kind: "unknown", needs: needs.filter((n): n is Need => n !== undefined && (typeof n === "string" || n.hasUnknown)) };
}

/** `fail` when any verdict fails (every message, in order), else `unknown` when any is (every need), else `pass`. */
export function all(verdicts: Iterable<Verdict>): Verdict {
    const messages: string[] = [];
    const needs: Need[] = [];
    let undecided = false;
    for (const v of verdicts) {
        if (v.kind === "fail") messages.push(...v.messages);
        else if (v.kind === "unknown") {
            undecided = true;
            needs.push(...v.needs);
        }
    }
    if (messages.length) return { kind: "fail", messages };
    return undecided ? { kind: "unknown", needs } : pass;
}

/** `all` over the verdicts `check` gives for each element. */
export function each<T>(items: Iterable<T>, check: (item: T) => Verdict): Verdict {
    const out: Verdict[] = [];
    for (const item of items) out.push(check(item));
    return all(out);
}

/** `fail(message)` when `condition` holds, else `pass`. */
export function failIf(condition: boolean, message: string): Verdict {
    return condition ? fail(message) : pass;
}

/** Where the check stands on `value`: `unknown(value)` while it is unknown (anywhere inside), else `decide(value)`. */
export function decide<T>(value: Value<T>, decideKnown: (v: Value<T>) => Verdict): Verdict {
    return value.hasUnknown ? unknown(value) : decideKnown(value);
}
