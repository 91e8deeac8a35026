// What makes a storage resource public, after the Amazon S3 user guide's "The meaning of public":
// - an ACL is public when it grants any permission to the AllUsers or AuthenticatedUsers group (the canned ACLs
//   `public-read`, `public-read-write` and `authenticated-read` do; `log-delivery-write` grants to the LogDelivery
//   group, which is not public);
// - a resource policy is public when an Allow statement reaches anyone (`*`, `{AWS: "*"}`, or `NotPrincipal`) and
//   no fixed condition on a restricting key (VPC endpoint, VPC, account, organisation, source ARN, IP range ...,
//   see `hasRestrictingCondition`) narrows it. Deny statements never make a policy public.
//
// Policy documents are read statement by statement, so that a statement whose `Resource` is still unknown during
// preview (`${bucket.arn}/*`) is decided from its known `Effect`, `Principal` and `Condition`.

import type { KnownValues, Read } from "./known";
import { hasRestrictingCondition, parsePolicyDocument, reachesAnyone, type Statement } from "./iam";
import { containsUnknown, isKnown, isObject, type Props } from "./values";

/** Canned ACLs that grant to the AllUsers / AuthenticatedUsers groups. */
export const PUBLIC_CANNED_ACLS: readonly string[] = Object.freeze(["public-read", "public-read-write", "authenticated-read"]);

const PUBLIC_GROUPS: ReadonlySet<string> = new Set([
    "acs.amazonaws.com/groups/global/allusers",
    "acs.amazonaws.com/groups/global/authenticatedusers",
]);

export function isPublicCannedAcl(v: unknown): boolean {
    return typeof v === "string" && PUBLIC_CANNED_ACLS.includes(v.trim().toLowerCase());
}

/** `http://acs.amazonaws.com/groups/global/AllUsers` or `.../AuthenticatedUsers`, in any case, with or without scheme. */
export function isPublicGroupUri(v: unknown): boolean {
    if (typeof v !== "string") return false;
    const t = v
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/\/+$/, "");
    return PUBLIC_GROUPS.has(t);
}

/** The canned ACL in `property` (when known): public → report. Never prints the value. */
export function checkCannedAcl(props: Props, property: string, known: KnownValues, report: (message: string) => void): void {
    const acl = known.get(props, property);
    if (acl.known && isPublicCannedAcl(acl.value)) {
        report(
            `\`${property}\` is a public canned ACL; use \`private\` (or leave it out) and grant access through IAM or a ` +
                "resource policy to named principals (public-read, public-read-write and authenticated-read are public).",
        );
    }
}

/**
 * Grants in `list` (found at `path`, for messages) whose grantee URI (read by `uriOf`) is the AllUsers or
 * AuthenticatedUsers group → report, one message per grant. Unknown grants or URIs are skipped (remembered on
 * `known`).
 */
export function checkGrants(
    list: unknown,
    path: string,
    uriOf: (grant: unknown) => Read,
    known: KnownValues,
    report: (message: string) => void,
): void {
    if (!Array.isArray(list)) return;
    const grants = list as readonly unknown[];
    for (let i = 0; i < grants.length; i++) {
        const grant = known.get(grants, String(i));
        if (!grant.known) continue;
        const uri = uriOf(grant.value);
        if (uri.known && isPublicGroupUri(uri.value)) {
            report(`\`${path}[${i}]\` grants access to a public group (AllUsers or AuthenticatedUsers); remove that grant.`);
        }
    }
}

export type PolicyVerdict =
    /** Statements (1-based positions) that make the document public. */
    | { readonly kind: "public"; readonly statements: readonly number[] }
    | { readonly kind: "not-public" }
    /** Not a policy document: not JSON, or not an object. */
    | { readonly kind: "invalid"; readonly error: string }
    /** Some statements could not be decided: they are deferred on `known`. */
    | { readonly kind: "undecided" };

/** The statement fields that decide whether a statement is public (lower case). */
const DECIDING = ["effect", "principal", "notprincipal", "condition"] as const;
type Deciding = (typeof DECIDING)[number];

function field(o: Readonly<Record<string, unknown>>, lowerName: string): string | undefined {
    return Object.keys(o).find((k) => k.toLowerCase() === lowerName);
}

function plain(v: unknown): unknown {
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** Whether the statement's principal part alone reaches anyone (whatever its effect). */
function principalReachesAnyone(s: Statement): boolean {
    return s.notPrincipal !== undefined || s.principal?.anyone === true;
}

type StatementVerdict = "public" | "not-public" | "undecided";

/** Decides one statement from the fields that are known (`unknown` lists the deciding fields that are not). */
function decide(s: Statement, unknown: ReadonlySet<Deciding>): StatementVerdict {
    if (unknown.size === 0) return reachesAnyone(s) && !hasRestrictingCondition(s) ? "public" : "not-public";
    if (!unknown.has("effect") && s.effect === "Deny") return "not-public";
    if (!unknown.has("principal") && !unknown.has("notprincipal") && !principalReachesAnyone(s)) return "not-public";
    if (!unknown.has("condition") && hasRestrictingCondition(s)) return "not-public";
    return "undecided";
}

/**
 * Whether a resource policy (`doc`: a JSON string or an object, as the SDK hands it over, possibly with unknowns
 * inside) makes its resource public. Statements that depend on unknown values are deferred on `known`; the caller
 * reports the public statements it got, and calls `known.settle()` when nothing else decided.
 */
export function analysePolicy(doc: unknown, known: KnownValues): PolicyVerdict {
    if (doc === undefined || doc === null || doc === "") return { kind: "not-public" };
    if (typeof doc === "string") {
        const parsed = parsePolicyDocument(doc);
        if (!parsed.ok) return { kind: "invalid", error: parsed.error };
        const pub = parsed.statements.filter((s) => decide(s, new Set()) === "public").map((s) => s.index + 1);
        return pub.length ? { kind: "public", statements: pub } : { kind: "not-public" };
    }
    if (!isObject(doc)) return { kind: "invalid", error: "is not a JSON object" };
    const statementKey = field(doc, "statement");
    if (statementKey === undefined) return { kind: "not-public" };
    const listRead = known.get(doc, statementKey);
    if (!listRead.known) return { kind: "undecided" };
    const value = listRead.value;
    const list: readonly unknown[] = Array.isArray(value) ? (value as readonly unknown[]) : value === undefined ? [] : [value];

    const publicAt: number[] = [];
    let undecided = false;
    // Index by index (not forEach, which would read an unknown element through the proxy and throw).
    for (let index = 0; index < list.length; index++) {
        if (!isKnown(list, String(index))) {
            known.get(list, String(index));
            undecided = true;
            continue;
        }
        const raw: unknown = list[index];
        if (!isObject(raw)) continue;
        const copy: Record<string, unknown> = {};
        const unknown = new Set<Deciding>();
        for (const name of DECIDING) {
            const key = field(raw, name);
            if (key === undefined) continue;
            if (!isKnown(raw, key) || containsUnknown(raw[key])) {
                unknown.add(name);
                continue;
            }
            copy[key] = plain(raw[key]);
        }
        // Parse the statement alone, at its own position (earlier positions are placeholders).
        const parsed = parsePolicyDocument({ Statement: [...Array<null>(index).fill(null), copy] });
        const statement = parsed.ok ? parsed.statements[0] : undefined;
        if (!statement) continue;
        const verdict = decide(statement, unknown);
        if (verdict === "public") publicAt.push(index + 1);
        if (verdict === "undecided") {
            undecided = true;
            for (const name of unknown) {
                const key = field(raw, name);
                if (key !== undefined) known.defer(() => raw[key]);
            }
        }
    }
    if (publicAt.length) return { kind: "public", statements: publicAt };
    return undecided ? { kind: "undecided" } : { kind: "not-public" };
}

/** "statement #2" / "statements #1, #3": positions only (a `Sid` is a property value and stays out of messages). */
export function statementPositions(positions: readonly number[]): string {
    return `${positions.length === 1 ? "statement" : "statements"} ${positions.map((p) => `#${p}`).join(", ")}`;
}

/** The message for a public policy document in `property`: which statements, and how to fix them. */
export function publicPolicyMessage(property: string, positions: readonly number[]): string {
    return (
        `\`${property}\` ${statementPositions(positions)} ${positions.length === 1 ? "allows" : "allow"} anyone ` +
        "(Principal `*` or NotPrincipal) without a condition that restricts it; name the principals, or add a fixed " +
        "condition on aws:SourceVpce, aws:SourceVpc, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, " +
        "aws:PrincipalAccount, s3:DataAccessPointAccount or aws:SourceIp (a bounded range)."
    );
}

/** The message for a document in `property` that is not a policy document (fail closed). */
export function invalidPolicyMessage(property: string, error: string): string {
    return `\`${property}\` is not a valid policy document (it ${error}); write it as a JSON policy document.`;
}
