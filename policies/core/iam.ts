// One normaliser for IAM policy documents (identity, resource and trust policies), whatever shape they arrive in:
// a JSON string or an object, `Statement` as one object or an array, single values or arrays in every field,
// `Principal` / `NotPrincipal`, `Action` / `NotAction`, condition operators and keys in any case.

import { isUnboundedRange } from "./cidr";
import type { Value } from "./read";
import { all, fail, type Verdict, unknown } from "./verdict";

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
 * Documents parsed from JSON text, by text: a role's trust policy is read by several policies for each resource, and
 * stacks repeat the same documents. A parsed document is read-only (every field and list is typed readonly), so one
 * can be shared. Bounded: emptied when full.
 */
const parsedText = new Map<string, ParsedDocument>();
const PARSED_TEXT_LIMIT = 512;

/**
 * Parses a policy document given as a JSON string or an object. A document that is not valid JSON or has no
 * statements comes back as `{ ok: false }`, so each policy decides what that means (usually: fail closed).
 */
export function parsePolicyDocument(doc: unknown): ParsedDocument {
    if (typeof doc !== "string") return parseDocumentValue(doc);
    let parsed = parsedText.get(doc);
    if (!parsed) {
        let value: unknown;
        let json = true;
        try {
            value = JSON.parse(doc);
        } catch {
            json = false;
        }
        parsed = json ? parseDocumentValue(value) : { ok: false, error: "is not valid JSON" };
        if (parsedText.size >= PARSED_TEXT_LIMIT) parsedText.clear();
        parsedText.set(doc, parsed);
    }
    return parsed;
}

function parseDocumentValue(value: unknown): ParsedDocument {
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

// ---------------------------------------------------------------------------------------------------------------
// Reading a document statement by statement

/** The statement fields that decide what a statement grants or denies (lower case). */
const DECIDING_FIELDS: readonly string[] = ["effect", "principal", "notprincipal", "action", "notaction", "resource", "notresource", "condition"];

/** A statement of which some deciding fields are unknown during preview. */
export interface UndecidedStatement {
    readonly index: number;
    /** Its effect, when that is known. */
    readonly effect: "Allow" | "Deny" | undefined;
    /** The statement parsed from its known fields (undefined when the whole statement is unknown). */
    readonly known: Statement | undefined;
    /** The deciding fields that are unknown (lower case). */
    readonly unknownFields: ReadonlySet<string>;
    readonly needs: readonly Value[];
}

/** A policy document read statement by statement: the statements whose deciding fields are known, and the others. */
export interface PolicyDocument {
    readonly statements: readonly Statement[];
    readonly undecided: readonly UndecidedStatement[];
}

export type DocumentRead =
    | { readonly kind: "document"; readonly document: PolicyDocument }
    /** Not a policy document: not JSON, or not an object. */
    | { readonly kind: "invalid"; readonly error: string }
    /** The document, or its `Statement` list, is unknown during preview. */
    | { readonly kind: "unknown"; readonly needs: readonly Value[] };

function plain(v: unknown): unknown {
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** A field of an object value, its name in any case (the first spelling wins). */
function fieldOf(o: Value, lowerName: string): [string, Value] | undefined {
    return o.entries().find(([k]) => k.toLowerCase() === lowerName);
}

/**
 * Reads a policy document (a JSON string or an object, as the SDK hands it over, possibly with unknowns inside)
 * statement by statement: a statement whose deciding fields are all known is parsed as it is; one with an unknown field
 * is undecided, with the fields that are known, so that one computed ARN in one statement does not hide what another
 * statement proves.
 */
export function readPolicyDocument(doc: Value): DocumentRead {
    if (doc.isUnknown) return { kind: "unknown", needs: [doc] };
    if (!doc.hasUnknown) {
        const parsed = parsePolicyDocument(doc.value);
        return parsed.ok ? { kind: "document", document: { statements: parsed.statements, undecided: [] } } : { kind: "invalid", error: parsed.error };
    }
    const raw = doc.value;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { kind: "invalid", error: "is not a JSON object" };
    const list = fieldOf(doc, "statement")?.[1];
    if (!list) return { kind: "document", document: { statements: [], undecided: [] } };
    if (list.isUnknown) return { kind: "unknown", needs: [list] };
    const statements: Statement[] = [];
    const undecided: UndecidedStatement[] = [];
    list.items().forEach((element, index) => {
        if (element.isUnknown) {
            undecided.push({ index, effect: undefined, known: undefined, unknownFields: new Set(DECIDING_FIELDS), needs: [element] });
            return;
        }
        const v = element.value;
        if (typeof v !== "object" || v === null || Array.isArray(v)) return;
        const copy: Record<string, unknown> = {};
        const unknownFields = new Set<string>();
        const needs: Value[] = [];
        for (const [key, field] of element.entries()) {
            const lower = key.toLowerCase();
            if (!field.hasUnknown) copy[key] = plain(field.value);
            else if (DECIDING_FIELDS.includes(lower)) {
                unknownFields.add(lower);
                needs.push(field);
            }
        }
        // Parse the statement alone, at its own position (earlier positions are placeholders).
        const parsed = parsePolicyDocument({ Statement: [...Array<null>(index).fill(null), copy] });
        const statement = parsed.ok ? parsed.statements[0] : undefined;
        if (!statement) return;
        if (!unknownFields.size) statements.push(statement);
        else undecided.push({ index, effect: unknownFields.has("effect") ? undefined : statement.effect, known: statement, unknownFields, needs });
    });
    return { kind: "document", document: { statements, undecided } };
}

/**
 * Judges the statements of the policy document a property holds (`property` names it in the message), statement by
 * statement: `judge` decides each statement whose deciding fields are known (with the whole document at hand, for
 * an explicit Deny elsewhere); an Allow statement with an unknown field is unknown, so a violation that a known
 * statement proves still fails. A document that is not a policy document fails; an unknown one is unknown.
 */
export function judgeDocument(document: Value, property: string, judge: (statement: Statement, document: PolicyDocument) => Verdict): Verdict {
    const read = readPolicyDocument(document);
    if (read.kind === "unknown") return unknown(...read.needs);
    if (read.kind === "invalid") return fail(`\`${property}\` ${read.error}; it must be a JSON policy document.`);
    const doc = read.document;
    return all([...doc.statements.map((s) => judge(s, doc)), ...doc.undecided.filter((u) => u.effect !== "Deny").map((u) => unknown(...u.needs))]);
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
 * Whether a condition value holds a policy variable (`${aws:username}`, `${aws:PrincipalTag/team}` ...): its value
 * comes from the request, so it is not a fixed value (S3's "meaning of public" says so) and restricts nothing. The
 * escapes `${*}`, `${?}` and `${$}` stand for a literal character.
 */
export function hasPolicyVariable(v: string): boolean {
    return /\$\{(?![*?$]\})[^}]*\}/.test(v);
}

/**
 * A condition that pins `key` to fixed values: an exact operator (`StringEquals`, `ArnEquals`, `IpAddress`, ...),
 * no `ForAnyValue`/`ForAllValues` (which pass on empty sets), no wildcard and no policy variable in any value, and no
 * `IfExists` (which passes when the key is absent) — unless the key is in every request the statement can match
 * (`keyAlwaysPresent`, e.g. the `sub` and `aud` claims of every token of an OIDC provider), where `…IfExists` pins as
 * firmly as the plain operator.
 */
export function isFixedCondition(c: Condition, keyAlwaysPresent = false): boolean {
    // StringLike / ArnLike with no wildcard in any value match exactly what the Equals operators match (the SNS → SQS
    // pattern `ArnLike aws:SourceArn <topic ARN>` pins one topic).
    const exactOps = ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress", "bool", "numericequals"];
    return (
        exactOps.includes(c.base) &&
        (!c.ifExists || keyAlwaysPresent) &&
        c.qualifier === undefined &&
        c.values.length > 0 &&
        !c.values.some(hasWildcard) &&
        !c.values.some(hasPolicyVariable)
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

/** Whether a statement (of any effect) applies to `action`: through `Action`, a wildcard, or `NotAction`. */
export function matchesAction(s: Statement, action: string): boolean {
    if (s.action) return s.action.some((a) => wildcardMatch(a, action));
    if (s.notAction) return !s.notAction.some((a) => wildcardMatch(a, action));
    return false;
}

/**
 * What a Deny statement's conditions refuse, by MFA: every caller without MFA (each condition holds when the request
 * carries no MFA: `BoolIfExists aws:MultiFactorAuthPresent false`, `Null aws:MultiFactorAuthAge true`,
 * `NumericGreaterThan[Equals]IfExists aws:MultiFactorAuthAge`), and/or sessions whose MFA is older than a bound (each
 * condition is `NumericGreaterThan[Equals][IfExists] aws:MultiFactorAuthAge`). A Deny with any other condition refuses
 * only some callers, so it counts for neither. (`Bool … false` without IfExists does not refuse long-term access keys,
 * which carry no MFA key at all.)
 */
function mfaDenial(conditions: readonly Condition[]): { readonly noMfa: boolean; readonly maxAge: number | undefined } {
    if (!conditions.length) return { noMfa: false, maxAge: undefined };
    const on = (key: string, ...kinds: readonly ((c: Condition) => boolean)[]) => (c: Condition) => c.key === key && c.qualifier === undefined && c.values.length > 0 && kinds.some((k) => k(c));
    const values = (c: Condition, v: string) => c.values.every((x) => x.toLowerCase() === v);
    const ageBound = (c: Condition) => c.base === "numericgreaterthan" || c.base === "numericgreaterthanequals";
    const refusesNoMfa = on(
        "aws:multifactorauthpresent",
        (c) => c.base === "bool" && c.ifExists && values(c, "false"),
    );
    const absentAge = on(
        "aws:multifactorauthage",
        (c) => c.base === "null" && !c.ifExists && values(c, "true"),
        (c) => ageBound(c) && c.ifExists,
    );
    const noMfa = conditions.every((c) => refusesNoMfa(c) || absentAge(c));
    let maxAge: number | undefined;
    if (conditions.every((c) => c.key === "aws:multifactorauthage" && ageBound(c) && c.qualifier === undefined)) {
        // All conditions must hold: the Deny refuses sessions older than the largest of the conditions' bounds (each
        // the smallest of its values, which are alternatives).
        for (const c of conditions) {
            const ns = c.values.map(Number).filter(Number.isFinite);
            if (!ns.length) return { noMfa, maxAge: undefined };
            const n = Math.min(...ns);
            maxAge = maxAge === undefined ? n : Math.max(maxAge, n);
        }
    }
    return { noMfa, maxAge };
}

/** Whether a Deny statement applies to every caller that `allow` lets in, for `action` (trust policies name no resource). */
function denyCovers(deny: Statement, allow: Statement, action: string): boolean {
    if (deny.effect !== "Deny" || !matchesAction(deny, action)) return false;
    if (deny.notResource !== undefined) return false;
    if (deny.resource !== undefined && !deny.resource.some((r) => r.trim() === "*")) return false;
    if (deny.notPrincipal !== undefined) return false;
    const p = deny.principal;
    if (p === undefined) return false;
    if (p.anyone) return true;
    const mine = allow.principal;
    if (!mine || mine.anyone || allow.notPrincipal) return false;
    return mine.aws.length > 0 && mine.aws.every((a) => p.aws.includes(a)) && mine.service.length === 0 && mine.federated.length === 0;
}

/** What a document requires of the MFA behind a request that an Allow statement lets in. */
export interface Mfa {
    /** Required by the statement's own condition, or by an explicit Deny that refuses callers without MFA. */
    readonly required: boolean;
    /** The largest MFA age accepted (seconds): the statement's own bound or a Deny's, whichever is smaller. */
    readonly maxAge: number | undefined;
}

/** MFA for Allow statement `s` of `doc`, for `action`: its own condition, and every explicit Deny (explicit deny wins). */
export function mfaFor(s: Statement, doc: PolicyDocument, action: string): Mfa {
    let required = requiresMfa(s);
    let maxAge = maxMfaAge(s);
    for (const d of doc.statements) {
        if (!denyCovers(d, s, action)) continue;
        const denial = mfaDenial(d.conditions);
        if (denial.noMfa) required = true;
        if (denial.maxAge !== undefined) maxAge = maxAge === undefined ? denial.maxAge : Math.min(maxAge, denial.maxAge);
    }
    return { required, maxAge };
}

/**
 * `judge` on the MFA that `doc` requires for Allow statement `s` (`mfaFor`); a failure becomes unknown while a Deny
 * statement whose fields are unknown during preview could still require MFA or bound its age for `s`.
 */
export function judgeMfa(s: Statement, doc: PolicyDocument, action: string, judge: (mfa: Mfa) => Verdict): Verdict {
    const verdict = judge(mfaFor(s, doc, action));
    if (verdict.kind !== "fail") return verdict;
    const couldDeny = doc.undecided.filter((u) => {
        if (u.effect === "Allow") return false;
        if (!u.known || u.unknownFields.has("condition")) return true;
        const denial = mfaDenial(u.known.conditions);
        return denial.noMfa || denial.maxAge !== undefined;
    });
    return couldDeny.length ? unknown(...couldDeny.flatMap((u) => u.needs)) : verdict;
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
