// Joins each CloudTrail trail to the S3 bucket it delivers to (`s3BucketName`: by property dependency, then by bucket
// name) and that bucket to its lifecycle rules — `aws:s3/bucketLifecycleConfiguration` (V2 folds in) joined on its
// `bucket`, and the deprecated inline `lifecycleRules` of the bucket itself — and fails every enabled rule that would
// delete the trail's log files (current or noncurrent versions) before the minimum retention.
//
// CloudTrail writes to `<s3KeyPrefix>/AWSLogs/<account id>/CloudTrail/…` (organization trails:
// `AWSLogs/<org id>/<account id>/…`; digests in `CloudTrail-Digest/`, Insights in `CloudTrail-Insight/`), so a rule
// covers the logs when its prefix could begin such a key. CloudTrail does not tag its objects: rules filtered on tags
// never reach them.

import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy } from "../core/policy";
import { JoinIndex, knownStrings, type Reference } from "../core/stack";
import { isFalse, isKnown, isObject, type Props } from "../core/values";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

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
            else if (typeof days.value === "number" && days.value < minimumDays) answers.push(yes(`\`${at}.days\``));
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
            else if (typeof days.value === "number" && days.value < minimumDays) answers.push(yes(`\`${at}.${nonCurrentDaysKey}\``));
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

export default defineStackPolicy({
    name: "aws-cloudtrail-trail-configure-log-retention",
    title: "S3 lifecycle rules keep CloudTrail logs for the minimum retention period",
    cloud: "aws",
    control: "log-retention",
    severity: "high",
    description:
        "Lifecycle rules on the S3 bucket a CloudTrail trail delivers to must not expire the trail's log files (current " +
        "or noncurrent versions) before the minimum retention, so that the audit trail of an incident is still there " +
        "when it is investigated.",
    remediation:
        "Raise `expiration.days` and `noncurrentVersionExpiration.noncurrentDays` of every enabled rule that reaches the " +
        "trail's `<s3KeyPrefix>/AWSLogs/` keys to at least the minimum (default 365), drop expiration dates, or scope " +
        "the rule (`filter.prefix`) away from the CloudTrail logs. Transitions to colder storage classes are fine.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: [TRAIL, BUCKET, LIFECYCLE],
    config: {
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 1,
            maximum: 36500,
            description: "Fewest days a lifecycle rule may keep CloudTrail log files (current and noncurrent versions).",
        },
    },
    check(stack, config, report) {
        const trails = stack.ofType(TRAIL);
        if (trails.length === 0) return;
        const minimumDays = config.minimumRetentionDays;
        const buckets = stack.ofType(BUCKET);
        const lifecycles = stack.ofType(LIFECYCLE);
        const index = new JoinIndex(buckets, (r) => knownStrings(r, "bucket", "id"));

        /** The bucket a property names; follows one hop through another resource's `bucket` (e.g. a BucketPolicy). */
        const bucketRef = (from: PolicyResource, property: string): Reference => {
            const direct = index.resolve(from, property);
            if (direct.kind === "resources") return direct;
            for (const via of from.propertyDependencies[property] ?? []) {
                const hop = index.resolve(via, "bucket");
                if (hop.kind === "resources") return hop;
            }
            return direct;
        };
        const literal = (r: PolicyResource, property: string): string | undefined => knownStrings(r, property)[0];

        const byBucket = new Map<string, RuleSource[]>();
        const byName = new Map<string, RuleSource[]>();
        const add = (map: Map<string, RuleSource[]>, key: string, source: RuleSource) => {
            const list = map.get(key);
            if (list) list.push(source);
            else map.set(key, [source]);
        };
        const unjoined: PolicyResource[] = [];
        for (const lc of lifecycles) {
            const ref = bucketRef(lc, "bucket");
            const source: RuleSource = { resource: lc, property: "rules" };
            if (ref.kind === "resources") for (const b of ref.targets) add(byBucket, b.urn, source);
            else if (ref.kind === "unknown") unjoined.push(lc);
            else {
                const name = literal(lc, "bucket");
                if (name) add(byName, name, source);
            }
        }

        const rulesOf = (source: RuleSource): { readonly rules: readonly Rule[] } | { readonly unknown: string } => {
            const { resource, property } = source;
            const list = blocks(resource.props, property);
            if (!list) return { unknown: `\`${property}\`` };
            return { rules: property === "rules" ? configurationRules(resource.urn, list, minimumDays) : inlineRules(resource.urn, list, minimumDays) };
        };

        const violations = new Set<string>();
        const advisories = new Set<string>();
        const cannotKnow = (urn: string, what: string) => {
            const key = `${urn}\n${what}`;
            if (advisories.has(key)) return;
            advisories.add(key);
            report.cannotKnow(urn, what);
        };

        for (const trail of trails) {
            const ref = bucketRef(trail, "s3BucketName");
            const sources: RuleSource[] = [];
            if (ref.kind === "resources") {
                for (const b of ref.targets) {
                    // A bucket's own `lifecycleRules` are read back from S3 too (they mirror a lifecycle configuration
                    // resource in the bucket's outputs): read them only when no such resource manages the bucket.
                    const managed = byBucket.get(b.urn);
                    if (managed) sources.push(...managed);
                    else sources.push({ resource: b, property: "lifecycleRules" });
                }
            } else if (ref.kind === "none") {
                const name = literal(trail, "s3BucketName");
                if (name) sources.push(...(byName.get(name) ?? []));
            } else {
                // The trail's bucket is unknown: only lifecycle rules somewhere in the stack make that matter.
                if (lifecycles.length > 0 || buckets.some((b) => !isKnown(b.props, "lifecycleRules") || (blocks(b.props, "lifecycleRules")?.length ?? 0) > 0)) {
                    cannotKnow(trail.urn, "`s3BucketName`");
                }
                continue;
            }
            for (const source of sources) {
                const found = rulesOf(source);
                if ("unknown" in found) {
                    cannotKnow(source.resource.urn, found.unknown);
                    continue;
                }
                for (const rule of found.rules) {
                    const answers = [rule.enabled, rule.early, covers(rule.scope, source.resource.urn, trail)];
                    if (answers.some((a) => a.kind === "no")) continue;
                    const pending = answers.find((a): a is Extract<Tri, { kind: "unknown" }> => a.kind === "unknown");
                    if (pending) {
                        cannotKnow(pending.urn, pending.what);
                        continue;
                    }
                    const key = `${source.resource.urn}\n${rule.path}`;
                    if (violations.has(key)) continue;
                    violations.add(key);
                    const what = rule.early.kind === "yes" ? rule.early.what : `\`${rule.path}\``;
                    const why = what.endsWith(".date`")
                        ? "expires every object it covers on a fixed date"
                        : `is below ${minimumDays} days`;
                    report.violation(
                        source.resource.urn,
                        `${what} ${why}, and \`${rule.path}\` covers the keys a CloudTrail trail delivers its logs to; ` +
                            `keep them at least ${minimumDays} days, or scope the rule (\`filter.prefix\`) away from the trail's \`AWSLogs/\` keys.`,
                    );
                }
            }
        }

        // A lifecycle configuration whose bucket is unknown may belong to a trail's bucket: advisory, if it could
        // expire anything early at all.
        for (const lc of unjoined) {
            const found = rulesOf({ resource: lc, property: "rules" });
            const couldExpire = "unknown" in found || found.rules.some((r) => r.enabled.kind !== "no" && r.early.kind !== "no" && r.scope.kind !== "tagged");
            if (couldExpire) cannotKnow(lc.urn, "`bucket`");
        }
    },
});
