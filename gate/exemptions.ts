// Exemptions as the gate shows them. Two views, both with the pack's own rules (policies/core/exemptions.ts):
//
// - of a run (`reportExemptions`): the exemptions the pack applied or found expired, read from the findings' messages
//   (the pack alone decides; the gate never evaluates a policy);
// - of a config and stacks (`srguard exemptions`, `declaredExemptions`): every exemption declared — the config's
//   `srguard-exemptions.exemptions` and the `srguard-exempt:<policy>` tags of the stacks' resources — with the resources
//   it matches and where it stands (in force, expired, or not honoured and why), soonest expiry first. A tag whose value
//   is secret (the gate holds the wire form: the engine's secret envelope) is listed without its value.

import {
    configExemptions,
    dayNumber,
    dayText,
    EXEMPT_TAG_PREFIX,
    type Exemption,
    EXEMPTIONS_POLICY,
    type ExemptionSource,
    exemptionsConfig,
    matchesResource,
    parseTagValue,
    sourceText,
    standing,
    today,
} from "../policies/core/exemptions";
import { ConfigError, resolveConfig } from "../policies/core/config";
import { inputError } from "./errors";
import { type Finding, isExempted, type StackResult } from "./evaluate";
import type { GateStack } from "./model";
import { type JsonObject, isJsonObject, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";

/** The date the gate judges expiry on: SRGUARD_TODAY, else today (UTC) — the pack is given the same. */
export function gateToday(): number {
    return today();
}

export interface ReportExemption {
    readonly policyName: string;
    readonly urn: string;
    readonly resourceName: string;
    readonly resourceType: string;
    /** `in-force`: the finding is exempted; `expired`: the violation counts again. */
    readonly status: "in-force" | "expired";
    readonly source: ExemptionSource;
    /** `config exemption #1, ticket SEC-123` or `tag srguard-exempt:<policy>`. */
    readonly where: string;
    readonly reason: string;
    readonly expires: string;
    readonly ticket: string | null;
    /** Days from today to the expiry date (0: expires today; negative: expired that many days ago). */
    readonly daysLeft: number;
}

/** The exemptions of a run's findings, soonest expiry first. */
export function reportExemptions(results: readonly StackResult[], now: number = gateToday()): ReportExemption[] {
    const out: ReportExemption[] = [];
    for (const r of results) {
        for (const f of r.findings) {
            const e = f.exemption;
            if (!e) continue;
            const day = dayNumber(e.expires) ?? now;
            out.push({
                policyName: f.policyName,
                urn: f.urn,
                resourceName: f.resourceName,
                resourceType: f.resourceType,
                status: e.status === "exempted" ? "in-force" : "expired",
                source: e.source,
                where: e.source === "tag" ? `tag ${e.tagKey ?? ""}` : `config exemption #${e.index ?? 0}${e.ticket ? `, ticket ${e.ticket}` : ""}`,
                reason: e.reason,
                expires: e.expires,
                ticket: e.ticket ?? null,
                daysLeft: day - now,
            });
        }
    }
    return out.sort((a, b) => a.daysLeft - b.daysLeft || a.policyName.localeCompare(b.policyName) || a.urn.localeCompare(b.urn));
}

/** Violations (exempted findings set apart). */
export function violationsOf(findings: readonly Finding[]): Finding[] {
    return findings.filter((f) => !isExempted(f));
}

export function exemptedOf(findings: readonly Finding[]): Finding[] {
    return findings.filter(isExempted);
}

/** `in 12 days`, `today`, `3 days ago`. */
export function daysText(daysLeft: number): string {
    if (daysLeft === 0) return "expires today";
    if (daysLeft > 0) return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
    return `expired ${-daysLeft} day${daysLeft === -1 ? "" : "s"} ago`;
}

// ---------------------------------------------------------------------------------------------------------------
// `srguard exemptions`: what is declared

export interface DeclaredExemption {
    readonly policyName: string;
    readonly source: ExemptionSource;
    /** `config exemption #2, ticket SEC-9` or `tag srguard-exempt:<policy>`. */
    readonly where: string;
    /** config: the resource pattern; tag: the resource's URN. */
    readonly resource: string;
    /** URNs of the stacks' resources it applies to (a tag: its own resource). */
    readonly matches: readonly string[];
    /** null when the value is secret (never shown). */
    readonly reason: string | null;
    readonly expires: string | null;
    readonly ticket: string | null;
    readonly status: "in-force" | "expired" | "not-honoured";
    /** Why it is not honoured (empty otherwise). */
    readonly problems: readonly string[];
    readonly daysLeft: number | null;
    /** The stack folder or file a tag exemption was found in. */
    readonly origin: string | null;
}

/** The `srguard-exemptions` entry of a policy-pack config document, validated by the pack's own spec. */
export function exemptionsEntry(doc: JsonObject | undefined, file: string) {
    const entry = doc?.[EXEMPTIONS_POLICY];
    const props: JsonObject = isJsonObject(entry) ? { ...entry } : {};
    delete props["enforcementLevel"];
    try {
        return resolveConfig(EXEMPTIONS_POLICY, exemptionsConfig, props);
    } catch (e) {
        if (e instanceof ConfigError) throw inputError(file, e.message);
        throw e;
    }
}

function isSecretEnvelope(v: unknown): v is JsonObject {
    return isJsonObject(v as JsonObject) && (v as JsonObject)[SIG_KEY] === SECRET_SIG;
}

/** The exemption tags of a resource's inputs (wire form), with secrets told apart. */
function tagsOf(inputs: JsonObject): { key: string; value: string | undefined; secret: boolean }[] {
    let tags = inputs["tags"];
    let allSecret = false;
    if (isSecretEnvelope(tags)) {
        allSecret = true;
        tags = tags["value"];
    }
    if (!isJsonObject(tags ?? null)) return [];
    const out: { key: string; value: string | undefined; secret: boolean }[] = [];
    for (const [key, raw] of Object.entries(tags as JsonObject)) {
        if (!key.toLowerCase().startsWith(EXEMPT_TAG_PREFIX)) continue;
        const secret = allSecret || isSecretEnvelope(raw);
        const v = isSecretEnvelope(raw) ? raw["value"] : raw;
        out.push({ key, value: typeof v === "string" && v !== UNKNOWN ? v : undefined, secret });
    }
    return out;
}

/** Every exemption declared in the config and on the stacks' resources, soonest expiry first. */
export function declaredExemptions(
    config: ReturnType<typeof exemptionsEntry>,
    stacks: readonly GateStack[],
    now: number = gateToday(),
): DeclaredExemption[] {
    const out: DeclaredExemption[] = [];
    const resources = stacks.flatMap((s) => s.resources);
    const describe = (e: Exemption, matches: readonly string[], origin: string | null, shown: boolean): DeclaredExemption => {
        const s = standing(e, now, config.maxDays);
        const problems = s.kind === "invalid" ? [...s.problems] : [];
        if (e.source === "config" && stacks.length && !matches.length) problems.push("matches no resource of the stacks given");
        if (e.source === "tag" && !config.allowInCodeExemptions) problems.push("in-code exemptions are not allowed (allowInCodeExemptions is false)");
        const day = s.kind === "invalid" ? undefined : s.expires;
        return {
            policyName: e.policy,
            source: e.source,
            where: sourceText(e),
            resource: e.source === "config" ? (e.resource ?? "") : (matches[0] ?? ""),
            matches,
            reason: shown ? e.reason : null,
            expires: shown ? e.expires || null : null,
            ticket: e.ticket ?? null,
            status: problems.length ? "not-honoured" : s.kind === "expired" ? "expired" : "in-force",
            problems,
            daysLeft: problems.length || day === undefined ? (shown ? daysOf(e.expires, now) : null) : day - now,
            origin,
        };
    };
    for (const e of configExemptions(config)) {
        out.push(describe(e, resources.filter((r) => matchesResource(e.resource ?? "", r.urn, r.name)).map((r) => r.urn), null, true));
    }
    for (const s of stacks) {
        for (const r of s.resources) {
            for (const t of tagsOf(r.inputs)) {
                const parsed = t.value === undefined ? { expires: "", reason: "" } : parseTagValue(t.value);
                const e: Exemption = { policy: t.key.slice(EXEMPT_TAG_PREFIX.length).toLowerCase(), source: "tag", tagKey: t.key, ...parsed, secret: t.secret };
                out.push(describe(e, [r.urn], s.origin, !t.secret));
            }
        }
    }
    return out.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.policyName.localeCompare(b.policyName) || a.resource.localeCompare(b.resource));
}

function daysOf(expires: string, now: number): number | null {
    const d = dayNumber(expires);
    return d === undefined ? null : d - now;
}

export function declaredText(list: readonly DeclaredExemption[], now: number = gateToday()): string {
    if (!list.length) return `No exemptions (as of ${dayText(now)}).\n`;
    const lines = [`Exemptions as of ${dayText(now)}, soonest expiry first:`, ""];
    for (const e of list) {
        const when = e.expires === null ? "expiry not shown (secret value)" : e.status === "not-honoured" ? `expires ${e.expires || "(no date)"}` : e.status === "expired" ? `expired on ${e.expires} (${-(e.daysLeft ?? 0)} days ago)` : `until ${e.expires} (${daysText(e.daysLeft ?? 0)})`;
        const status = e.status === "in-force" ? "IN FORCE" : e.status === "expired" ? "EXPIRED" : "NOT HONOURED";
        lines.push(`${status.padEnd(12)} ${e.policyName} on ${e.source === "config" ? `'${e.resource}'` : e.resource} — ${when}`);
        lines.push(`             ${e.where}${e.origin ? ` (${e.origin})` : ""}: ${e.reason === null ? "(reason not shown: the tag's value is secret)" : e.reason || "(no reason)"}`);
        if (e.source === "config" && e.matches.length) lines.push(`             matches ${e.matches.join(", ")}`);
        for (const p of e.problems) lines.push(`             not honoured: ${p}`);
    }
    return `${lines.join("\n")}\n`;
}

export function declaredJson(list: readonly DeclaredExemption[], now: number = gateToday()): string {
    return `${JSON.stringify({ today: dayText(now), exemptions: list }, null, 2)}\n`;
}
