// Which events a CloudTrail trail records, from its event selectors: does it record management events (AssumeRole
// and everything done with the session), read and write alike? Advanced selectors replace the basic ones when there
// are any; a trail with neither records management events, read and write (CloudTrail's default).

import type { TrailProps } from "./cloudtrail-trail";
import type { Value } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

interface AdvancedSelector {
    readonly fieldSelectors?: readonly { readonly field?: string; readonly equals?: readonly string[] }[];
}

/** The field selectors of an advanced selector on `field` (lower case): the lower-case values each selects (`equals`). */
function fieldSelectors(selector: Value<AdvancedSelector>, field: string): string[][] {
    const list = selector.get("fieldSelectors");
    if (!Array.isArray(list.value)) return [];
    const out: string[][] = [];
    for (const fs of list.items()) {
        if (fs.get("field").text()?.toLowerCase() !== field) continue;
        const equals = fs.get("equals");
        out.push(Array.isArray(equals.value) ? equals.items().flatMap((v) => (v.text() === undefined ? [] : [(v.text() ?? "").toLowerCase()])) : []);
    }
    return out;
}

function advanced(selectors: Value<readonly AdvancedSelector[] | undefined>, what: string): Verdict {
    if (selectors.hasUnknown) return unknown(selectors);
    const list = selectors.items();
    const management = list.filter((s) => fieldSelectors(s, "eventcategory").some((eq) => eq.includes("management")));
    if (!management.length) {
        return fail(
            `\`advancedEventSelectors\` select no management events (\`eventCategory\` = Management), so the trail does not record ${what}; ` +
                "add a selector for management events.",
        );
    }
    // A `readOnly` field selector narrows a management selector to read-only (true) or write (false) events.
    const selects = (readOnly: "true" | "false") => management.some((s) => fieldSelectors(s, "readonly").every((eq) => eq.length === 0 || eq.includes(readOnly)));
    if (selects("true") && selects("false")) return pass;
    return fail(
        `\`advancedEventSelectors\` select only read-only or only write management events (a \`readOnly\` field selector), so ` +
            `part of ${what} is not recorded; select management events without a \`readOnly\` filter.`,
    );
}

/**
 * Whether the trail records management events (AssumeRole is one), read and write alike, from its event selectors.
 * `what` names what would go unrecorded otherwise (each policy words it).
 */
export function recordsManagementEvents(props: TrailProps, what = "the API calls made in the account"): Verdict {
    const adv = props.get("advancedEventSelectors");
    if (adv.isUnknown) return unknown(adv);
    if (Array.isArray(adv.value) && adv.value.length > 0) return advanced(adv, what);
    const basic = props.get("eventSelectors");
    if (basic.isUnknown) return unknown(basic);
    if (!Array.isArray(basic.value) || basic.value.length === 0) return pass; // default: management events, read and write
    // Management events are recorded when the selectors together cover both read and write events (`readWriteType`
    // All, the default, or ReadOnly plus WriteOnly).
    let undecided = false;
    let reads = false;
    let writes = false;
    for (const s of basic.items()) {
        if (s.isUnknown) {
            undecided = true;
            continue;
        }
        if (!s.isSet || typeof s.value !== "object" || Array.isArray(s.value)) continue;
        const include = s.get("includeManagementEvents");
        const readWriteType = s.get("readWriteType");
        if (include.isUnknown || readWriteType.isUnknown) undecided = true;
        else if (!include.isFalse()) {
            const readWrite = readWriteType.text()?.trim().toLowerCase() ?? "all";
            if (readWrite !== "writeonly") reads = true;
            if (readWrite !== "readonly") writes = true;
        }
    }
    if (reads && writes) return pass;
    if (undecided) return unknown(basic);
    if (reads || writes) {
        return fail(
            `\`eventSelectors\` record only read or only write management events (\`readWriteType\`), so part of ` +
                `${what} is not recorded; set \`readWriteType\` to All (or leave it unset).`,
        );
    }
    return fail(`\`eventSelectors\` exclude management events (\`includeManagementEvents\` is false in every selector), so the trail does not record ${what}; include management events.`);
}

/** Which S3 object-level data events a trail records: reads, writes, and whether a value unknown during preview may add some. */
export interface S3ObjectEvents {
    readonly reads: boolean;
    readonly writes: boolean;
    /** Some selector is unknown during preview (the value to re-read for the advisory), so more may be recorded. */
    readonly unknown?: Value;
}

const S3_OBJECT = "aws::s3::object";

/**
 * The S3 object-level data events (`AWS::S3::Object`, any bucket) the trail's selectors record: basic `eventSelectors`
 * with a data resource of that type (`readWriteType` All by default, ReadOnly, WriteOnly), or advanced selectors with
 * `resources.type` equal to it (a `readOnly` field selector narrows to reads or writes). Advanced selectors replace the
 * basic ones when there are any. Which buckets a selector names is not judged (any bucket counts).
 */
export function s3ObjectEvents(props: TrailProps): S3ObjectEvents {
    const adv = props.get("advancedEventSelectors");
    if (adv.isUnknown) return { reads: false, writes: false, unknown: adv };
    if (Array.isArray(adv.value) && adv.value.length > 0) {
        if (adv.hasUnknown) return { reads: false, writes: false, unknown: adv };
        let reads = false;
        let writes = false;
        for (const s of adv.items()) {
            if (!fieldSelectors(s, "resources.type").some((eq) => eq.includes(S3_OBJECT))) continue;
            const readOnly = fieldSelectors(s, "readonly");
            if (readOnly.every((eq) => eq.length === 0 || eq.includes("true"))) reads = true;
            if (readOnly.every((eq) => eq.length === 0 || eq.includes("false"))) writes = true;
        }
        return { reads, writes };
    }
    const basic = props.get("eventSelectors");
    if (basic.isUnknown) return { reads: false, writes: false, unknown: basic };
    if (!Array.isArray(basic.value)) return { reads: false, writes: false };
    let reads = false;
    let writes = false;
    let undecided: Value | undefined;
    for (const s of basic.items()) {
        if (s.isUnknown) {
            undecided ??= basic;
            continue;
        }
        if (!s.isSet || typeof s.value !== "object" || Array.isArray(s.value)) continue;
        const resources = s.get("dataResources");
        if (resources.isUnknown) {
            undecided ??= resources;
            continue;
        }
        let s3 = false;
        for (const d of resources.items()) {
            const type = d.get("type");
            if (type.isUnknown) undecided ??= type;
            else if (type.text()?.trim().toLowerCase() === S3_OBJECT) s3 = true;
        }
        if (!s3) continue;
        const readWriteType = s.get("readWriteType");
        if (readWriteType.isUnknown) {
            undecided ??= readWriteType;
            continue;
        }
        const readWrite = readWriteType.text()?.trim().toLowerCase() ?? "all";
        if (readWrite !== "writeonly") reads = true;
        if (readWrite !== "readonly") writes = true;
    }
    return undecided ? { reads, writes, unknown: undecided } : { reads, writes };
}
