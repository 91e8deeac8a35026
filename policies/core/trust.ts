// Role trust policies towards federated identity providers (OIDC and SAML): which provider a statement trusts, and
// whether it pins *who* at that provider may assume the role — not only the audience (`:aud`), which for OIDC is
// merely the client id every token of that provider carries.
//
// - OIDC (`arn:aws:iam::<acct>:oidc-provider/<host>`, or a built-in provider host): a fixed condition on the
//   provider's subject key (`<host>:sub`; Facebook `:id`, Login with Amazon `:user_id`). `StringEquals` with literal
//   values, or `StringLike` whose patterns still pin the workload (GitHub: `repo:<owner>/<repo>:…`; GitLab:
//   `project_path:<group>/<project>:…`; EKS: `system:serviceaccount:<namespace>:…`). A wildcard-only subject pins
//   nothing.
// - Cognito identity pools (`cognito-identity.amazonaws.com`): a fixed `cognito-identity.amazonaws.com:aud`, which
//   is the identity pool id (the subject is a per-user identity id created on demand, so it cannot be pinned).
// - SAML (`arn:aws:iam::<acct>:saml-provider/<name>`): the IdP decides which of its users may assume the role (its
//   `https://aws.amazon.com/SAML/Attributes/Role` attribute must name this role together with the provider ARN);
//   the trust policy must pin the provider ARN and the SAML audience (`StringEquals SAML:aud`, the AWS sign-in
//   endpoint) as the IAM User Guide prescribes, so that assertions minted for another service provider are refused.
//
// The `sub` and `aud` claims are in every token an OIDC provider (Cognito included) issues — the OpenID Connect
// core spec makes both required — so `StringEqualsIfExists` / `StringLikeIfExists` on them pins as firmly as the plain
// operator. A value with a policy variable (`${aws:...}`) is not a fixed value and pins nothing.

import { type Condition, conditionsOn, hasPolicyVariable, isFixedCondition, type Statement } from "./iam";

export const ASSUME_ROLE = "sts:AssumeRole";
export const ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
export const ASSUME_ROLE_WITH_SAML = "sts:AssumeRoleWithSAML";
export const ASSUME_ACTIONS: readonly string[] = [ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, ASSUME_ROLE_WITH_SAML];

export type FederatedProvider =
    | { readonly kind: "saml" }
    | { readonly kind: "cognito" }
    /** `host` is the provider URL without scheme, lower case (the prefix of its condition keys). */
    | { readonly kind: "oidc"; readonly host: string }
    /** A wildcard in the `Federated` principal: no provider is pinned. */
    | { readonly kind: "wildcard" };

const SAML_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[^*?]+$/i;
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/([^*?]+)$/i;

/** Classifies one value of a statement's `Federated` principal. */
export function federatedProvider(principal: string): FederatedProvider {
    const p = principal.trim();
    if (p === "" || p.includes("*") || p.includes("?")) return { kind: "wildcard" };
    if (SAML_PROVIDER_ARN.test(p)) return { kind: "saml" };
    const oidc = OIDC_PROVIDER_ARN.exec(p);
    const host = (oidc?.[1] ?? p).replace(/^https:\/\//i, "").toLowerCase();
    if (host === "cognito-identity.amazonaws.com" || host.startsWith("cognito-identity.amazonaws.com.")) return { kind: "cognito" };
    return { kind: "oidc", host };
}

/** The condition keys that carry the caller's identity for an OIDC provider (lower case). */
export function oidcSubjectKeys(host: string): readonly string[] {
    if (host === "graph.facebook.com") return ["graph.facebook.com:id"];
    if (host === "www.amazon.com") return ["www.amazon.com:user_id"];
    return [`${host}:sub`];
}

function hasWildcard(v: string): boolean {
    return v.includes("*") || v.includes("?");
}

/**
 * Whether a `StringLike` pattern for an OIDC subject still pins the workload. A pattern without wildcards is an
 * exact match; otherwise the literal text before the first wildcard must name the workload completely.
 */
export function subjectPatternPins(host: string, pattern: string): boolean {
    if (!hasWildcard(pattern) && !hasPolicyVariable(pattern)) return pattern.trim() !== "";
    // A policy variable stands for a value of the request, like a wildcard.
    const literal = pattern.slice(0, pattern.search(/[*?]|\$\{/));
    if (host === "token.actions.githubusercontent.com" || host.startsWith("token.actions.githubusercontent.com/")) {
        // repo:<owner>/<repo>:<context>, or a customised subject that starts with the repository id.
        return /(?:^|:)repo:[^:/]+\/[^:/]+:/.test(literal) || /(?:^|:)repository_id:\d+:/.test(literal);
    }
    if (host === "gitlab.com" || host.startsWith("gitlab.")) return /(?:^|:)project_path:[^:]+\/[^:]+:/.test(literal);
    if (/^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\//.test(host)) return /^system:serviceaccount:[^:]+:/.test(literal);
    // Other providers: the pattern must at least start with literal text, not with a wildcard.
    return literal.replace(/[:/\s]/g, "") !== "";
}

/** A subject condition that pins the workload (`IfExists` counts: the subject is in every token). */
function isPinningSubjectCondition(host: string, c: Condition): boolean {
    if (c.qualifier !== undefined || c.values.length === 0) return false;
    if (c.base === "stringequals" || c.base === "stringequalsignorecase") return isFixedCondition(c, true);
    if (c.base === "stringlike") return c.values.every((v) => subjectPatternPins(host, v));
    return false;
}

/** `StringEquals` of `key` to fixed values; `keyAlwaysPresent`: the key is in every request (`IfExists` counts). */
function hasFixedStringEquals(s: Statement, key: string, keyAlwaysPresent = false): boolean {
    return conditionsOn(s, key).some((c) => c.base === "stringequals" && isFixedCondition(c, keyAlwaysPresent));
}

/** Whether statement `s` pins who at `provider` may assume the role (see the header of this file). */
export function pinsFederatedCaller(s: Statement, provider: FederatedProvider): boolean {
    switch (provider.kind) {
        case "wildcard":
            return false;
        case "saml":
            return hasFixedStringEquals(s, "SAML:aud");
        case "cognito":
            return hasFixedStringEquals(s, "cognito-identity.amazonaws.com:aud", true);
        case "oidc":
            return oidcSubjectKeys(provider.host).some((key) => conditionsOn(s, key).some((c) => isPinningSubjectCondition(provider.host, c)));
    }
}
