// Administrator-level IAM permissions, wherever they come from: an AWS managed policy known to grant them
// (AdministratorAccess, PowerUserAccess, IAMFullAccess — configurable), or a policy document with an Allow statement
// that grants
// - every action (`*` or `*:*`) on every resource (CIS AWS 1.16, FSBP IAM.1),
// - every IAM action (an action pattern that covers `iam:*`) on IAM resources: whoever holds it can grant themselves
//   anything, or
// - `NotAction` on every resource: everything except a few actions (PowerUserAccess is `NotAction: iam:*, ...`).
//
// Policy documents are read statement by statement from the fields that are known; a statement whose verdict
// depends on an unknown field is undecided, so one computed ARN in a harmless statement does not hide a `*` in
// another. Policy ARNs are joined to the `aws:iam/policy:Policy` resources of the stack by property dependency first,
// then by the path and name in a literal ARN.

import type { ConfigProperty } from "./config";
import { parsePolicyDocument, type Statement, statementPosition, wildcardMatch } from "./iam";
import type { StackResource } from "./policy";
import type { Value } from "./read";
import { Join, type PropertyOf } from "./stack";

export const POLICY = "aws:iam/policy:Policy";

export const DEFAULT_ADMINISTRATOR_POLICY_NAMES: readonly string[] = Object.freeze(["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"]);

export const ADMINISTRATOR_POLICY_NAMES = {
    administratorPolicyNames: {
        type: "array",
        items: { type: "string", pattern: "^[A-Za-z0-9+=,.@_-]{1,128}$" },
        default: DEFAULT_ADMINISTRATOR_POLICY_NAMES,
        description:
            "Names of AWS managed policies (`arn:aws:iam::aws:policy/<name>`) that count as administrator-level. Customer " +
            "managed and inline policies are judged by their documents.",
    },
} as const satisfies Readonly<Record<string, ConfigProperty>>;

/** How a statement grants administrator-level access. */
export type AdminGrant = "everything" | "iam" | "not-action";

export const ADMIN_GRANT_TEXT: Readonly<Record<AdminGrant, string>> = {
    everything: "allows every action (`*`) on every resource",
    iam: "allows every IAM action (`iam:*`), with which the holder can grant itself any permission",
    "not-action": "allows every action but a few (`NotAction`) on every resource",
};

const PROBES = ["arn:aws:s3:::srguard-probe", "arn:aws:iam::123456789012:role/srguard-probe", "arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0"];
const IAM_PROBES = ["arn:aws:iam::123456789012:role/srguard-probe", "arn:aws:iam::123456789012:policy/srguard-probe", "arn:aws:iam::123456789012:user/srguard-probe"];

/** A resource pattern that matches every resource (`*`, or a pattern matching unrelated services' ARNs alike). */
function coversEverything(r: string): boolean {
    return r.trim() === "*" || PROBES.every((p) => wildcardMatch(r.trim(), p));
}

function coversIamResources(r: string): boolean {
    return /^arn:[^:]*:iam:/i.test(r.trim()) || IAM_PROBES.some((p) => wildcardMatch(r.trim(), p));
}

/** Whether an Allow statement grants administrator-level access, and how. */
export function adminGrant(s: Statement): AdminGrant | undefined {
    if (s.effect !== "Allow") return undefined;
    // `NotResource` leaves every resource but a few (unless it excludes everything).
    const allBut = s.notResource !== undefined && !s.notResource.some((r) => r.trim() === "*");
    const everyResource = allBut || (s.resource ?? []).some(coversEverything);
    if (s.action) {
        if (everyResource && s.action.some((a) => a.trim() === "*" || a.trim() === "*:*")) return "everything";
        const iamResources = allBut || (s.resource ?? []).some(coversIamResources);
        if (iamResources && s.action.some((a) => wildcardMatch(a.trim(), "iam:*"))) return "iam";
        return undefined;
    }
    if (s.notAction && everyResource && !s.notAction.some((a) => a.trim() === "*")) return "not-action";
    return undefined;
}

export type DocumentVerdict =
    | { readonly kind: "admin"; readonly statements: readonly { readonly position: string; readonly grant: AdminGrant }[] }
    | { readonly kind: "none" }
    | { readonly kind: "invalid"; readonly error: string }
    | { readonly kind: "unknown" };

/** The statement fields that decide whether a statement grants administrator access (lower case). */
const DECIDING = ["effect", "action", "notaction", "resource", "notresource"] as const;

/** The fields of an object value by lower-case name (the first spelling wins, as IAM's own lookup would). */
function fieldsByLowerName(o: Value): Map<string, Value> {
    const out = new Map<string, Value>();
    for (const [k, v] of o.entries()) if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), v);
    return out;
}

function isObject(v: Value): boolean {
    return v.isSet && typeof v.value === "object" && !Array.isArray(v.value);
}

function plain(v: unknown): unknown {
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** Worst and best stand-ins for an unknown field: a statement is admin for sure if it is admin at its best. */
const WORST: Readonly<Record<(typeof DECIDING)[number], unknown>> = {
    effect: "Allow",
    action: "*",
    notaction: "srguard:None",
    resource: "*",
    notresource: "arn:aws:s3:::srguard-none",
};
const BEST: Readonly<Record<(typeof DECIDING)[number], unknown>> = {
    effect: "Deny",
    action: "srguard:None",
    notaction: "*",
    resource: "arn:aws:s3:::srguard-none",
    notresource: "*",
};
const FIELD_NAME: Readonly<Record<(typeof DECIDING)[number], string>> = {
    effect: "Effect",
    action: "Action",
    notaction: "NotAction",
    resource: "Resource",
    notresource: "NotResource",
};

function judgeStatement(raw: Value, index: number): { grant: AdminGrant | undefined; undecided: boolean } {
    const fields = fieldsByLowerName(raw);
    const known: Record<string, unknown> = {};
    const unknown: (typeof DECIDING)[number][] = [];
    for (const name of DECIDING) {
        const field = fields.get(name);
        if (field === undefined) continue;
        if (field.hasUnknown) unknown.push(name);
        else known[FIELD_NAME[name]] = plain(field.value);
    }
    const parse = (fill: Readonly<Record<string, unknown>>): AdminGrant | undefined => {
        const doc = { ...known };
        for (const name of unknown) doc[FIELD_NAME[name]] = fill[name];
        const parsed = parsePolicyDocument({ Statement: [...Array<null>(index).fill(null), doc] });
        const s = parsed.ok ? parsed.statements[0] : undefined;
        return s ? adminGrant(s) : undefined;
    };
    if (!unknown.length) return { grant: parse({}), undecided: false };
    const best = parse(BEST);
    if (best) return { grant: best, undecided: false };
    return { grant: undefined, undecided: parse(WORST) !== undefined };
}

/**
 * Whether a policy document (a JSON string or an object, possibly with unknowns inside) grants administrator-level
 * access, statement by statement: a statement whose verdict waits for an unknown field is undecided.
 */
export function adminDocument(doc: Value): DocumentVerdict {
    if (doc.isUnknown) return { kind: "unknown" };
    if (doc.isUnset || doc.text() === "") return { kind: "none" };
    const text = doc.text();
    if (text !== undefined) {
        const parsed = parsePolicyDocument(text);
        if (!parsed.ok) return { kind: "invalid", error: parsed.error };
        const found = parsed.statements.flatMap((s) => {
            const grant = adminGrant(s);
            return grant ? [{ position: statementPosition(s), grant }] : [];
        });
        return found.length ? { kind: "admin", statements: found } : { kind: "none" };
    }
    if (!isObject(doc)) return { kind: "invalid", error: "is not a JSON object" };
    const statement = fieldsByLowerName(doc).get("statement");
    if (statement === undefined) return { kind: "none" };
    if (statement.isUnknown) return { kind: "unknown" };
    const found: { position: string; grant: AdminGrant }[] = [];
    let undecided = false;
    statement.items().forEach((raw, i) => {
        if (raw.isUnknown) {
            undecided = true;
            return;
        }
        if (!isObject(raw)) return;
        const verdict = judgeStatement(raw, i);
        if (verdict.grant) found.push({ position: `statement #${i + 1}`, grant: verdict.grant });
        if (verdict.undecided) undecided = true;
    });
    if (found.length) return { kind: "admin", statements: found };
    return undecided ? { kind: "unknown" } : { kind: "none" };
}

/** "statement #1 allows every action (`*`) on every resource" (positions only, never a Sid). */
export function adminStatementsText(v: Extract<DocumentVerdict, { kind: "admin" }>): string {
    return v.statements.map((s) => `${s.position} ${ADMIN_GRANT_TEXT[s.grant]}`).join("; ");
}

// ---------------------------------------------------------------------------------------------------------------
// Policy ARNs

const AWS_MANAGED_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/i;
const CUSTOMER_ARN = /^arn:aws[a-z-]*:iam::[0-9]{12}:policy(\/.*)$/i;

/** The name of an AWS managed policy ARN (`arn:aws:iam::aws:policy/[path/]<name>`), or undefined. */
export function awsManagedPolicyName(arn: string): string | undefined {
    return AWS_MANAGED_ARN.exec(arn.trim())?.[1];
}

/** The AWS managed administrator policy an ARN names (one of `names`, compared without case), or undefined. */
export function adminManagedPolicy(arn: string, names: readonly string[]): string | undefined {
    const name = awsManagedPolicyName(arn);
    if (name === undefined) return undefined;
    return names.find((n) => n.toLowerCase() === name.toLowerCase());
}

/** Join key of a customer managed policy: its path and name, lower case (`/msp/boundary`). */
function customerKey(pathAndName: string): string {
    return pathAndName.toLowerCase();
}

type PolicyResource = StackResource<typeof POLICY>;

function policyKeys(r: PolicyResource): string[] {
    const name = r.props.get("name").text();
    if (name === undefined || name === "") return [];
    const rawPath = r.props.get("path").text();
    const path = rawPath !== undefined && rawPath !== "" ? rawPath : "/";
    return [customerKey(`${path}${name}`)];
}

/** What a policy ARN (or a list of them) in some property refers to. */
export type PolicyTarget =
    | { readonly kind: "aws-managed-admin"; readonly name: string }
    | { readonly kind: "policy"; readonly resource: PolicyResource }
    /** An unknown ARN that no property dependency explains. */
    | { readonly kind: "unknown" };

/** The customer managed policies of a stack, joined to the properties that refer to them. */
export class PolicyIndex {
    private readonly index: Join<typeof POLICY>;

    constructor(
        policies: readonly PolicyResource[],
        private readonly adminNames: readonly string[],
    ) {
        this.index = new Join(policies, policyKeys);
    }

    /**
     * The policies `from`'s `property` (one ARN or a list of ARNs) refers to that matter: AWS managed administrator
     * policies, the stack's customer managed policies (to judge by their documents), and unknowns. Other AWS managed
     * policies and customer managed policies outside the stack are left out.
     */
    targets<F extends string>(from: StackResource<F>, property: PropertyOf<F>): PolicyTarget[] {
        const out: PolicyTarget[] = [];
        const seen = new Set<string>();
        const addPolicy = (resource: PolicyResource) => {
            if (seen.has(resource.urn)) return;
            seen.add(resource.urn);
            out.push({ kind: "policy", resource });
        };
        const deps = this.index.dependencies(from, property);
        deps.forEach(addPolicy);
        const literal = (arn: string) => {
            const admin = adminManagedPolicy(arn, this.adminNames);
            if (admin !== undefined) {
                out.push({ kind: "aws-managed-admin", name: admin });
                return;
            }
            const customer = CUSTOMER_ARN.exec(arn.trim())?.[1];
            if (customer !== undefined) this.index.lookup(customerKey(customer)).forEach(addPolicy);
        };
        const value = (from.props as Value<Readonly<Record<string, unknown>>>).get(property);
        if (value.isUnknown) {
            if (!deps.length) out.push({ kind: "unknown" });
            return out;
        }
        for (const item of value.items()) {
            if (item.isUnknown) {
                // An element computed from another resource: a policy of the stack when a dependency says so.
                if (!deps.length) out.push({ kind: "unknown" });
                continue;
            }
            const arn = item.text();
            if (arn !== undefined) literal(arn);
        }
        return out;
    }
}

/** Whether a customer managed policy resource's document grants administrator access. */
export function policyResourceVerdict(policy: PolicyResource): DocumentVerdict {
    return adminDocument(policy.props.get("policy"));
}
