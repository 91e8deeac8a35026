// What a fuzzer needs to reach a policy's real code paths, derived from the policy itself so that a new policy is
// covered without writing anything: the property names its code reads (quoted or backticked identifiers and
// `props.x` accesses in its own source and in the core modules it imports), the string literals it compares
// against (enum-like values, keys, tokens), the type tokens it mentions, and the top-level property names of its
// resource types' `...Args` interfaces in the provider SDKs' `.d.ts` (the ground truth for property names).

import * as fs from "fs";
import * as path from "path";
import { RENAMED_TYPES } from "../../policies/core/azure-location-types.generated";
import { policyFolder, type SrguardPolicy } from "../../policies/core/policy";
import { canonicalType } from "../../policies/core/tokens";

const ROOT = path.resolve(__dirname, "../..");
const POLICIES = path.join(ROOT, "policies");

export interface Vocabulary {
    /** Property names read by the policy's own file. */
    readonly ownNames: readonly string[];
    /** Property names read by the core modules it imports (nested block fields, shared readers). */
    readonly coreNames: readonly string[];
    /** Top-level `...Args` property names of the policy's resource types (provider `.d.ts`). */
    readonly argNames: readonly string[];
    /** String literals in its own code: values it compares against. */
    readonly ownStrings: readonly string[];
    /** String literals in the core modules it imports. */
    readonly coreStrings: readonly string[];
    /**
     * Nested property paths its code names (in messages, e.g. `encryption.services.${name}.enabled`,
     * `rules[${i}].expiration.days`, and reads such as `x.props.a.b`): segments, "[]" for an array element, "*"
     * for a name the code computes.
     */
    readonly paths: readonly (readonly string[])[];
    /** Strings listed together in array literals (`["public-read", "public-read-write"]`): sets values are checked against. */
    readonly listed: readonly string[];
    /** Regular expressions in its code (and core modules) that values are tested against (sources and flags). */
    readonly patterns: readonly { readonly source: string; readonly flags: string }[];
    /** Type tokens to send: the policy's canonical types and their alias spellings (or a sample for "all"). */
    readonly types: readonly string[];
    /** Other type tokens its code mentions (resources it joins with, global types, ...). */
    readonly mentionedTypes: readonly string[];
}

/** Identifiers that are type names or reader methods in the code, not property names. */
const CODE_WORDS: ReadonlySet<string> = new Set(["string", "number", "boolean", "object", "unknown", "undefined", "function", "symbol", "bigint", "known", "read"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{1,63}$/;
const TOKEN = /\b(?:aws|azure-native):[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)?:[A-Za-z0-9]+\b/g;
const IMPORT = /from\s+"(\.{1,2}\/[^"]+)"/g;
/** Core modules that define policies, config and token folding, or generated lists: they read no properties. */
const PLUMBING = /[\\/](?:policy|config|tokens|known|values)\.ts$|\.generated\.ts$/;

function read(file: string): string {
    return fs.readFileSync(file, "utf8");
}

/** The file and the relative imports it reaches (transitively), inside the pack's source tree. */
function sourceClosure(entry: string): { readonly own: string; readonly imported: readonly string[] } {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    const texts: string[] = [];
    while (queue.length) {
        const file = queue.shift();
        if (!file) break;
        const text = read(file);
        if (file !== entry) texts.push(text);
        for (const m of text.matchAll(IMPORT)) {
            const spec = m[1];
            if (!spec) continue;
            const target = path.resolve(path.dirname(file), `${spec}.ts`);
            if (!target.startsWith(POLICIES) || seen.has(target) || !fs.existsSync(target)) continue;
            seen.add(target);
            if (!PLUMBING.test(target)) queue.push(target);
        }
    }
    return { own: read(entry), imported: texts };
}

/** String literals of a TypeScript source (quoted and template text without substitutions), short ones only. */
function literals(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)) {
        const s = m[1] ?? m[2];
        if (s !== undefined && s.length <= 80 && !s.startsWith("./") && !s.startsWith("../") && !s.startsWith("@")) out.push(s);
    }
    return out;
}

/** Strings of array literals that list only strings (two or more). */
function listedStrings(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(/\[\s*("(?:[^"\\\n]|\\.)*"\s*,\s*)+("(?:[^"\\\n]|\\.)*"\s*,?\s*)\]/g)) out.push(...literals(m[0]));
    return out;
}

/** Strings that look like messages or descriptions (not values a policy compares against). */
function isProse(s: string): boolean {
    return s.includes("`") || /\s\S+\s\S+\s/.test(s);
}

/** Regular-expression literals of a source (an expression position: after `=`, `(`, `,`, `:`, `return`, ...). */
function regexLiterals(text: string): { source: string; flags: string }[] {
    const out: { source: string; flags: string }[] = [];
    const re = /(?:^|[=(,:?!&|]|\breturn)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([gimsuy]*)/gm;
    for (const m of text.matchAll(re)) {
        const source = m[1];
        if (!source) continue;
        try {
            new RegExp(source);
            out.push({ source, flags: (m[2] ?? "").replace(/[gy]/g, "") });
        } catch {
            // not a regular expression after all (a division, a comment)
        }
    }
    return out;
}

/** Property names a source reads: identifier literals, backticked paths in messages, `props.x` accesses. */
function names(text: string): string[] {
    const out = new Set<string>();
    for (const s of literals(text)) if (IDENTIFIER.test(s) && !CODE_WORDS.has(s)) out.add(s);
    for (const m of text.matchAll(/\\?`([A-Za-z_][A-Za-z0-9_.[\]]*)\\?`/g)) {
        for (const part of (m[1] ?? "").split(/[.[\]]+/)) if (IDENTIFIER.test(part)) out.add(part);
    }
    for (const m of text.matchAll(/\bprops\??\.([A-Za-z_][A-Za-z0-9_]*)/g)) if (m[1]) out.add(m[1]);
    for (const w of CODE_WORDS) out.delete(w);
    return [...out];
}

const PATH = /[A-Za-z_][A-Za-z0-9_]*(?:\[(?:\$\{[^}]*\}|\d*)\]|\.(?:[A-Za-z_][A-Za-z0-9_]*|\$\{[^}]*\}))+/g;

/** Nested paths in a source whose every named segment is a property name the policy reads (see `Vocabulary`). */
function paths(text: string, known: ReadonlySet<string>): string[][] {
    const out = new Map<string, string[]>();
    for (const m of text.matchAll(PATH)) {
        const full = m[0];
        const at = full.lastIndexOf(".props.");
        const rest = at >= 0 ? full.slice(at + ".props.".length) : full;
        const segments: string[] = [];
        for (const part of rest.matchAll(/\[[^\]]*\]|\$\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*/g)) {
            const p = part[0];
            segments.push(p.startsWith("[") ? "[]" : p.startsWith("${") ? "*" : p);
        }
        if (segments.length < 2 || segments.some((p) => p !== "[]" && p !== "*" && !known.has(p))) continue;
        out.set(segments.join("/"), segments);
    }
    return [...out.values()];
}

function lowerFirst(s: string): string {
    return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The `.d.ts` of a canonical token's resource, and its `...Args` interface name. */
function declarationOf(token: string): { readonly file: string; readonly iface: string } | undefined {
    let m = /^aws:([A-Za-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
    if (m && m[1] && m[2] && m[3]) {
        return { file: path.join(ROOT, "node_modules/@pulumi/aws", m[1], `${m[2]}.d.ts`), iface: `${m[3]}Args` };
    }
    m = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
    if (m && m[1] && m[2]) {
        return { file: path.join(ROOT, "node_modules/@pulumi/azure-native", m[1], `${lowerFirst(m[2])}.d.ts`), iface: `${m[2]}Args` };
    }
    return undefined;
}

/** Top-level property names of the `...Args` interface of a canonical token (empty when there is no `.d.ts`). */
export function argNamesOf(token: string): string[] {
    const decl = declarationOf(token);
    if (!decl || !fs.existsSync(decl.file)) return [];
    const text = read(decl.file);
    const start = text.indexOf(`export interface ${decl.iface} {`);
    if (start < 0) return [];
    const end = text.indexOf("\n}", start);
    const body = text.slice(start, end < 0 ? undefined : end);
    const out: string[] = [];
    for (const m of body.matchAll(/^ {4}(?:readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)\??:/gm)) if (m[1]) out.push(m[1]);
    return out;
}

const AZURE_OLD_MODULES: Readonly<Record<string, string>> = { monitor: "insights", cosmosdb: "documentdb" };

/**
 * Other spellings of a canonical token that the engine may send: AWS `...V2` S3 aliases, `aws:alb/*`, the
 * BucketObjectv2 alias (each only when the provider SDK ships it); Azure versioned and parameterised tokens, old
 * module names and renamed types. Kept only when `canonicalType` folds them back (the pack matches them).
 */
export function aliasesOf(canonical: string): string[] {
    const candidates: string[] = [];
    let m = /^aws:([A-Za-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(canonical);
    if (m && m[1] && m[2] && m[3]) {
        const [, mod, file, name] = m;
        const ships = (module: string, f: string) => fs.existsSync(path.join(ROOT, "node_modules/@pulumi/aws", module, `${f}.js`));
        if (mod === "s3" && ships("s3", `${file}V2`)) candidates.push(`aws:s3/${file}V2:${name}V2`);
        if (mod === "s3" && ships("s3", `${file}v2`)) candidates.push(`aws:s3/${file}v2:${name}v2`);
        if (mod === "lb" && ships("alb", file)) candidates.push(`aws:alb/${file}:${name}`);
    }
    m = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(canonical);
    if (m && m[1] && m[2]) {
        const [, mod, name] = m;
        const spellings = [`azure-native:${mod}:${name}`];
        const old = AZURE_OLD_MODULES[mod];
        if (old) spellings.push(`azure-native:${old}:${name}`);
        for (const [from, to] of Object.entries(RENAMED_TYPES)) if (to === canonical) spellings.push(from);
        for (const s of spellings) {
            const parts = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(s);
            if (!parts || !parts[1] || !parts[2]) continue;
            candidates.push(s, `azure-native_${parts[1]}_v20240101:${parts[1]}:${parts[2]}`, `azure-native:${parts[1]}/v20240101:${parts[2]}`);
        }
    }
    return [...new Set(candidates)].filter((c) => c !== canonical && canonicalType(c) === canonical);
}

/** Types sent to a policy that looks at "all" types of its cloud, besides the tokens its code mentions. */
const SAMPLE_TYPES: Readonly<Record<"aws" | "azure", readonly string[]>> = {
    aws: [
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:ec2/instance:Instance",
        "aws:rds/instance:Instance",
        "aws:dynamodb/table:Table",
        "aws:iam/role:Role",
        "aws:cloudfront/distribution:Distribution",
        "aws:kms/key:Key",
        "aws:alb/loadBalancer:LoadBalancer",
        "aws:route53/record:Record",
    ],
    azure: [
        "azure-native:storage:StorageAccount",
        "azure-native_storage_v20240101:storage:StorageAccount",
        "azure-native:storage/v20240101:StorageAccount",
        "azure-native:resources:ResourceGroup",
        "azure-native:keyvault:Vault",
        "azure-native:network:VirtualNetwork",
        "azure-native:network:DnsZone",
        "azure-native:insights:Component",
        "azure-native:authorization:RoleAssignment",
        "azure-native:cdn:Profile",
    ],
};

const cache = new Map<string, Vocabulary>();

function unique(xs: readonly string[]): string[] {
    return [...new Set(xs)].sort();
}

export function vocabularyOf(policy: SrguardPolicy): Vocabulary {
    const { name, cloud, resourceTypes } = policy.meta;
    const hit = cache.get(name);
    if (hit) return hit;
    const { own, imported } = sourceClosure(path.join(POLICIES, policyFolder(cloud), `${name}.ts`));
    const all = [own, ...imported].join("\n");
    // The policy's own metadata (name, control, severity, framework ids ...) is text, not properties or values.
    const meta = policy.meta;
    const metaText = new Set<string>([
        meta.name,
        meta.cloud,
        meta.control,
        meta.severity,
        meta.enforcementLevel,
        ...meta.frameworks.flatMap((f) => [f.framework, f.version, f.id]),
    ]);
    const notMeta = (x: string) => !metaText.has(x);
    const ownNames = unique(names(own)).filter(notMeta);
    const ownSet = new Set(ownNames);
    const coreNames = unique(imported.flatMap(names)).filter((n) => !ownSet.has(n));
    const mentioned = unique([...all.matchAll(TOKEN)].map((m) => m[0]));
    const canonicals = resourceTypes === "all" ? [] : resourceTypes;
    const types =
        resourceTypes === "all"
            ? unique([...SAMPLE_TYPES[cloud === "azure" ? "azure" : "aws"], ...mentioned.filter((t) => t.startsWith(cloud === "azure" ? "azure-native" : "aws:"))])
            : unique([...canonicals, ...canonicals.flatMap(aliasesOf)]);
    const argNames = unique(canonicals.flatMap(argNamesOf));
    const known = new Set([...ownNames, ...coreNames, ...argNames]);
    const ownStrings = unique(literals(own).filter((x) => !isProse(x) && notMeta(x)));
    const ownStringSet = new Set(ownStrings);
    const vocabulary: Vocabulary = {
        ownNames,
        coreNames,
        argNames,
        ownStrings,
        coreStrings: unique(imported.flatMap(literals)).filter((x) => !ownStringSet.has(x) && !isProse(x)),
        listed: unique([own, ...imported].flatMap(listedStrings).filter((x) => !isProse(x) && notMeta(x))),
        patterns: [...new Map([own, ...imported].flatMap(regexLiterals).map((p) => [`${p.source}/${p.flags}`, p])).values()],
        paths: unique([own, ...imported].flatMap((t) => paths(t, known).map((p) => p.join("/")))).map((p) => p.split("/")),
        types,
        mentionedTypes: mentioned.filter((t) => !types.includes(t)),
    };
    cache.set(name, vocabulary);
    return vocabulary;
}
