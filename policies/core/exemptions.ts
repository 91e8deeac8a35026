// Exemptions: an accepted exception to one policy on one resource, with a reason and an expiry date. Two sources:
//
// - central, in the policy-pack config under the pack's own policy `srguard-exemptions` (the file that
//   `pulumi preview --policy-pack-config` and `srguard --config` take):
//     { "srguard-exemptions": { "exemptions": [ { "policy": "<policy name>", "resource": "<URN or name, * globs>",
//       "reason": "...", "expires": "YYYY-MM-DD", "ticket": "SEC-123" } ], "allowInCodeExemptions": true,
//       "maxDays": 365 } }
// - in code, as a resource tag (a `tags` map): key `srguard-exempt:<policy name>`, value `<YYYY-MM-DD> <reason>`,
//   honoured only while `allowInCodeExemptions` is true (the default).
//
// An exemption counts only while it is valid (a reason, a well-formed date at most `maxDays` ahead, a tag value that
// is not secret) and in force (today is on or before its expiry date, UTC). Then the violation is still reported but
// no longer blocks: the framework (core/policy.ts) reports it through the SDK's object form of reportViolation at the
// `advisory` level — CrossGuard has no "suppressed" level, and an advisory is what the Pulumi CLI shows without
// failing the preview — with a last line `EXEMPTED until <date> by <source>: <reason>`. An expired exemption stops
// counting: the violation keeps its level and says `NO LONGER EXEMPTED: <source> expired on <date>: <reason>`. An
// invalid exemption never exempts: the violation says `EXEMPTION NOT HONOURED: ...`, and `srguard-exemptions`
// (policies/srguard/srguard-exemptions.ts, mandatory by default) reports it, as it reports a config exemption that
// matches no resource or names no policy of the pack. Nothing here ever widens silently: when the pack cannot read the
// settings (core/sdk-contract.ts §5) or cannot tell a secret tag (§6), nothing (or no tag) is exempted, and the pack
// says so once on stderr.
//
// The date srguard judges on is today (UTC), or SRGUARD_TODAY=YYYY-MM-DD (for planning and for tests: the clock is
// injectable, never the real date in tests).

import type { ReportViolation } from "@pulumi/policy";
import { type ConfigOf, type ConfigSpec, resolveConfig } from "./config";
import { Value } from "./read";
import { configuredPolicies, noteFallback, sdkHasObjectReport, type SecretTags, secretTagsOfProps, secretTagTapProblem } from "./sdk-contract";

export const EXEMPTIONS_POLICY = "srguard-exemptions";
/** An in-code exemption's tag key: this prefix and the policy's name. */
export const EXEMPT_TAG_PREFIX = "srguard-exempt:";
export const DEFAULT_MAX_DAYS = 365;
/** The date expiry is judged on (YYYY-MM-DD, UTC) instead of today. */
export const TODAY_ENV = "SRGUARD_TODAY";

const POLICY_NAME = "^[a-z0-9]+(-[a-z0-9]+)*$";
/** No whitespace, comma or parenthesis: a ticket is printed inside the exemption line the gate reads back. */
const TICKET = "^[^\\s,()]{1,200}$";

export const exemptionsConfig = {
    exemptions: {
        type: "array",
        items: {
            type: "object",
            properties: {
                policy: { type: "string", pattern: POLICY_NAME, description: "The exact name of the policy exempted (no globs: an exemption never widens to other policies)." },
                resource: { type: "string", description: "The resource's URN or name; `*` matches any run of characters." },
                reason: { type: "string", description: "Why the exception is accepted (required: an exemption without one is reported and not honoured)." },
                expires: { type: "string", description: "The last day (YYYY-MM-DD, UTC) the exemption counts; at most maxDays ahead." },
                ticket: { type: "string", pattern: TICKET, description: "A reference for reviewers (e.g. SEC-123), optional." },
            },
            required: ["policy", "resource"],
            additionalProperties: false,
        },
        default: [],
        description: "Accepted exceptions: policy, resource (URN or name, * globs), reason, expires (YYYY-MM-DD), ticket.",
    },
    allowInCodeExemptions: {
        type: "boolean",
        default: true,
        description: "Honour `srguard-exempt:<policy>` tags on resources (false: a central team forbids in-code exemptions; such tags are reported).",
    },
    maxDays: {
        type: "integer",
        default: DEFAULT_MAX_DAYS,
        minimum: 1,
        maximum: 3650,
        description: "How far ahead an exemption may expire, in days from today.",
    },
} as const satisfies ConfigSpec;

export type ExemptionsConfig = ConfigOf<typeof exemptionsConfig>;

// ---------------------------------------------------------------------------------------------------------------
// Days and the clock

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD (UTC), or undefined when it is not one. */
export function dayNumber(text: string): number | undefined {
    const m = DAY.exec(text.trim());
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const date = new Date(t);
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
    return t / DAY_MS;
}

export function dayText(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

let injectedToday: string | undefined;

/** Tests: judge expiry as if today were `date` (YYYY-MM-DD); `undefined` goes back to SRGUARD_TODAY / the clock. */
export function setTodayForTesting(date: string | undefined): void {
    injectedToday = date;
}

/** Today (days since 1970-01-01, UTC): the injected date, else SRGUARD_TODAY, else the system clock. */
export function today(): number {
    const given = injectedToday ?? process.env[TODAY_ENV];
    if (given !== undefined && given.trim() !== "") {
        const n = dayNumber(given);
        if (n === undefined) throw new Error(`srguard: ${TODAY_ENV} must be a date YYYY-MM-DD, got '${given}'`);
        return n;
    }
    return Math.floor(Date.now() / DAY_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Exemptions and their standing

export type ExemptionSource = "config" | "tag";

export interface Exemption {
    readonly policy: string;
    readonly source: ExemptionSource;
    /** config: its 1-based position in `exemptions`. */
    readonly index?: number;
    /** config: the `resource` pattern. */
    readonly resource?: string;
    /** tag: the tag key as written. */
    readonly tagKey?: string;
    /** On one line; "" when there is none. */
    readonly reason: string;
    /** As written (trimmed); "" when there is none. */
    readonly expires: string;
    readonly ticket?: string;
    /** tag: whether its value (or the whole tags map) was secret; undefined when the pack cannot tell. */
    readonly secret?: boolean;
}

function oneLine(s: string): string {
    return s.replace(/\s+/g, " ").trim();
}

/** The exemptions of the config entry, in order. */
export function configExemptions(config: Pick<ExemptionsConfig, "exemptions">): Exemption[] {
    return config.exemptions.map((e, i) => ({
        policy: e.policy ?? "",
        source: "config",
        index: i + 1,
        resource: e.resource ?? "",
        reason: oneLine(e.reason ?? ""),
        expires: (e.expires ?? "").trim(),
        ...(e.ticket !== undefined ? { ticket: e.ticket } : {}),
    }));
}

/** A tag value `<YYYY-MM-DD> <reason>`: the first word is the date, the rest the reason. */
export function parseTagValue(value: string): { expires: string; reason: string } {
    const text = value.trim();
    const space = text.search(/\s/);
    return space < 0 ? { expires: text, reason: "" } : { expires: text.slice(0, space), reason: oneLine(text.slice(space)) };
}

export interface TagReading {
    readonly exemptions: readonly Exemption[];
    /** Exemption tag keys whose value is unknown during preview. */
    readonly unknownKeys: readonly string[];
    /** The `tags` map itself is unknown during preview. */
    readonly tagsUnknown: boolean;
}

/** The `srguard-exempt:*` tags of a resource (`props` as the SDK handed them over). */
export function tagExemptions(props: unknown, secrets: SecretTags | undefined = secretTagsOfProps(props)): TagReading {
    const tags = Value.root(props).get("tags");
    if (tags.isUnknown) return { exemptions: [], unknownKeys: [], tagsUnknown: true };
    const exemptions: Exemption[] = [];
    const unknownKeys: string[] = [];
    for (const [key, value] of tags.entries()) {
        if (!key.toLowerCase().startsWith(EXEMPT_TAG_PREFIX)) continue;
        if (value.isUnknown) {
            unknownKeys.push(key);
            continue;
        }
        const text = value.text();
        const { expires, reason } = text === undefined ? { expires: "", reason: "" } : parseTagValue(text);
        const secret = secrets === undefined ? undefined : secrets === "all" || secrets.has(key);
        exemptions.push({ policy: key.slice(EXEMPT_TAG_PREFIX.length).toLowerCase(), source: "tag", tagKey: key, reason, expires, ...(secret !== undefined ? { secret } : {}) });
    }
    return { exemptions, unknownKeys, tagsUnknown: false };
}

/** Whether an exemption's own words may be printed: config entries, and tags known not to be secret. */
export function printable(e: Exemption): boolean {
    return e.source === "config" || e.secret === false;
}

/** `config exemption #2, ticket SEC-9` or `tag srguard-exempt:aws-...` (the words the gate reads back). */
export function sourceText(e: Exemption): string {
    if (e.source === "tag") return `tag ${e.tagKey ?? EXEMPT_TAG_PREFIX + e.policy}`;
    return `config exemption #${e.index ?? 0}${e.ticket ? `, ticket ${e.ticket}` : ""}`;
}

export type Standing =
    | { readonly kind: "invalid"; readonly problems: readonly string[] }
    | { readonly kind: "in-force"; readonly expires: number; readonly daysLeft: number }
    | { readonly kind: "expired"; readonly expires: number };

/** Where an exemption stands on day `now`: invalid (why, never printing a value that may be secret), in force or expired. */
export function standing(e: Exemption, now: number, maxDays: number): Standing {
    const problems: string[] = [];
    const shown = printable(e);
    if (e.policy === EXEMPTIONS_POLICY) problems.push(`${EXEMPTIONS_POLICY} itself cannot be exempted`);
    if (e.source === "tag" && e.secret === true) problems.push("has a secret value, which is not shown: an exemption must be readable in a review");
    if (e.reason === "") problems.push(e.source === "tag" ? "has no reason after its date (`<YYYY-MM-DD> <reason>`)" : "has no reason");
    const day = e.expires === "" ? undefined : dayNumber(e.expires);
    if (e.expires === "") problems.push(e.source === "tag" ? "has no expiry date (`<YYYY-MM-DD> <reason>`)" : "has no expiry date (`expires`: YYYY-MM-DD)");
    else if (day === undefined) problems.push(shown ? `has an expiry '${e.expires}' that is not a date YYYY-MM-DD` : "has an expiry that is not a date YYYY-MM-DD");
    else if (day - now > maxDays) {
        problems.push(`${shown ? `expires on ${dayText(day)}, ${day - now} days from today` : `expires ${day - now} days from today`}: more than maxDays (${maxDays})`);
    }
    if (problems.length || day === undefined) return { kind: "invalid", problems };
    return day >= now ? { kind: "in-force", expires: day, daysLeft: day - now } : { kind: "expired", expires: day };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

/** A glob where `*` matches any run of characters (`::` and `/` included) and every other character itself. */
export function globMatcher(pattern: string): (s: string) => boolean {
    const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s");
    return (s) => re.test(s);
}

const matchers = new Map<string, (s: string) => boolean>();

/** Whether a config exemption's `resource` pattern names the resource: its URN or its name. */
export function matchesResource(pattern: string, urn: string, name: string): boolean {
    let m = matchers.get(pattern);
    if (!m) matchers.set(pattern, (m = globMatcher(pattern)));
    return m(urn) || m(name);
}

// ---------------------------------------------------------------------------------------------------------------
// The lines a finding carries (core/policy.ts appends them; the gate reads the first two kinds back)

export const EXEMPTED_MARK = "EXEMPTED";
export const EXPIRED_MARK = "NO LONGER EXEMPTED";
export const NOT_HONOURED_MARK = "EXEMPTION NOT HONOURED";

export function exemptedLine(e: Exemption, expires: number): string {
    return `${EXEMPTED_MARK} until ${dayText(expires)} by ${sourceText(e)}: ${e.reason}`;
}

export function expiredLine(e: Exemption, expires: number): string {
    return `${EXPIRED_MARK}: ${sourceText(e)} expired on ${dayText(expires)}: ${e.reason}`;
}

export interface ParsedExemptionLine {
    readonly status: "exempted" | "expired";
    readonly source: ExemptionSource;
    readonly expires: string;
    readonly reason: string;
    readonly ticket?: string;
    readonly index?: number;
    readonly tagKey?: string;
}

const SOURCE = String.raw`(?:config exemption #(\d+)(?:, ticket ([^\s,()]+))?|tag (\S+))`;
const EXEMPTED_RE = new RegExp(String.raw`^${EXEMPTED_MARK} until (\d{4}-\d{2}-\d{2}) by ${SOURCE}: (.*)$`);
const EXPIRED_RE = new RegExp(String.raw`^${EXPIRED_MARK}: ${SOURCE} expired on (\d{4}-\d{2}-\d{2}): (.*)$`);

/** The exemption line of a finding's message (its last line), as `exemptedLine` / `expiredLine` wrote it. */
export function parseExemptionLine(message: string): ParsedExemptionLine | undefined {
    const lines = message.split("\n");
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i] ?? "";
        let m = EXEMPTED_RE.exec(line);
        if (m) return parsed("exempted", m[1] ?? "", m[2], m[3], m[4], m[5] ?? "");
        m = EXPIRED_RE.exec(line);
        if (m) return parsed("expired", m[4] ?? "", m[1], m[2], m[3], m[5] ?? "");
        if (!line.startsWith(NOT_HONOURED_MARK)) break;
    }
    return undefined;
}

function parsed(status: "exempted" | "expired", expires: string, index: string | undefined, ticket: string | undefined, tagKey: string | undefined, reason: string): ParsedExemptionLine {
    return tagKey !== undefined
        ? { status, source: "tag", expires, reason, tagKey }
        : { status, source: "config", expires, reason, index: Number(index), ...(ticket !== undefined ? { ticket } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// The settings every policy applies (from the Configure tap)

export interface Settings {
    readonly config: ExemptionsConfig;
    readonly byPolicy: ReadonlyMap<string, readonly Exemption[]>;
    /** Tags are honoured: allowed by the config, and the pack can tell a secret tag value. */
    readonly tags: boolean;
    /** The pack's policy names (every entry the engine configured), when known. */
    readonly policyNames: ReadonlySet<string> | undefined;
}

let cached: { generation: number; settings: Settings | undefined } | undefined;

/** Says once on stderr that exemptions are off and why (nothing is then exempted: never the reverse). */
function off(why: string): undefined {
    noteFallback("exemption handling", `${why}; nothing is exempted`);
    return undefined;
}

/** The exemption settings in force, or undefined when exemptions are off (nothing is exempted). */
export function exemptionSettings(): Settings | undefined {
    const c = configuredPolicies();
    if (c === undefined) return undefined;
    if (typeof c === "string") return off(c);
    if (cached?.generation === c.generation) return cached.settings;
    let settings: Settings | undefined;
    const entry = c.policies.get(EXEMPTIONS_POLICY);
    if (!entry) settings = off(`the pack has no ${EXEMPTIONS_POLICY} policy`);
    else if (entry.enforcementLevel === "disabled") settings = undefined;
    else if (!sdkHasObjectReport()) settings = off("@pulumi/policy's reportViolation has no object form, which an exempted finding needs to be advisory");
    else {
        const config = resolveConfig(EXEMPTIONS_POLICY, exemptionsConfig, entry.properties);
        const byPolicy = new Map<string, Exemption[]>();
        for (const e of configExemptions(config)) byPolicy.set(e.policy, [...(byPolicy.get(e.policy) ?? []), e]);
        const tagProblem = config.allowInCodeExemptions ? secretTagTapProblem() : undefined;
        if (tagProblem) noteFallback("in-code (tag) exemptions", `${tagProblem}; no tag exempts anything`);
        settings = { config, byPolicy, tags: config.allowInCodeExemptions && !tagProblem, policyNames: new Set([...c.policies.keys()].filter((k) => k !== "all")) };
    }
    cached = { generation: c.generation, settings };
    return settings;
}

// ---------------------------------------------------------------------------------------------------------------
// Applying exemptions to a finding

/** The resource a finding is about, as the SDK handed it over. */
export interface Subject {
    readonly urn: string;
    readonly name: string;
    readonly props: unknown;
}

export interface Applied {
    /** The policy's message with the exemption lines appended. */
    readonly message: string;
    /** An exemption in force: report at the advisory level. */
    readonly exempted: boolean;
}

/** Decides whether `subject`'s finding of `policyName` is exempted, no longer exempted, or neither. */
export function applyExemptions(policyName: string, subject: Subject, message: string, settings: Settings | undefined = exemptionSettings(), now?: number): Applied {
    if (!settings || policyName === EXEMPTIONS_POLICY) return { message, exempted: false };
    const candidates = (settings.byPolicy.get(policyName) ?? []).filter((e) => matchesResource(e.resource ?? "", subject.urn, subject.name));
    const lines: string[] = [];
    if (settings.tags) {
        const reading = tagExemptions(subject.props);
        const own = `${EXEMPT_TAG_PREFIX}${policyName}`;
        for (const e of reading.exemptions) {
            if (e.policy !== policyName) continue;
            // Only a value known not to be secret may be printed, so only such a tag can exempt.
            if (e.secret === undefined) lines.push(`${NOT_HONOURED_MARK}: ${sourceText(e)}: srguard cannot tell whether its value is secret`);
            else candidates.push(e);
        }
        if (reading.tagsUnknown) lines.push(`${NOT_HONOURED_MARK}: the resource's tags are unknown during preview, so a \`${own}\` tag cannot be read`);
        else if (reading.unknownKeys.some((k) => k.toLowerCase() === own)) lines.push(`${NOT_HONOURED_MARK}: tag ${own} is unknown during preview`);
    }
    if (!candidates.length) return { message: lines.length ? `${message}\n${lines.join("\n")}` : message, exempted: false };
    const day = now ?? today();
    let best: { e: Exemption; expires: number } | undefined;
    let lastExpired: { e: Exemption; expires: number } | undefined;
    for (const e of candidates) {
        const s = standing(e, day, settings.config.maxDays);
        if (s.kind === "in-force" && (!best || s.expires > best.expires)) best = { e, expires: s.expires };
        else if (s.kind === "expired" && (!lastExpired || s.expires > lastExpired.expires)) lastExpired = { e, expires: s.expires };
        else if (s.kind === "invalid") lines.push(`${NOT_HONOURED_MARK}: ${sourceText(e)} ${s.problems.join("; ")} (${EXEMPTIONS_POLICY} reports it)`);
    }
    if (best) return { message: `${message}\n${exemptedLine(best.e, best.expires)}`, exempted: true };
    if (lastExpired) lines.push(expiredLine(lastExpired.e, lastExpired.expires));
    return { message: lines.length ? `${message}\n${lines.join("\n")}` : message, exempted: false };
}

/**
 * The framework's reporting path (core/policy.ts, and the callback API until it goes): reports `message` about
 * `subject` for `policy` — exempted findings at the advisory level through the SDK's object form (its message is
 * taken as is, so the description is put first as the SDK does for a string), others as the SDK's string form.
 */
export function exemptingReporter(
    policy: { readonly name: string; readonly description: string },
    reportViolation: ReportViolation,
    stage: "resource" | "stack",
): (message: string, subject: Subject) => void {
    const reportObject = reportViolation as unknown as (d: { message: string; urn: string; enforcementLevel: string }) => void;
    return (message, subject) => {
        const applied = applyExemptions(policy.name, subject, message, exemptionSettings());
        if (applied.exempted) reportObject({ message: `${policy.description}\n${applied.message}`, urn: subject.urn, enforcementLevel: "advisory" });
        else if (stage === "stack") reportViolation(applied.message, subject.urn);
        else reportViolation(applied.message);
    };
}
