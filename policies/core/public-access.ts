// What makes a resource public, after the Amazon S3 user guide's "The meaning of public" — the one resource-policy
// analyser of the pack: S3 bucket and access-point policies, SQS queue, SNS topic, KMS key, Secrets Manager secret, ECR
// repository and registry, EFS file-system, DynamoDB, OpenSearch domain policies all call `resourcePolicy`:
// - an ACL is public when it grants any permission to the AllUsers or AuthenticatedUsers group (the canned ACLs
//   `public-read`, `public-read-write` and `authenticated-read` do; `log-delivery-write` grants to the LogDelivery
//   group, which is not public);
// - a resource policy is public when an Allow statement reaches anyone (`*`, `{AWS: "*"}`, or `NotPrincipal`) and
//   no fixed condition on a restricting key (VPC endpoint, VPC, account, organisation, source ARN, IP range ...,
//   see `hasRestrictingCondition`) narrows it. Deny statements never make a policy public.
//
// - per service (`PublicPolicyOptions`): more condition keys that restrict a wildcard principal (KMS's
//   `kms:CallerAccount`), and service principals that act for any account's resources (a statement that allows
//   `s3.amazonaws.com` without a fixed aws:SourceAccount / aws:SourceArn lets any account's bucket use the resource).
//
// Policy documents (JSON strings or objects) are read statement by statement, so that a statement whose `Resource` is still unknown during
// preview (`${bucket.arn}/*`) is decided from its known `Effect`, `Principal` and `Condition`.

import { conditionsOn, hasRestrictingCondition, isFixedCondition, parsePolicyDocument, reachesAnyone, type Statement } from "./iam";
import { Value } from "./read";
import { all, fail, pass, unknown, type Verdict } from "./verdict";

/** Canned ACLs that grant to the AllUsers / AuthenticatedUsers groups. */
export const PUBLIC_CANNED_ACLS: readonly string[] = Object.freeze(["public-read", "public-read-write", "authenticated-read"]);

const PUBLIC_GROUPS: ReadonlySet<string> = new Set([
    "acs.amazonaws.com/groups/global/allusers",
    "acs.amazonaws.com/groups/global/authenticatedusers",
]);

/** `http://acs.amazonaws.com/groups/global/AllUsers` or `.../AuthenticatedUsers`, in any case, with or without scheme. */
export function isPublicGroupUri(uri: Value): boolean {
    const s = uri.text();
    if (s === undefined) return false;
    const t = s
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/\/+$/, "");
    return PUBLIC_GROUPS.has(t);
}

/** A canned ACL (`property` names it) must not be public. Never prints the value. */
export function cannedAcl(acl: Value, property: string): Verdict {
    if (acl.isUnknown) return unknown(acl);
    if (!acl.isOneOf(...PUBLIC_CANNED_ACLS)) return pass;
    return fail(
        `\`${property}\` is a public canned ACL; use \`private\` (or leave it out) and grant access through IAM or a ` +
            "resource policy to named principals (public-read, public-read-write and authenticated-read are public).",
    );
}

/**
 * No grant in the list `grants` (found at `path`, for messages) may name the AllUsers or AuthenticatedUsers group as
 * its grantee (`uriOf` reads a grant's grantee URI): one message per public grant. A value that is not a list grants
 * nothing.
 */
export function grants<G>(list: Value<readonly G[] | undefined>, path: string, uriOf: (grant: Value<G>) => Value): Verdict {
    if (list.isUnknown) return unknown(list);
    if (!Array.isArray(list.value)) return pass;
    const verdicts: Verdict[] = list.items().map((grant, i) => {
        if (grant.isUnknown) return unknown(grant);
        const uri = uriOf(grant as Value<G>);
        if (uri.isUnknown) return unknown(uri);
        return isPublicGroupUri(uri) ? fail(`\`${path}[${i}]\` grants access to a public group (AllUsers or AuthenticatedUsers); remove that grant.`) : pass;
    });
    return all(verdicts);
}

/** What a service adds to "the meaning of public" (condition keys and service principals in lower case). */
export interface PublicPolicyOptions {
    /** Condition keys that, pinned to fixed values, restrict a wildcard principal too (e.g. `kms:calleraccount`). */
    readonly restrictingKeys?: readonly string[];
    /**
     * Service principals that act for any account's resources (e.g. `s3.amazonaws.com`: bucket ARNs name no account):
     * an Allow to one of them is public unless a fixed aws:SourceAccount, aws:SourceArn, aws:SourceOwner or
     * aws:SourceOrgID condition names whose resources.
     */
    readonly confusedDeputyServices?: readonly string[];
}

const NO_OPTIONS: PublicPolicyOptions = Object.freeze({});
const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid"] as const;

/** What a policy document says about public access, with the values it could not decide without. */
type DocumentReading =
    /** Statements (1-based positions) that make the document public: open to anyone, or to a service for anyone. */
    | { readonly kind: "public"; readonly statements: readonly number[]; readonly services: readonly number[] }
    | { readonly kind: "not-public" }
    /** Not a policy document: not JSON, or not an object. */
    | { readonly kind: "invalid"; readonly error: string }
    | { readonly kind: "undecided"; readonly needs: readonly Value[] };

/** The statement fields that decide whether a statement is public (lower case). */
const DECIDING = ["effect", "principal", "notprincipal", "condition"] as const;
type Deciding = (typeof DECIDING)[number];

function plain(v: unknown): unknown {
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** Whether the statement's principal part alone reaches anyone (whatever its effect). */
function principalReachesAnyone(s: Statement): boolean {
    return s.notPrincipal !== undefined || s.principal?.anyone === true;
}

/** Whether the statement names one of the service principals that act for any account's resources. */
function namesDeputy(s: Statement, o: PublicPolicyOptions): boolean {
    const services = o.confusedDeputyServices;
    if (!services?.length || !s.principal) return false;
    return s.principal.service.some((p) => services.includes(p.trim().toLowerCase()));
}

/** A fixed condition on one of the S3 "meaning of public" keys or on one of the service's own keys. */
function restricted(s: Statement, o: PublicPolicyOptions): boolean {
    return hasRestrictingCondition(s) || (o.restrictingKeys ?? []).some((k) => conditionsOn(s, k).some((c) => isFixedCondition(c)));
}

/** A fixed condition that names whose resources a service principal acts for. */
function sourcePinned(s: Statement): boolean {
    return SOURCE_KEYS.some((k) => conditionsOn(s, k).some((c) => isFixedCondition(c)));
}

type StatementVerdict = "public" | "service" | "not-public" | "undecided";

/** Decides one statement from the fields that are known (`unknown` lists the deciding fields that are not). */
function decideStatement(s: Statement, unknownFields: ReadonlySet<Deciding>, o: PublicPolicyOptions): StatementVerdict {
    if (unknownFields.size === 0) {
        if (reachesAnyone(s) && !restricted(s, o)) return "public";
        if (s.effect === "Allow" && namesDeputy(s, o) && !sourcePinned(s) && !restricted(s, o)) return "service";
        return "not-public";
    }
    if (!unknownFields.has("effect") && s.effect === "Deny") return "not-public";
    if (!unknownFields.has("principal") && !unknownFields.has("notprincipal") && !principalReachesAnyone(s) && !namesDeputy(s, o)) return "not-public";
    if (!unknownFields.has("condition") && restricted(s, o)) return "not-public";
    return "undecided";
}

/** A field of an object value, its name in any case. */
function field(o: Value, lowerName: string): [string, Value] | undefined {
    return o.entries().find(([k]) => k.toLowerCase() === lowerName);
}

/**
 * Reads a resource policy (a JSON string or an object, as the SDK hands it over, possibly with unknowns inside)
 * statement by statement, so that a statement whose `Resource` is still unknown is decided from its known `Effect`,
 * `Principal` and `Condition`.
 */
function readDocument(doc: Value, o: PublicPolicyOptions = NO_OPTIONS): DocumentReading {
    if (doc.isUnknown) return { kind: "undecided", needs: [doc] };
    const raw = doc.value;
    if (raw === undefined || raw === "" || (typeof raw === "string" && raw.trim() === "")) return { kind: "not-public" };
    if (typeof raw === "string") {
        const parsed = parsePolicyDocument(raw);
        if (!parsed.ok) return { kind: "invalid", error: parsed.error };
        const verdicts = parsed.statements.map((s) => [s.index + 1, decideStatement(s, new Set(), o)] as const);
        const pub = verdicts.filter(([, v]) => v === "public").map(([i]) => i);
        const services = verdicts.filter(([, v]) => v === "service").map(([i]) => i);
        return pub.length || services.length ? { kind: "public", statements: pub, services } : { kind: "not-public" };
    }
    if (typeof raw !== "object" || Array.isArray(raw)) return { kind: "invalid", error: "is not a JSON object" };
    const list = field(doc, "statement")?.[1];
    if (!list) return { kind: "not-public" };
    if (list.isUnknown) return { kind: "undecided", needs: [list] };

    const publicAt: number[] = [];
    const servicesAt: number[] = [];
    const needs: Value[] = [];
    let undecided = false;
    list.items().forEach((element, index) => {
        if (element.isUnknown) {
            needs.push(element);
            undecided = true;
            return;
        }
        const s = element.value;
        if (typeof s !== "object" || s === null || Array.isArray(s)) return;
        const copy: Record<string, unknown> = {};
        const unknownFields = new Map<Deciding, Value>();
        for (const name of DECIDING) {
            const f = field(element, name);
            if (f === undefined) continue;
            const [key, v] = f;
            if (v.hasUnknown) unknownFields.set(name, v);
            else copy[key] = plain(v.value);
        }
        // Parse the statement alone, at its own position (earlier positions are placeholders).
        const parsed = parsePolicyDocument({ Statement: [...Array<null>(index).fill(null), copy] });
        const statement = parsed.ok ? parsed.statements[0] : undefined;
        if (!statement) return;
        const verdict = decideStatement(statement, new Set(unknownFields.keys()), o);
        if (verdict === "public") publicAt.push(index + 1);
        if (verdict === "service") servicesAt.push(index + 1);
        if (verdict === "undecided") {
            undecided = true;
            needs.push(...unknownFields.values());
        }
    });
    if (publicAt.length || servicesAt.length) return { kind: "public", statements: publicAt, services: servicesAt };
    return undecided ? { kind: "undecided", needs } : { kind: "not-public" };
}

/**
 * A resource policy (`property` names it in messages) must not make its resource public: fails naming the public
 * statements (or a document that is not a policy document: fail closed); unknown while an undecided statement
 * depends on a value that is unknown during preview.
 */
export function resourcePolicy(doc: Value, property: string, options: PublicPolicyOptions = NO_OPTIONS): Verdict {
    const r = readDocument(doc, options);
    switch (r.kind) {
        case "public": {
            const messages: string[] = [];
            if (r.statements.length) messages.push(publicPolicyMessage(property, r.statements, options));
            if (r.services.length) messages.push(servicePolicyMessage(property, r.services));
            return fail(...messages);
        }
        case "invalid":
            return fail(invalidPolicyMessage(property, r.error));
        case "undecided":
            return unknown(...r.needs);
        case "not-public":
            return pass;
    }
}

/** "statement #2" / "statements #1, #3": positions only (a `Sid` is a property value and stays out of messages). */
export function statementPositions(positions: readonly number[]): string {
    return `${positions.length === 1 ? "statement" : "statements"} ${positions.map((p) => `#${p}`).join(", ")}`;
}

/** The message for a public policy document in `property`: which statements, and how to fix them. */
export function publicPolicyMessage(property: string, positions: readonly number[], options: PublicPolicyOptions = NO_OPTIONS): string {
    const extra = (options.restrictingKeys ?? []).map((k) => `${k}, `).join("");
    return (
        `\`${property}\` ${statementPositions(positions)} ${positions.length === 1 ? "allows" : "allow"} anyone ` +
        "(Principal `*` or NotPrincipal) without a condition that restricts it; name the principals, or add a fixed " +
        `condition on ${extra}aws:SourceVpce, aws:SourceVpc, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, ` +
        "aws:PrincipalAccount, s3:DataAccessPointAccount or aws:SourceIp (a bounded range)."
    );
}

/** The message for statements that let a service act for any account's resources. */
export function servicePolicyMessage(property: string, positions: readonly number[]): string {
    return (
        `\`${property}\` ${statementPositions(positions)} ${positions.length === 1 ? "allows" : "allow"} an AWS service ` +
        "that acts for any account's resources without saying whose; add a fixed aws:SourceAccount or aws:SourceArn " +
        "condition (StringEquals / ArnEquals) naming your account or resource."
    );
}

/** The message for a document in `property` that is not a policy document (fail closed). */
export function invalidPolicyMessage(property: string, error: string): string {
    return `\`${property}\` is not a valid policy document (it ${error}); write it as a JSON policy document.`;
}
