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

import type { Finding, StackResource, StackView } from "./policy";
import { Value } from "./read";
import { Join, type Ref, texts } from "./stack";
import { all, fail, type Need, unknown, type Verdict } from "./verdict";

export const TRAIL = "aws:cloudtrail/trail:Trail";
export const BUCKET = "aws:s3/bucket:Bucket";
export const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

type Trail = StackResource<typeof TRAIL>;
type Bucket = StackResource<typeof BUCKET>;
type Obj = Readonly<Record<string, unknown>>;

/** Any object value, read without provider typing (lifecycle rules come in several shapes across bucket versions). */
const untyped = (v: Value): Value<Obj> => v as Value<Obj>;

/** A finding of the retention check on one resource; `key` identifies it, so that one shared by trails is reported once. */
export interface RetentionFinding extends Finding {
    readonly key: string;
}

function finding(urn: string, verdict: Verdict, key: string): RetentionFinding {
    return { urn, verdict, key: `${verdict.kind}\n${urn}\n${key}` };
}

function unknownAt(urn: string, ...needs: Value[]): RetentionFinding {
    return finding(urn, unknown(...needs), needs.map((n) => n.path).join("\n"));
}

/**
 * One condition of a violation: it holds (`true`), does not (`false`), or waits for a value unknown during preview on
 * some resource (the finding that says so).
 */
type Condition = boolean | RetentionFinding;

/** Whether the rule's expiration verdict (fail: expires early) makes the condition hold. */
function expiresEarly(urn: string, v: Verdict): Condition {
    if (v.kind === "unknown") return finding(urn, v, v.needs.map((n: Need) => (typeof n === "string" ? n : n.path)).join("\n"));
    return v.kind === "fail";
}

/**
 * Whether a `days` value expires objects before `minimumDays`: a number, or a numeric string (what a YAML program or a
 * hand-edited export writes, and what the provider would read as that number).
 */
function expiresWithin(days: Value, minimumDays: number): boolean {
    const text = days.text();
    const n = text !== undefined ? (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined) : days.value;
    return typeof n === "number" && n < minimumDays;
}

/** Fails (one message per setting) when the rule deletes current or noncurrent objects before `minimumDays`. */
function expiresBefore(rule: Value<Obj>, minimumDays: number, nonCurrentDaysKey: string): Verdict {
    const verdicts: Verdict[] = [];
    for (const key of ["expiration", "expirations"]) {
        for (const e of rule.get(key).blocks()) {
            if (e.isUnknown) {
                verdicts.push(unknown(e));
                continue;
            }
            const days = untyped(e).get("days");
            if (days.isUnknown) verdicts.push(unknown(days));
            else if (expiresWithin(days, minimumDays)) verdicts.push(fail(`\`${days.path}\` is below ${minimumDays} days`));
            const date = untyped(e).get("date");
            if (date.isUnknown) verdicts.push(unknown(date));
            else if (date.isText()) verdicts.push(fail(`\`${date.path}\` expires every object it covers on a fixed date`));
        }
    }
    for (const key of ["noncurrentVersionExpiration", "noncurrentVersionExpirations"]) {
        for (const n of rule.get(key).blocks()) {
            const days = untyped(n).get(nonCurrentDaysKey);
            if (days.isUnknown) verdicts.push(unknown(days));
            else if (expiresWithin(days, minimumDays)) verdicts.push(fail(`\`${days.path}\` is below ${minimumDays} days`));
        }
    }
    return all(verdicts);
}

/** How a lifecycle rule selects objects: by key prefix (`""` = every object), or by tags (never a CloudTrail log). */
type Scope = { readonly kind: "prefix"; readonly prefix: string } | { readonly kind: "tagged" } | { readonly kind: "unknown"; readonly value: Value };

function prefixOf(o: Value<Obj>): Scope | undefined {
    const p = o.get("prefix");
    if (p.isUnknown) return { kind: "unknown", value: p };
    const s = p.text();
    return s !== undefined && s !== "" ? { kind: "prefix", prefix: s } : undefined;
}

function hasTags(v: Value): boolean {
    return v.entries().length > 0;
}

/** Scope of a `BucketLifecycleConfiguration` rule: `filter` (prefix, tag, and{prefix, tags}), else the rule's `prefix`. */
function configurationRuleScope(rule: Value<Obj>): Scope {
    const [filter] = rule.get("filter").blocks();
    if (!filter) return prefixOf(rule) ?? { kind: "prefix", prefix: "" };
    if (filter.isUnknown) return { kind: "unknown", value: filter };
    const f = untyped(filter);
    const tag = f.get("tag");
    if (tag.isUnknown) return { kind: "unknown", value: tag };
    if (tag.isSet && typeof tag.value === "object" && !Array.isArray(tag.value)) return { kind: "tagged" };
    const [both] = f.get("and").blocks();
    if (both?.isUnknown) return { kind: "unknown", value: both };
    if (both) {
        const tags = untyped(both).get("tags");
        if (tags.isUnknown) return { kind: "unknown", value: tags };
        if (hasTags(tags)) return { kind: "tagged" };
    }
    return prefixOf(f) ?? (both ? prefixOf(untyped(both)) : undefined) ?? { kind: "prefix", prefix: "" };
}

interface Rule {
    /** Property path of the rule, e.g. `rules[0]` or `lifecycleRules[2]`. */
    readonly path: string;
    readonly enabled: Condition;
    /** Fails when the rule deletes objects (current or noncurrent) before the minimum retention. */
    readonly early: Verdict;
    readonly scope: Scope;
}

function configurationRule(urn: string, rule: Value<Obj>, minimumDays: number): Rule {
    const status = rule.get("status");
    const enabled: Condition = status.isUnknown ? unknownAt(urn, status) : status.text()?.toLowerCase() === "enabled";
    return { path: rule.path, enabled, early: expiresBefore(rule, minimumDays, "noncurrentDays"), scope: configurationRuleScope(rule) };
}

function inlineRule(urn: string, rule: Value<Obj>, minimumDays: number): Rule {
    const flag = rule.get("enabled");
    const enabled: Condition = flag.isUnknown ? unknownAt(urn, flag) : !flag.isFalse();
    const tags = rule.get("tags");
    const scope: Scope = tags.isUnknown ? { kind: "unknown", value: tags } : hasTags(tags) ? { kind: "tagged" } : (prefixOf(rule) ?? { kind: "prefix", prefix: "" });
    return { path: rule.path, enabled, early: expiresBefore(rule, minimumDays, "days"), scope };
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

function covers(scope: Scope, ruleUrn: string, trail: Trail): Condition {
    if (scope.kind === "tagged") return false;
    if (scope.kind === "unknown") return unknownAt(ruleUrn, scope.value);
    if (scope.prefix === "") return true;
    const keyPrefix = trail.props.get("s3KeyPrefix");
    if (keyPrefix.isUnknown) return unknownAt(trail.urn, keyPrefix);
    const raw = (keyPrefix.text() ?? "").replace(/\/+$/, "");
    return prefixCoversTrailLogs(scope.prefix, raw === "" ? "" : `${raw}/`);
}

/** A resource that holds lifecycle rules for a trail's bucket, with the property the rules live in. */
interface RuleSource {
    readonly resource: StackResource;
    readonly property: "rules" | "lifecycleRules";
}

/** The lifecycle rules of a stack's trail buckets, judged against a minimum retention. Build once per stack run. */
export class TrailLogRetention {
    private readonly join: Join<typeof BUCKET>;
    private readonly lifecycles: readonly StackResource<typeof LIFECYCLE>[];
    private readonly buckets: readonly Bucket[];
    private readonly byBucket = new Map<string, RuleSource[]>();
    private readonly byName = new Map<string, RuleSource[]>();
    private readonly unjoinedLifecycles: StackResource<typeof LIFECYCLE>[] = [];
    /** Whether a bucket of the stack may hold inline lifecycle rules (first needed by a trail whose bucket is unknown). */
    private inlineRulesAnywhere: boolean | undefined;
    private unjoinedFindings: readonly RetentionFinding[] | undefined;

    constructor(
        private readonly stack: StackView,
        private readonly minimumDays: number,
    ) {
        this.buckets = stack.ofType(BUCKET);
        this.lifecycles = stack.ofType(LIFECYCLE);
        // A bucket is named by its `bucket`; an exported state also carries its `id` (the same name).
        this.join = new Join(this.buckets, (b) => texts(b.props.get("bucket"), untyped(b.props).get("id")));
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
                const [name] = texts(lc.props.get("bucket"));
                if (name) add(this.byName, name, source);
            }
        }
    }

    /** The bucket a property names; follows one hop through another resource's `bucket` (e.g. a BucketPolicy). */
    bucketRef<F extends string>(from: StackResource<F>, property: "bucket" | "s3BucketName"): Ref<typeof BUCKET> {
        const direct = this.join.resolve(from as StackResource, property);
        if (direct.kind === "resources") return direct;
        for (const via of from.resource.propertyDependencies[property] ?? []) {
            const hop = this.join.resolve(this.stack.view(via), "bucket");
            if (hop.kind === "resources") return hop;
        }
        return direct;
    }

    private rulesOf(source: RuleSource): { readonly rules: readonly Rule[] } | { readonly unknown: RetentionFinding } {
        const { resource, property } = source;
        const list = untyped(resource.props).get(property);
        if (list.isUnknown) return { unknown: unknownAt(resource.urn, list) };
        const rules: Rule[] = [];
        for (const rule of list.blocks()) {
            if (rule.isUnknown) return { unknown: unknownAt(resource.urn, rule) };
            const r = untyped(rule);
            rules.push(property === "rules" ? configurationRule(resource.urn, r, this.minimumDays) : inlineRule(resource.urn, r, this.minimumDays));
        }
        return { rules };
    }

    /** The rules that expire `trail`'s logs before the minimum retention, and the unknowns that may. */
    forTrail(trail: Trail): RetentionFinding[] {
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
            const [name] = texts(trail.props.get("s3BucketName"));
            if (name) sources.push(...(this.byName.get(name) ?? []));
        } else {
            // The trail's bucket is unknown: only lifecycle rules somewhere in the stack make that matter.
            // (computed once per stack run, not once per trail: the stack's buckets are scanned at most once)
            this.inlineRulesAnywhere ??= this.buckets.some((b) => {
                const rules = b.props.get("lifecycleRules");
                return rules.isUnknown || rules.blocks().length > 0;
            });
            if (this.lifecycles.length > 0 || this.inlineRulesAnywhere) out.push(unknownAt(trail.urn, ref.value));
            return out;
        }
        for (const source of sources) {
            const found = this.rulesOf(source);
            if ("unknown" in found) {
                out.push(found.unknown);
                continue;
            }
            for (const rule of found.rules) {
                const conditions = [rule.enabled, expiresEarly(source.resource.urn, rule.early), covers(rule.scope, source.resource.urn, trail)];
                if (conditions.includes(false)) continue;
                const pending = conditions.find((c): c is RetentionFinding => typeof c !== "boolean");
                if (pending) {
                    out.push(pending);
                    continue;
                }
                const [what = `\`${rule.path}\` expires objects early`] = rule.early.kind === "fail" ? rule.early.messages : [];
                const message =
                    `${what}, and \`${rule.path}\` covers the keys a CloudTrail trail delivers its logs to; ` +
                    `keep them at least ${minimumDays} days, or scope the rule (\`filter.prefix\`) away from the trail's \`AWSLogs/\` keys.`;
                out.push(finding(source.resource.urn, fail(message), rule.path));
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
            const couldExpire = "unknown" in found || found.rules.some((r) => r.enabled !== false && r.early.kind !== "pass" && r.scope.kind !== "tagged");
            if (couldExpire) out.push(unknownAt(lc.urn, lc.props.get("bucket")));
        }
        this.unjoinedFindings = Object.freeze(out);
        return this.unjoinedFindings;
    }
}
