// One normaliser for IAM policy documents (identity, resource and trust policies), whatever shape they arrive in:
// a JSON string or an object, `Statement` as one object or an array, single values or arrays in every field,
// `Principal` / `NotPrincipal`, `Action` / `NotAction`, condition operators and keys in any case.

import { isUnboundedRange } from "./cidr";
import type { Value } from "./read";
import { fail, unknown, type Verdict } from "./verdict";

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export interface PrincipalSet {
    /** `"*"` or `{ AWS: "*" }`: anyone. */
    readonly anyone: boolean;
    readonly aws: readonly string[];
    readonly service: readonly string[];
    readonly federated: readonly string[];
    readonly canonicalUser: readonly string[];
}

export interface Condition {
    /** Full operator, lower case, e.g. `forallvalues:stringequals`, `boolifexists`. */
    readonly operator: string;
    /** The operator without set qualifier and without `IfExists`, lower case, e.g. `stringequals`. */
    readonly base: string;
    readonly ifExists: boolean;
    /** `ForAnyValue` / `ForAllValues` qualifier, lower case, or undefined. */
    readonly qualifier: string | undefined;
    /** Condition key, lower case, e.g. `aws:multifactorauthpresent`. */
    readonly key: string;
    readonly values: readonly string[];
}

export interface Statement {
    readonly index: number;
    readonly sid: string | undefined;
    readonly effect: "Allow" | "Deny";
    readonly principal: PrincipalSet | undefined;
    readonly notPrincipal: PrincipalSet | undefined;
    readonly action: readonly string[] | undefined;
    readonly notAction: readonly string[] | undefined;
    readonly resource: readonly string[] | undefined;
    readonly notResource: readonly string[] | undefined;
    readonly conditions: readonly Condition[];
}

export type ParsedDocument = { readonly ok: true; readonly statements: readonly Statement[] } | { readonly ok: false; readonly error: string };

function strings(v: unknown): string[] {
    if (v === undefined || v === null) return [];
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
}

/** Field lookup with the key in any case (`Effect`, `effect`, ...), as some generators write it. */
function field(o: Readonly<Record<string, unknown>>, name: string): unknown {
    if (name in o) return o[name];
    const lowerName = name.toLowerCase();
    for (const k of Object.keys(o)) if (k.toLowerCase() === lowerName) return o[k];
    return undefined;
}

function parsePrincipal(v: unknown): PrincipalSet | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") {
        return { anyone: v.trim() === "*", aws: v.trim() === "*" ? [] : [v], service: [], federated: [], canonicalUser: [] };
    }
    if (!isObject(v)) return { anyone: false, aws: strings(v), service: [], federated: [], canonicalUser: [] };
    const aws = strings(field(v, "AWS"));
    return {
        anyone: aws.some((a) => a.trim() === "*"),
        aws: aws.filter((a) => a.trim() !== "*"),
        service: strings(field(v, "Service")),
        federated: strings(field(v, "Federated")),
        canonicalUser: strings(field(v, "CanonicalUser")),
    };
}

function parseConditions(v: unknown): Condition[] {
    if (!isObject(v)) return [];
    const out: Condition[] = [];
    for (const op of Object.keys(v)) {
        const block = v[op];
        if (!isObject(block)) continue;
        const operator = op.toLowerCase();
        const colon = operator.indexOf(":");
        const qualifier = colon >= 0 ? operator.slice(0, colon) : undefined;
        let base = colon >= 0 ? operator.slice(colon + 1) : operator;
        const ifExists = base.endsWith("ifexists");
        if (ifExists) base = base.slice(0, -"ifexists".length);
        for (const key of Object.keys(block)) {
            out.push({
                operator,
                base,
                ifExists,
                qualifier,
                key: key.toLowerCase(),
                values: strings(block[key]).map((s) => (typeof block[key] === "boolean" ? s.toLowerCase() : s)),
            });
        }
    }
    return out;
}

function optionalStrings(o: Readonly<Record<string, unknown>>, name: string): string[] | undefined {
    const v = field(o, name);
    return v === undefined ? undefined : strings(v);
}

/**
 * Parses a policy document given as a JSON string or an object. A document that is not valid JSON or has no
 * statements comes back as `{ ok: false }`, so each policy decides what that means (usually: fail closed).
 */
export function parsePolicyDocument(doc: unknown): ParsedDocument {
    let value: unknown = doc;
    if (typeof doc === "string") {
        try {
            value = JSON.parse(doc);
        } catch {
            return { ok: false, error: "is not valid JSON" };
        }
    }
    if (!isObject(value)) return { ok: false, error: "is not a JSON object" };
    const raw = field(value, "Statement");
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const statements: Statement[] = [];
    list.forEach((s, index) => {
        if (!isObject(s)) return;
        const effect = String(field(s, "Effect") ?? "").toLowerCase() === "allow" ? "Allow" : "Deny";
        const sid = field(s, "Sid");
        statements.push({
            index,
            sid: typeof sid === "string" ? sid : undefined,
            effect,
            principal: parsePrincipal(field(s, "Principal")),
            notPrincipal: parsePrincipal(field(s, "NotPrincipal")),
            action: optionalStrings(s, "Action"),
            notAction: optionalStrings(s, "NotAction"),
            resource: optionalStrings(s, "Resource"),
            notResource: optionalStrings(s, "NotResource"),
            conditions: parseConditions(field(s, "Condition")),
        });
    });
    return { ok: true, statements };
}

/**
 * Judges the statements of the policy document a property holds (`property` names it in the message). The document is
 * read only when it is known as a whole (`unknown` otherwise); one that is not a policy document fails.
 */
export function judgeDocument(document: Value, property: string, judge: (statements: readonly Statement[]) => Verdict): Verdict {
    if (document.hasUnknown) return unknown(document);
    const doc = parsePolicyDocument(document.value);
    if (!doc.ok) return fail(`\`${property}\` ${doc.error}; it must be a JSON policy document.`);
    return judge(doc.statements);
}

const globCache = new Map<string, RegExp>();

/** IAM wildcard match (`*`, `?`), case-insensitive, as IAM compares actions. */
export function wildcardMatch(pattern: string, value: string): boolean {
    let re = globCache.get(pattern);
    if (!re) {
        const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
        re = new RegExp(`^${body}$`, "i");
        globCache.set(pattern, re);
    }
    return re.test(value);
}

/** Whether an Allow statement grants `action` (directly, through a wildcard, or through `NotAction`). */
export function allows(s: Statement, action: string): boolean {
    if (s.effect !== "Allow") return false;
    if (s.action) return s.action.some((a) => wildcardMatch(a, action));
    if (s.notAction) return !s.notAction.some((a) => wildcardMatch(a, action));
    return false;
}

/** Whether an Allow statement grants some action that matches `pattern` (e.g. `iam:*` reaches `iam:PassRole`). */
export function allowsAnyOf(s: Statement, actions: readonly string[]): boolean {
    return actions.some((a) => allows(s, a));
}

/** Conditions with this key (lower-cased comparison), any operator. */
export function conditionsOn(s: Statement, key: string): readonly Condition[] {
    const k = key.toLowerCase();
    return s.conditions.filter((c) => c.key === k);
}

function hasWildcard(v: string): boolean {
    return v.includes("*") || v.includes("?");
}

/**
 * A condition that pins `key` to fixed values: an exact operator (`StringEquals`, `ArnEquals`, `IpAddress`, ...),
 * no `IfExists` (which passes when the key is absent), no `ForAnyValue`/`ForAllValues` (which pass on empty sets),
 * and no wildcard in any value.
 */
export function isFixedCondition(c: Condition): boolean {
    const exactOps = ["stringequals", "stringequalsignorecase", "arnequals", "ipaddress", "bool", "numericequals"];
    return (
        exactOps.includes(c.base) &&
        !c.ifExists &&
        c.qualifier === undefined &&
        c.values.length > 0 &&
        !c.values.some(hasWildcard)
    );
}

/**
 * MFA is required in this statement: `Bool aws:MultiFactorAuthPresent true` without IfExists, or a bound on
 * `aws:MultiFactorAuthAge` (NumericLessThan[Equals], without IfExists), a key the request only carries when MFA was
 * used — so the condition fails without MFA.
 */
export function requiresMfa(s: Statement): boolean {
    const present = conditionsOn(s, "aws:MultiFactorAuthPresent").some(
        (c) => c.base === "bool" && !c.ifExists && c.qualifier === undefined && c.values.length > 0 && c.values.every((v) => v.toLowerCase() === "true"),
    );
    return present || maxMfaAge(s) !== undefined;
}

/** The largest `aws:MultiFactorAuthAge` this statement accepts (seconds), or undefined when it sets no bound. */
export function maxMfaAge(s: Statement): number | undefined {
    let bound: number | undefined;
    for (const c of conditionsOn(s, "aws:MultiFactorAuthAge")) {
        if (c.ifExists || c.qualifier !== undefined) continue;
        if (c.base !== "numericlessthan" && c.base !== "numericlessthanequals") continue;
        for (const v of c.values) {
            const n = Number(v);
            if (Number.isFinite(n)) bound = bound === undefined ? n : Math.max(bound, n);
        }
    }
    return bound;
}

/** `StringEquals sts:ExternalId <exact value>`: no wildcard, no IfExists, no set qualifier. */
export function requiresExactExternalId(s: Statement): boolean {
    return conditionsOn(s, "sts:ExternalId").some((c) => c.base === "stringequals" && isFixedCondition(c));
}

/**
 * Condition keys that, pinned to fixed values, keep a statement with a wildcard principal from being public
 * (the S3 "meaning of public" list, including the access-point delegation keys `s3:DataAccessPointArn` /
 * `s3:DataAccessPointAccount`, plus the organisation and principal keys).
 */
const RESTRICTING_KEYS: readonly string[] = [
    "aws:sourcearn",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceowner",
    "aws:sourceaccount",
    "aws:sourceorgid",
    "aws:userid",
    "aws:principalorgid",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceip",
    "s3:x-amz-server-side-encryption-aws-kms-key-id",
    "s3:dataaccesspointarn",
    "s3:dataaccesspointaccount",
];


/** Whether some fixed condition on a restricting key narrows who can use this statement. */
export function hasRestrictingCondition(s: Statement): boolean {
    return s.conditions.some((c) => {
        if (!RESTRICTING_KEYS.includes(c.key) || !isFixedCondition(c)) return false;
        // Every range must be bounded: `0.0.0.0/1` + `128.0.0.0/1` is the whole internet without a /0 (core/cidr.ts).
        if (c.key === "aws:sourceip") return c.base === "ipaddress" && !c.values.some(isUnboundedRange);
        if (c.key === "aws:userid") return !c.values.some((v) => v.endsWith(":*"));
        return true;
    });
}

/** Allow statement open to anyone: `Principal: "*"`, `{AWS: "*"}`, or any `NotPrincipal`. */
export function reachesAnyone(s: Statement): boolean {
    if (s.effect !== "Allow") return false;
    if (s.notPrincipal) return true;
    return s.principal?.anyone === true;
}

/** A statement's position for messages (`statement #2`). Never its `Sid`, which is text from the property value. */
export function statementPosition(s: Statement): string {
    return `statement #${s.index + 1}`;
}
