// CloudTrail log retention, shared by the log-retention and msp-delegation policies: joins each CloudTrail trail to
// the S3 bucket it delivers to (`s3BucketName`: by property dependency, then by bucket name) and that bucket to its
// lifecycle rules — `aws:s3/bucketLifecycleConfiguration` (V2 folds in) joined on its `bucket`, and the deprecated
// inline `lifecycleRules` of the bucket itself — and finds every enabled rule that would delete the trail's log files
// (current or noncurrent versions) before the minimum retention.
//
// CloudTrail writes to `<s3KeyPrefix>/AWSLogs/<account id>/CloudTrail/…` (organization trails:
// `AWSLogs/<org id>/<account id>/…`; digests in `CloudTrail-Digest/`, Insights in `CloudTrail-Insight/`), so a rule
// covers the logs when its prefix could begin such a key. CloudTrail does not tag its objects: rules filtered on tags
// never reach them.

import type { PolicyResource } from "@pulumi/policy";
import type { StackCheckContext } from "./policy-legacy";
import { JoinIndex, knownStrings, type Reference } from "./stack";
import { isFalse, isKnown, isObject, type Props } from "./values";

export const TRAIL = "aws:cloudtrail/trail:Trail";
export const BUCKET = "aws:s3/bucket:Bucket";
export const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

/** A three-way answer; `unknown` names the resource and property whose preview value the answer waits for. */
type Tri =
    | { readonly kind: "yes"; readonly what: string }
    | { readonly kind: "no" }
    | { readonly kind: "unknown"; readonly urn: string; readonly what: string };

const NO: Tri = { kind: "no" };
const yes = (what: string): Tri => ({ kind: "yes", what });
const unknownAt = (urn: string, what: string): Tri => ({ kind: "unknown", urn, what });

type Read = { readonly known: true; readonly value: unknown } | { readonly known: false };

function read(o: object, key: string): Read {
    return isKnown(o, key) ? { known: true, value: (o as Readonly<Record<string, unknown>>)[key] } : { known: false };
}

/** The objects of a block that the schema allows once or many times; undefined while it (or an element) is unknown. */
function blocks(o: object, key: string): readonly Props[] | undefined {
    const r = read(o, key);
    if (!r.known) return undefined;
    const v = r.value;
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return isObject(v) ? [v] : [];
    const out: Props[] = [];
    for (let i = 0; i < v.length; i++) {
        if (!isKnown(v, String(i))) return undefined;
        const item: unknown = v[i];
        if (isObject(item)) out.push(item);
    }
    return out;
}

/** How a lifecycle rule selects objects: by key prefix (`""` = every object), or by tags (never a CloudTrail log). */
type Scope = { readonly kind: "prefix"; readonly prefix: string } | { readonly kind: "tagged" } | { readonly kind: "unknown"; readonly what: string };

interface Rule {
    /** Property path of the rule, e.g. `rules[0]` or `lifecycleRules[2]`. */
    readonly path: string;
    readonly enabled: Tri;
    /** Whether the rule deletes objects (current or noncurrent) before the minimum retention. */
    readonly early: Tri;
    readonly scope: Scope;
}

/** Any `yes` wins, else any `unknown`, else `no`. */
function anyOf(answers: readonly Tri[]): Tri {
    return answers.find((a) => a.kind === "yes") ?? answers.find((a) => a.kind === "unknown") ?? NO;
}

/**
 * Whether a `days` value expires objects before `minimumDays`: a number, or a numeric string (what a YAML program or a
 * hand-edited export writes, and what the provider would read as that number).
 */
function expiresWithin(days: unknown, minimumDays: number): boolean {
    const n = typeof days === "string" && /^\s*\d+\s*$/.test(days) ? Number(days) : days;
    return typeof n === "number" && n < minimumDays;
}

function expiresBefore(urn: string, rule: Props, path: string, minimumDays: number, nonCurrentDaysKey: string): Tri {
    const answers: Tri[] = [];
    for (const key of ["expiration", "expirations"]) {
        const list = blocks(rule, key);
        if (!list) {
            answers.push(unknownAt(urn, `\`${path}.${key}\``));
            continue;
        }
        list.forEach((e, i) => {
            const at = list.length > 1 || key === "expirations" ? `${path}.${key}[${i}]` : `${path}.${key}`;
            const days = read(e, "days");
            if (!days.known) answers.push(unknownAt(urn, `\`${at}.days\``));
            else if (expiresWithin(days.value, minimumDays)) answers.push(yes(`\`${at}.days\``));
            const date = read(e, "date");
            if (!date.known) answers.push(unknownAt(urn, `\`${at}.date\``));
            else if (typeof date.value === "string" && date.value.trim() !== "") answers.push(yes(`\`${at}.date\``));
        });
    }
    for (const key of ["noncurrentVersionExpiration", "noncurrentVersionExpirations"]) {
        const list = blocks(rule, key);
        if (!list) {
            answers.push(unknownAt(urn, `\`${path}.${key}\``));
            continue;
        }
        list.forEach((n, i) => {
            const at = list.length > 1 || key === "noncurrentVersionExpirations" ? `${path}.${key}[${i}]` : `${path}.${key}`;
            const days = read(n, nonCurrentDaysKey);
            if (!days.known) answers.push(unknownAt(urn, `\`${at}.${nonCurrentDaysKey}\``));
            else if (expiresWithin(days.value, minimumDays)) answers.push(yes(`\`${at}.${nonCurrentDaysKey}\``));
        });
    }
    return anyOf(answers);
}

function hasTags(v: unknown): boolean {
    return isObject(v) && Object.keys(v).length > 0;
}

function prefixOf(o: Props, path: string): Scope | undefined {
    const p = read(o, "prefix");
    if (!p.known) return { kind: "unknown", what: `\`${path}.prefix\`` };
    return typeof p.value === "string" && p.value !== "" ? { kind: "prefix", prefix: p.value } : undefined;
}

/** Scope of a `BucketLifecycleConfiguration` rule: `filter` (prefix, tag, and{prefix, tags}), else the rule's `prefix`. */
function configurationRuleScope(rule: Props, path: string): Scope {
    const filters = blocks(rule, "filter");
    if (!filters) return { kind: "unknown", what: `\`${path}.filter\`` };
    const filter = filters[0];
    if (!filter) return prefixOf(rule, path) ?? { kind: "prefix", prefix: "" };
    const at = `${path}.filter`;
    const tag = read(filter, "tag");
    if (!tag.known) return { kind: "unknown", what: `\`${at}.tag\`` };
    if (isObject(tag.value)) return { kind: "tagged" };
    const and = blocks(filter, "and");
    if (!and) return { kind: "unknown", what: `\`${at}.and\`` };
    const both = and[0];
    if (both) {
        const tags = read(both, "tags");
        if (!tags.known) return { kind: "unknown", what: `\`${at}.and.tags\`` };
        if (hasTags(tags.value)) return { kind: "tagged" };
    }
    return prefixOf(filter, at) ?? (both ? prefixOf(both, `${at}.and`) : undefined) ?? { kind: "prefix", prefix: "" };
}

function configurationRules(urn: string, rules: readonly Props[], minimumDays: number): Rule[] {
    return rules.map((rule, i) => {
        const path = `rules[${i}]`;
        const status = read(rule, "status");
        const enabled: Tri = !status.known
            ? unknownAt(urn, `\`${path}.status\``)
            : typeof status.value === "string" && status.value.toLowerCase() === "enabled"
              ? yes(`\`${path}.status\``)
              : NO;
        return { path, enabled, early: expiresBefore(urn, rule, path, minimumDays, "noncurrentDays"), scope: configurationRuleScope(rule, path) };
    });
}

function inlineRules(urn: string, rules: readonly Props[], minimumDays: number): Rule[] {
    return rules.map((rule, i) => {
        const path = `lifecycleRules[${i}]`;
        const flag = read(rule, "enabled");
        const enabled: Tri = !flag.known ? unknownAt(urn, `\`${path}.enabled\``) : isFalse(flag.value) ? NO : yes(`\`${path}.enabled\``);
        const tags = read(rule, "tags");
        const scope: Scope = !tags.known
            ? { kind: "unknown", what: `\`${path}.tags\`` }
            : hasTags(tags.value)
              ? { kind: "tagged" }
              : (prefixOf(rule, path) ?? { kind: "prefix", prefix: "" });
        return { path, enabled, early: expiresBefore(urn, rule, path, minimumDays, "days"), scope };
    });
}

/** The segments of a CloudTrail log key after `AWSLogs/`: whole (`full`) and as the start of one (`partial`). */
const SEGMENTS = {
    org: { full: (s: string) => /^o-[a-z0-9]{10,32}$/.test(s), partial: (s: string) => /^(?:o(?:-[a-z0-9]{0,32})?)?$/.test(s) },
    account: { full: (s: string) => /^\d{12}$/.test(s), partial: (s: string) => /^\d{0,12}$/.test(s) },
    // CloudTrail/, CloudTrail-Digest/, CloudTrail-Insight/
    service: { full: (s: string) => s.startsWith("CloudTrail"), partial: (s: string) => "CloudTrail".startsWith(s) || s.startsWith("CloudTrail") },
} as const;

/** Whether `rest` (a rule prefix after `AWSLogs/`) could begin a key laid out as `layout`, then anything. */
function fitsSegments(rest: string, layout: readonly (keyof typeof SEGMENTS)[]): boolean {
    const parts = rest.split("/");
    for (let i = 0; i < parts.length; i++) {
        const segment = layout[i];
        if (!segment) return true; // below CloudTrail*/: region, date, file name
        const part = parts[i] ?? "";
        const fits = i === parts.length - 1 ? SEGMENTS[segment].partial : SEGMENTS[segment].full;
        if (!fits(part)) return false;
    }
    return true;
}

/** Whether some CloudTrail log key under `<base>AWSLogs/` starts with `rulePrefix`. */
function prefixCoversTrailLogs(rulePrefix: string, base: string): boolean {
    const root = `${base}AWSLogs/`;
    if (root.startsWith(rulePrefix)) return true;
    if (!rulePrefix.startsWith(root)) return false;
    const rest = rulePrefix.slice(root.length);
    return fitsSegments(rest, ["account", "service"]) || fitsSegments(rest, ["org", "account", "service"]);
}

function covers(scope: Scope, ruleUrn: string, trail: PolicyResource): Tri {
    if (scope.kind === "tagged") return NO;
    if (scope.kind === "unknown") return unknownAt(ruleUrn, scope.what);
    if (scope.prefix === "") return yes("");
    const keyPrefix = read(trail.props, "s3KeyPrefix");
    if (!keyPrefix.known) return unknownAt(trail.urn, "`s3KeyPrefix`");
    const raw = typeof keyPrefix.value === "string" ? keyPrefix.value.replace(/\/+$/, "") : "";
    return prefixCoversTrailLogs(scope.prefix, raw === "" ? "" : `${raw}/`) ? yes("") : NO;
}

/** A resource that holds lifecycle rules for a trail's bucket, with the property the rules live in. */
interface RuleSource {
    readonly resource: PolicyResource;
    readonly property: "rules" | "lifecycleRules";
}


/** What the retention check found: a rule that expires logs early, or a value it waits for during preview. */
export type RetentionFinding =
    /** `key` identifies the rule (resource and rule path), so that a rule shared by several trails is reported once. */
    | { readonly kind: "violation"; readonly urn: string; readonly key: string; readonly message: string }
    | { readonly kind: "unknown"; readonly urn: string; readonly what: string };

/** The lifecycle rules of a stack's trail buckets, judged against a minimum retention. Build once per stack run. */
export class TrailLogRetention {
    private readonly index: JoinIndex;
    private readonly lifecycles: readonly PolicyResource[];
    private readonly buckets: readonly PolicyResource[];
    private readonly byBucket = new Map<string, RuleSource[]>();
    private readonly byName = new Map<string, RuleSource[]>();
    private readonly unjoinedLifecycles: PolicyResource[] = [];
    /** Whether a bucket of the stack may hold inline lifecycle rules (first needed by a trail whose bucket is unknown). */
    private inlineRulesAnywhere: boolean | undefined;
    private unjoinedFindings: readonly RetentionFinding[] | undefined;

    constructor(
        stack: StackCheckContext,
        private readonly minimumDays: number,
    ) {
        this.buckets = stack.ofType(BUCKET);
        this.lifecycles = stack.ofType(LIFECYCLE);
        this.index = new JoinIndex(this.buckets, (r) => knownStrings(r, "bucket", "id"));
        const add = (map: Map<string, RuleSource[]>, key: string, source: RuleSource) => {
            const list = map.get(key);
            if (list) list.push(source);
            else map.set(key, [source]);
        };
        for (const lc of this.lifecycles) {
            const ref = this.bucketRef(lc, "bucket");
            const source: RuleSource = { resource: lc, property: "rules" };
            if (ref.kind === "resources") for (const b of ref.targets) add(this.byBucket, b.urn, source);
            else if (ref.kind === "unknown") this.unjoinedLifecycles.push(lc);
            else {
                const name = knownStrings(lc, "bucket")[0];
                if (name) add(this.byName, name, source);
            }
        }
    }

    /** The bucket a property names; follows one hop through another resource's `bucket` (e.g. a BucketPolicy). */
    bucketRef(from: PolicyResource, property: string): Reference {
        const direct = this.index.resolve(from, property);
        if (direct.kind === "resources") return direct;
        for (const via of from.propertyDependencies[property] ?? []) {
            const hop = this.index.resolve(via, "bucket");
            if (hop.kind === "resources") return hop;
        }
        return direct;
    }

    private rulesOf(source: RuleSource): { readonly rules: readonly Rule[] } | { readonly unknown: string } {
        const { resource, property } = source;
        const list = blocks(resource.props, property);
        if (!list) return { unknown: `\`${property}\`` };
        return {
            rules:
                property === "rules"
                    ? configurationRules(resource.urn, list, this.minimumDays)
                    : inlineRules(resource.urn, list, this.minimumDays),
        };
    }

    /** The rules that expire `trail`'s logs before the minimum retention, and the unknowns that may. */
    forTrail(trail: PolicyResource): RetentionFinding[] {
        const out: RetentionFinding[] = [];
        const minimumDays = this.minimumDays;
        const ref = this.bucketRef(trail, "s3BucketName");
        const sources: RuleSource[] = [];
        if (ref.kind === "resources") {
            for (const b of ref.targets) {
                // A bucket's own `lifecycleRules` are read back from S3 too (they mirror a lifecycle configuration
                // resource in the bucket's outputs): read them only when no such resource manages the bucket.
                const managed = this.byBucket.get(b.urn);
                if (managed) sources.push(...managed);
                else sources.push({ resource: b, property: "lifecycleRules" });
            }
        } else if (ref.kind === "none") {
            const name = knownStrings(trail, "s3BucketName")[0];
            if (name) sources.push(...(this.byName.get(name) ?? []));
        } else {
            // The trail's bucket is unknown: only lifecycle rules somewhere in the stack make that matter.
            // (computed once per stack run, not once per trail: the stack's buckets are scanned at most once)
            this.inlineRulesAnywhere ??= this.buckets.some((b) => !isKnown(b.props, "lifecycleRules") || (blocks(b.props, "lifecycleRules")?.length ?? 0) > 0);
            if (this.lifecycles.length > 0 || this.inlineRulesAnywhere) {
                out.push({ kind: "unknown", urn: trail.urn, what: "`s3BucketName`" });
            }
            return out;
        }
        for (const source of sources) {
            const found = this.rulesOf(source);
            if ("unknown" in found) {
                out.push({ kind: "unknown", urn: source.resource.urn, what: found.unknown });
                continue;
            }
            for (const rule of found.rules) {
                const answers = [rule.enabled, rule.early, covers(rule.scope, source.resource.urn, trail)];
                if (answers.some((a) => a.kind === "no")) continue;
                const pending = answers.find((a): a is Extract<Tri, { kind: "unknown" }> => a.kind === "unknown");
                if (pending) {
                    out.push({ kind: "unknown", urn: pending.urn, what: pending.what });
                    continue;
                }
                const what = rule.early.kind === "yes" ? rule.early.what : `\`${rule.path}\``;
                const why = what.endsWith(".date`") ? "expires every object it covers on a fixed date" : `is below ${minimumDays} days`;
                out.push({
                    kind: "violation",
                    urn: source.resource.urn,
                    key: `${source.resource.urn}\n${rule.path}`,
                    message:
                        `${what} ${why}, and \`${rule.path}\` covers the keys a CloudTrail trail delivers its logs to; ` +
                        `keep them at least ${minimumDays} days, or scope the rule (\`filter.prefix\`) away from the trail's \`AWSLogs/\` keys.`,
                });
            }
        }
        return out;
    }

    /**
     * Lifecycle configurations whose bucket is unknown may belong to a trail's bucket: an unknown, if they could expire
     * anything early at all. Computed once per stack run (callers may ask once per trail).
     */
    unjoined(): readonly RetentionFinding[] {
        if (this.unjoinedFindings) return this.unjoinedFindings;
        const out: RetentionFinding[] = [];
        for (const lc of this.unjoinedLifecycles) {
            const found = this.rulesOf({ resource: lc, property: "rules" });
            const couldExpire =
                "unknown" in found || found.rules.some((r) => r.enabled.kind !== "no" && r.early.kind !== "no" && r.scope.kind !== "tagged");
            if (couldExpire) out.push({ kind: "unknown", urn: lc.urn, what: "`bucket`" });
        }
        this.unjoinedFindings = Object.freeze(out);
        return this.unjoinedFindings;
    }
}
