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
// matched to account ids. With an empty `organizationAccountIds` every AWS principal is external: the policies fail
// closed until the organisation's own accounts are listed. Service and federated principals never make a role an MSP
// role (the mfa policies cover them).

import type { ConfigProperty } from "./config";
import { allows, conditionsOn, isFixedCondition, parsePolicyDocument, type Statement } from "./iam";
import type { Value } from "./read";
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
            "an MSP role; with the default (empty) list every AWS principal counts as external.",
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

/** The statements of a trust policy that let principals outside the organisation assume the role. */
export function externalStatements(statements: readonly Statement[], organizationAccountIds: readonly string[]): ExternalStatement[] {
    const own = new Set(organizationAccountIds);
    const out: ExternalStatement[] = [];
    for (const statement of statements) {
        if (statement.effect !== "Allow" || !allows(statement, ASSUME_ROLE)) continue;
        const external = awsPrincipals(statement).filter((p) => p.account === undefined || !own.has(p.account));
        if (external.length) out.push({ statement, external });
    }
    return out;
}

/** What a role's trust policy says about MSP access. */
export type MspRole =
    | { readonly kind: "msp"; readonly statements: readonly ExternalStatement[] }
    | { readonly kind: "not-msp" }
    /** The trust policy is not a policy document (the policies that need it fail closed). */
    | { readonly kind: "invalid"; readonly error: string }
    /** The trust policy is unknown during preview. */
    | { readonly kind: "unknown" };

/**
 * Classifies a role from its trust policy (`assumeRolePolicy`, a JSON string or an object), which is read only when it
 * is known as a whole.
 */
export function mspRole(trustPolicy: Value, organizationAccountIds: readonly string[]): MspRole {
    if (trustPolicy.hasUnknown) return { kind: "unknown" };
    const parsed = parsePolicyDocument(trustPolicy.value);
    if (!parsed.ok) return { kind: "invalid", error: parsed.error };
    const statements = externalStatements(parsed.statements, organizationAccountIds);
    return statements.length ? { kind: "msp", statements } : { kind: "not-msp" };
}

/** What a stack policy says while a role's trust policy is unknown. */
export const UNKNOWN_TRUST = "`assumeRolePolicy` (whether another account can assume the role)";

/** Whether `principal` is approved by `approved` (account ids approve every principal of the account). */
export function isApproved(principal: TrustedPrincipal, approved: readonly string[]): boolean {
    const value = principal.value.trim();
    return approved.some((a) => (/^[0-9]{12}$/.test(a) ? principal.account === a : a === value));
}
