// ISO-8601 durations (`PT8H`, `PT30M`, `PT1H30M`, `P1D`, `P1DT2H`, `P1W`, `PT0.5H`), as Azure writes time limits
// (Lighthouse just-in-time activation, PIM expirations). Years and months have no fixed length, so a duration that
// uses them is not read (callers treat it as malformed).

const N = String.raw`(\d+(?:[.,]\d+)?)`;
/** Case-insensitive by character classes (not a flag), so that the same source works as a config `pattern`. */
const DURATION_SOURCE = `^[Pp](?!$)(?:${N}[Ww])?(?:${N}[Dd])?(?:[Tt](?!$)(?:${N}[Hh])?(?:${N}[Mm])?(?:${N}[Ss])?)?$`;
const DURATION = new RegExp(DURATION_SOURCE);

/** Config pattern for a duration the policies can read (weeks, days, hours, minutes, seconds; upper or lower case). */
export const ISO_DURATION_PATTERN = DURATION_SOURCE;

const SECONDS = [7 * 86400, 86400, 3600, 60, 1] as const;

/**
 * The length of an ISO-8601 duration in seconds: weeks, days, hours, minutes and seconds, each optional, a decimal
 * fraction allowed (`.` or `,`), any case, surrounding spaces ignored. `undefined` when `v` is not a string or not
 * such a duration (including years and months, which have no fixed length, and an empty `P` / `PT`).
 */
export function isoDurationSeconds(v: unknown): number | undefined {
    if (typeof v !== "string") return undefined;
    const m = DURATION.exec(v.trim());
    if (!m) return undefined;
    let total = 0;
    for (let i = 0; i < SECONDS.length; i++) {
        const part = m[i + 1];
        if (part !== undefined) total += Number(part.replace(",", ".")) * (SECONDS[i] ?? 0);
    }
    return total;
}
