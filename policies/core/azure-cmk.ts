// Customer-managed keys and other settings an Azure encryption policy reads: a key reference must name something, an
// enum-like setting must be one of the secure spellings (any case: core/azure.ts). Each returns a verdict; combine
// them with `all` (a known violation wins over an unrelated unknown).

import { isAzureText } from "./azure";
import type { Value } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

/** `pass` when `value` names a key (a non-blank string), `fail(message)` when it is known and names none, else `unknown`. */
export function namesKey(value: Value, message: string): Verdict {
    if (value.isUnknown) return unknown(value);
    return value.isText() ? pass : fail(message);
}

/** `pass` when `value` is one of `options` (any case), `fail(message)` when it is known and is not, else `unknown`. */
export function isSetting(value: Value, options: readonly string[], message: string): Verdict {
    if (value.isUnknown) return unknown(value);
    return isAzureText(value, ...options) ? pass : fail(message);
}

/** `pass` when `value` is true (or "true"), `fail(message)` when it is known and is not (unset included), else `unknown`. */
export function isOn(value: Value, message: string): Verdict {
    if (value.isUnknown) return unknown(value);
    return value.isTrue() ? pass : fail(message);
}

/**
 * `pass` when `judge` passes one of `items` (a list where one good entry is enough: a namespace's keys), else
 * `unknown` while one may still pass, else `fail(message)` (also when there are none).
 */
export function anyOf<T>(items: readonly T[], judge: (item: T) => Verdict, message: string): Verdict {
    const verdicts = items.map(judge);
    if (verdicts.some((v) => v.kind === "pass")) return pass;
    const pending = verdicts.filter((v) => v.kind === "unknown");
    if (pending.length) return { kind: "unknown", needs: pending.flatMap((v) => (v.kind === "unknown" ? v.needs : [])) };
    return fail(message);
}
