// Which IAM roles are MSP roles: roles that a principal of another AWS account — a managed service provider, a
// vendor, or anybody else outside the organisation — can assume.
//
// The rule, shared by every msp-delegation policy: an Allow statement of the role's trust policy that grants
// `sts:AssumeRole` (directly, through a wildcard or through NotAction) to an AWS principal whose account is not in
// the `organizationAccountIds` setting makes the role an MSP role. The account of a principal is read from its text:
// a 12-digit account id, or the account field of an `arn:<partition>:iam::` / `arn:<partition>:sts::` ARN. A
// principal whose account cannot be read (a unique id such as `AROA…`, which IAM leaves behind when the role it named
// is deleted) counts as external, and so does a statement open to anyone (`*`, `{AWS: "*"}`, NotPrincipal) unless a
// fixed `aws:PrincipalAccount` or `aws:PrincipalArn` condition names the accounts — an `aws:PrincipalOrgID` cannot be
// matched to account ids. Service and federated principals never make a role an MSP role (the mfa policies cover
// them).
//
// With `organizationAccountIds` not configured, the pack does not know the organisation, so it must not call a
// principal another account's on a guess (a same-account trust used to make five MSP findings): the accounts the
// stack is known to deploy into stand in for the organisation — the provider's `allowedAccountIds` (the provider
// refuses every other account) and the accounts of ARNs the stack's own resources use (a customer managed policy, a
// permissions boundary, a function's role ...; principals of policy documents are not counted). A principal of one of
// them is the organisation's; a principal of another account is external when at least one own account is known;
// with none known, its account cannot be judged and the role is not an MSP role on its account alone.
// aws-iam-role-configure-organization-accounts says once, as an advisory, what to configure.

import type { ConfigProperty } from "./config";
import { allows, conditionsOn, isFixedCondition, type PolicyDocument, readPolicyDocument, type Statement, type UndecidedStatement } from "./iam";
import type { ResourceOfType, StackView } from "./policy";
import { Value } from "./read";
import { type WholeStackResource, wholeStackResources } from "./sdk-contract";
import { ROLE_KIND_TAG, ROLE_NAME, THIRD_PARTY_AUTOMATION } from "./role-kind";
import { ASSUME_ROLE } from "./trust";

/** A 12-digit AWS account id. */
export const ACCOUNT_ID_PATTERN = "^[0-9]{12}$";

/** An approved MSP principal: an account id, or an IAM role ARN (with its path). */
export const MSP_PRINCIPAL_PATTERN = "^([0-9]{12}|arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512})$";

export const ORGANIZATION_ACCOUNT_IDS = {
    organizationAccountIds: {
        type: "array",
        items: { type: "string", pattern: ACCOUNT_ID_PATTERN },
        default: [],
        description:
            "The organisation's own AWS account ids (12 digits). A role that an AWS principal of any other account can assume is " +
            "an MSP role. With the default (empty) list the accounts the stack is known to deploy into stand in (the provider's " +
            "`allowedAccountIds`, the accounts of ARNs its resources use), and a principal whose account cannot be judged is " +
            "not counted as external (aws-iam-role-configure-organization-accounts says so).",
    },
} as const satisfies Readonly<Record<string, ConfigProperty>>;

export const THIRD_PARTY_ROLE_NAMES = {
    thirdPartyRoleNames: {
        type: "array",
        items: { type: "string", pattern: ROLE_NAME },
        default: [],
        description:
            `IAM role names (the role's \`name\`) assumed by an MSP's automation rather than its people, besides roles tagged ` +
            `\`${ROLE_KIND_TAG}\` = \`${THIRD_PARTY_AUTOMATION}\`. Roles for people must also require MFA.`,
    },
} as const satisfies Readonly<Record<string, ConfigProperty>>;

/** One AWS principal of a trust statement, with the account it belongs to when its text tells. */
export interface TrustedPrincipal {
    readonly value: string;
    /** 12-digit account id, or undefined when it cannot be read (unique ids, anyone). */
    readonly account: string | undefined;
}

/** An Allow statement that lets principals of another account assume the role. */
export interface ExternalStatement {
    readonly statement: Statement;
    /** The statement's AWS principals outside the organisation. */
    readonly external: readonly TrustedPrincipal[];
}

const ARN_ACCOUNT = /^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):/i;

/** The account of an AWS principal: a bare account id or the account field of an IAM / STS ARN. */
export function accountOf(principal: string): string | undefined {
    const p = principal.trim();
    if (/^[0-9]{12}$/.test(p)) return p;
    return ARN_ACCOUNT.exec(p)?.[1];
}

function fixedValues(s: Statement, key: string): readonly string[] | undefined {
    const fixed = conditionsOn(s, key).filter((c) => isFixedCondition(c) && (c.base === "stringequals" || c.base === "arnequals"));
    return fixed.length ? fixed.flatMap((c) => c.values) : undefined;
}

/** The AWS principals a statement lets in (anyone narrowed by a fixed principal-account or principal-ARN condition). */
function awsPrincipals(s: Statement): TrustedPrincipal[] {
    const out: TrustedPrincipal[] = (s.principal?.aws ?? []).map((value) => ({ value, account: accountOf(value) }));
    if (s.notPrincipal !== undefined || s.principal?.anyone === true) {
        const accounts = fixedValues(s, "aws:PrincipalAccount");
        const arns = fixedValues(s, "aws:PrincipalArn");
        if (accounts) out.push(...accounts.map((value) => ({ value, account: accountOf(value) })));
        else if (arns) out.push(...arns.map((value) => ({ value, account: accountOf(value) })));
        else out.push({ value: "*", account: undefined });
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The organisation's accounts

/** Which accounts are the organisation's, as far as the pack can tell. */
export interface Organization {
    /** `organizationAccountIds` is configured: it lists the whole organisation. */
    readonly configured: boolean;
    /** The configured accounts, else the accounts the stack is known to deploy into (possibly none). */
    readonly accounts: ReadonlySet<string>;
}

/** The organisation from the `organizationAccountIds` setting and, when that is empty, the stack's known accounts. */
export function organizationOf(organizationAccountIds: readonly string[], knownAccounts: Iterable<string> = []): Organization {
    if (organizationAccountIds.length) return { configured: true, accounts: new Set(organizationAccountIds) };
    return { configured: false, accounts: new Set(knownAccounts) };
}

/** Whether `account` is outside the organisation: true, false, or undefined when it cannot be judged. */
function isForeign(account: string | undefined, org: Organization): boolean | undefined {
    if (account === undefined) return true; // anyone, or a principal that cannot be tied to an account
    if (org.accounts.has(account)) return false;
    return org.configured || org.accounts.size > 0 ? true : undefined;
}

const ACCOUNT_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([0-9]{12}):/i;

/** `allowedAccountIds` of a provider: a list, or the JSON text a stack config gives it. */
function allowedAccounts(provider: unknown): string[] {
    const v = Value.root<Readonly<Record<string, unknown>>>(provider).get("allowedAccountIds");
    let list: unknown = v.value;
    const text = v.text();
    if (text !== undefined) {
        try {
            list = JSON.parse(text) as unknown;
        } catch {
            list = text.split(",");
        }
    }
    const items = Array.isArray(list) ? list : [list];
    return items.flatMap((a) => (typeof a === "string" && /^[0-9]{12}$/.test(a.trim()) ? [a.trim()] : []));
}

/** Properties whose ARNs name principals rather than resources the stack uses (never counted as its own). */
const PRINCIPAL_KEYS: ReadonlySet<string> = new Set(["assumerolepolicy", "principal", "notprincipal", "principals", "sourceaccount", "sourcearn"]);

/** The accounts of whole-string ARNs anywhere in a known value (not inside policy documents' principals). */
function arnAccounts(v: Value, out: Set<string>, depth = 0): void {
    if (depth > 8 || !v.isSet) return;
    const text = v.text();
    if (text !== undefined) {
        const m = ACCOUNT_ARN.exec(text.trim());
        if (m?.[1]) out.add(m[1]);
        return;
    }
    if (Array.isArray(v.value)) for (const item of v.items()) arnAccounts(item, out, depth + 1);
    else for (const [key, field] of v.entries()) if (!PRINCIPAL_KEYS.has(key.toLowerCase())) arnAccounts(field, out, depth + 1);
}

const PROVIDER = "pulumi:providers:aws";

/** The organisation for a role judged on its own: the setting, else its provider's accounts and the ARNs the role uses. */
export function roleOrganization(role: ResourceOfType<"aws:iam/role:Role">, organizationAccountIds: readonly string[]): Organization {
    if (organizationAccountIds.length) return organizationOf(organizationAccountIds);
    const known = new Set(allowedAccounts(role.provider?.props));
    arnAccounts(role.props, known);
    return organizationOf([], known);
}

/** Organisations derived from a stack's resources, per list (the MSP policies of one AnalyzeStack share one). */
const derived = new WeakMap<object, Organization>();

/**
 * The organisation for a stack: the setting, else the accounts its AWS providers allow and its resources' ARNs name —
 * of the whole stack, also when the policy was handed only the resources of its types (core/sdk-contract.ts).
 */
export function stackOrganization(stack: StackView, organizationAccountIds: readonly string[]): Organization {
    if (organizationAccountIds.length) return organizationOf(organizationAccountIds);
    const resources: readonly WholeStackResource[] = wholeStackResources() ?? stack.resources;
    const cached = derived.get(resources);
    if (cached) return cached;
    const known = new Set<string>();
    const seen = new Set<string>();
    for (const r of resources) {
        if (r.provider && !seen.has(r.provider.urn)) {
            seen.add(r.provider.urn);
            for (const a of allowedAccounts(r.provider.props)) known.add(a);
        }
        if (r.type === PROVIDER) for (const a of allowedAccounts(r.props)) known.add(a);
        else if (r.type.startsWith("aws:")) arnAccounts(Value.root(r.props), known);
    }
    const org = organizationOf([], known);
    derived.set(resources, org);
    return org;
}

/** The statements of a trust policy that let principals outside the organisation assume the role. */
export function externalStatements(statements: readonly Statement[], org: Organization): ExternalStatement[] {
    const out: ExternalStatement[] = [];
    for (const statement of statements) {
        if (statement.effect !== "Allow" || !allows(statement, ASSUME_ROLE)) continue;
        const external = awsPrincipals(statement).filter((p) => isForeign(p.account, org) === true);
        if (external.length) out.push({ statement, external });
    }
    return out;
}

/**
 * The AWS principals of a trust policy's Allow statements that the pack judged without the organisation's accounts
 * (no `organizationAccountIds`): those of an account that is not known to be the stack's, whether counted as external
 * (some own account is known) or not judged at all (none is). What aws-iam-role-configure-organization-accounts
 * reports; empty once the setting is configured.
 */
export function guessedPrincipals(statements: readonly Statement[], org: Organization): TrustedPrincipal[] {
    if (org.configured) return [];
    return statements
        .filter((s) => s.effect === "Allow" && allows(s, ASSUME_ROLE))
        .flatMap(awsPrincipals)
        .filter((p) => isForeign(p.account, org) !== false && p.account !== undefined);
}

/** What a role's trust policy says about MSP access. */
export type MspRole =
    | {
          readonly kind: "msp";
          readonly statements: readonly ExternalStatement[];
          /** The whole trust policy (for an explicit Deny elsewhere in it). */
          readonly document: PolicyDocument;
          /** Values of statements that are unknown during preview and might let other accounts in too. */
          readonly undecided: readonly Value[];
      }
    | { readonly kind: "not-msp" }
    /** The trust policy is not a policy document (the policies that need it fail closed). */
    | { readonly kind: "invalid"; readonly error: string }
    /** Whether another account can assume the role waits for values unknown during preview. */
    | { readonly kind: "unknown"; readonly needs: readonly Value[] };

/** Whether a statement with unknown fields might let principals of another account assume the role. */
function mightBeExternal(u: UndecidedStatement, org: Organization): boolean {
    if (u.effect === "Deny") return false;
    const s = u.known;
    if (!s) return true;
    const principalUnknown = u.unknownFields.has("principal") || u.unknownFields.has("notprincipal");
    const actionUnknown = u.unknownFields.has("action") || u.unknownFields.has("notaction");
    const allowsAssume = actionUnknown || allows({ ...s, effect: "Allow" }, ASSUME_ROLE);
    return allowsAssume && (principalUnknown || externalStatements([{ ...s, effect: "Allow", action: [ASSUME_ROLE], notAction: undefined }], org).length > 0);
}

/**
 * Classifies a role from its trust policy (`assumeRolePolicy`, a JSON string or an object), statement by statement:
 * a known statement that lets another account in makes the role an MSP role, whatever the unknown ones say.
 */
export function mspRole(trustPolicy: Value, org: Organization): MspRole {
    const read = readPolicyDocument(trustPolicy);
    if (read.kind === "unknown") return { kind: "unknown", needs: read.needs };
    if (read.kind === "invalid") return { kind: "invalid", error: read.error };
    const document = read.document;
    const statements = externalStatements(document.statements, org);
    const undecided = document.undecided.filter((u) => mightBeExternal(u, org)).flatMap((u) => u.needs);
    if (statements.length) return { kind: "msp", statements, document, undecided };
    return undecided.length ? { kind: "unknown", needs: undecided } : { kind: "not-msp" };
}

/** What a stack policy says while a role's trust policy is unknown. */
export const UNKNOWN_TRUST = "`assumeRolePolicy` (whether another account can assume the role)";

/** Whether `principal` is approved by `approved` (account ids approve every principal of the account). */
export function isApproved(principal: TrustedPrincipal, approved: readonly string[]): boolean {
    const value = principal.value.trim();
    return approved.some((a) => (/^[0-9]{12}$/.test(a) ? principal.account === a : a === value));
}
