// The log types a database (RDS instance, Aurora cluster, DocumentDB, Neptune, Redshift Serverless) exports to
// CloudWatch Logs, held against the types a benchmark requires: one message naming the missing types, or unknown while
// the list (or an element of it) is unknown during preview and the known elements do not already contain them all.
// Log types compare without case (the APIs spell them in lower case).

import type { Value } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

/**
 * `exports` (an array-or-single property such as `enabledCloudwatchLogsExports`) must contain every type of
 * `required`; `what` names the resource in the message (e.g. "the PostgreSQL instance").
 */
export function logExports(exports: Value, required: readonly string[], what: string): Verdict {
    const items = exports.items();
    const have = new Set(items.map((i) => i.text()?.trim().toLowerCase()).filter((s): s is string => s !== undefined));
    const missing = required.filter((r) => !have.has(r.toLowerCase()));
    if (!missing.length) return pass;
    if (items.some((i) => i.isUnknown)) return unknown(...items);
    const list = missing.map((m) => `"${m}"`).join(", ");
    return fail(
        `\`${exports.path}\` does not contain ${list}, so ${what} does not publish ${missing.length > 1 ? "those logs" : "that log"} to CloudWatch Logs; add ${missing.length > 1 ? "them" : "it"}.`,
    );
}
