import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-restrict-federated-trust";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:iam/role:Role";
const GITHUB = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
const EKS = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9F1A2B3D4E";
const GITLAB = "arn:aws:iam::111122223333:oidc-provider/gitlab.com";
const SAML = "arn:aws:iam::111122223333:saml-provider/Okta";

type Conditions = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

interface FederatedStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal: { readonly Federated: string | readonly string[] } | { readonly Service: string };
    readonly Action: string | readonly string[];
    readonly Condition?: Conditions;
}

const github: FederatedStatement = {
    Effect: "Allow",
    Principal: { Federated: GITHUB },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/deploy:ref:refs/heads/main" },
    },
};
const saml: FederatedStatement = {
    Effect: "Allow",
    Principal: { Federated: SAML },
    Action: "sts:AssumeRoleWithSAML",
    Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
};
const AUD_ONLY: Conditions = { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } };

const role = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "deploy", ...props } });
const trusting = (...statements: readonly FederatedStatement[]) =>
    role({ assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
const githubSub = (operator: string, sub: unknown): FederatedStatement => ({
    ...github,
    Condition: { ...AUD_ONLY, [operator]: { "token.actions.githubusercontent.com:sub": sub } },
});

describe("aws-iam-role-restrict-federated-trust", () => {
    describe("passes", () => {
        it.each<[string, FederatedStatement]>([
            ["GitHub with an exact subject", githubSub("StringEquals", "repo:acme/deploy:environment:prod")],
            ["GitHub with a pattern that pins the repository", githubSub("StringLike", "repo:acme/deploy:*")],
            ["GitHub with several pinned patterns", githubSub("StringLike", ["repo:acme/deploy:ref:refs/heads/*", "repo:acme/infra:environment:prod"])],
            ["GitHub with a subject pinned to a repository id", githubSub("StringLike", "repository_owner_id:42:repository_id:123456:*")],
            ["GitHub, condition keys in other case", githubSub("stringlike", "repo:acme/deploy:*")],
            [
                "EKS with the namespace pinned",
                { ...github, Principal: { Federated: EKS }, Condition: { StringLike: { "oidc.eks.eu-west-1.amazonaws.com/id/5C9F1A2B3D4E:sub": "system:serviceaccount:payments:*" } } },
            ],
            [
                "GitLab with the project pinned",
                { ...github, Principal: { Federated: GITLAB }, Condition: { StringLike: { "gitlab.com:sub": "project_path:acme/infra:ref_type:branch:ref:*" } } },
            ],
            ["Google with an exact subject", { ...github, Principal: { Federated: "accounts.google.com" }, Condition: { StringEquals: { "accounts.google.com:sub": "110169484474386276334" } } }],
            ["Facebook with the user id pinned", { ...github, Principal: { Federated: "graph.facebook.com" }, Condition: { StringEquals: { "graph.facebook.com:id": "1234567890" } } }],
            [
                "a Cognito identity pool",
                { ...github, Principal: { Federated: "cognito-identity.amazonaws.com" }, Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:0f2a6c1e-1111-2222-3333-444455556666" } } },
            ],
            ["a SAML provider with the SAML audience pinned", saml],
            ["a SAML provider, console and programmatic actions", { ...saml, Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"] }],
            ["a service principal", { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
            ["an unpinned provider, denied", { ...github, Effect: "Deny", Condition: AUD_ONLY }],
        ])("for %s", async (_, statement) => {
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("pass");
        });

        // Issue 11 §5: every token an OIDC provider issues carries `sub` and `aud` (OpenID Connect core: both are
        // required claims), so `…IfExists` can never be satisfied by a missing claim and pins as firmly as the plain
        // operator. (It used to be refused: a correct role was blocked.)
        it.each<[string, FederatedStatement]>([
            ["a GitHub subject compared with StringLikeIfExists", githubSub("StringLikeIfExists", "repo:acme/deploy:*")],
            ["a GitHub subject compared with StringEqualsIfExists", githubSub("StringEqualsIfExists", "repo:acme/deploy:environment:prod")],
            [
                "a Cognito identity pool compared with StringEqualsIfExists",
                {
                    ...github,
                    Principal: { Federated: "cognito-identity.amazonaws.com" },
                    Condition: { StringEqualsIfExists: { "cognito-identity.amazonaws.com:aud": "eu-west-1:0f2a6c1e-1111-2222-3333-444455556666" } },
                },
            ],
        ])("for %s (every token carries the claim)", async (_, statement) => {
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("pass");
        });

        it("reads a trust policy given as an object", async () => {
            const input = role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [github] } });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:iam/policy:Policy", props: { assumeRolePolicy: "not json" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a GitHub trust pins only the audience", async () => {
            const r = await runResourcePolicy(policy, trusting({ ...github, Condition: AUD_ONLY }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #1 trusts an OIDC provider without pinning the token subject");
        });

        it.each<[string, FederatedStatement]>([
            ["a wildcard-only subject", githubSub("StringLike", "*")],
            ["a subject that pins only the owner", githubSub("StringLike", "repo:acme/*")],
            ["a subject whose repository name ends in a wildcard", githubSub("StringLike", "repo:acme/deploy*")],
            ["one unpinned pattern among pinned ones", githubSub("StringLike", ["repo:acme/deploy:*", "repo:*"])],
            ["a subject under ForAllValues (true when absent)", githubSub("ForAllValues:StringLike", "repo:acme/deploy:*")],
            // A policy variable is filled in from the request: not a fixed value, it pins nothing (issue 11 §5).
            ["a subject that is a policy variable", githubSub("StringEquals", "${aws:PrincipalTag/subject}")],
            ["a subject pattern whose repository is a policy variable", githubSub("StringLike", "repo:acme/${aws:PrincipalTag/repo}:*")],
            ["an IfExists subject that is a wildcard", githubSub("StringLikeIfExists", "*")],
            ["a negated subject", githubSub("StringNotEquals", "repo:evil/repo:*")],
            ["a trust with no condition at all", { ...github, Condition: undefined }],
            ["AssumeRoleWithWebIdentity granted through sts:*", { ...github, Action: "sts:*", Condition: AUD_ONLY }],
            [
                "an EKS subject with any namespace",
                { ...github, Principal: { Federated: EKS }, Condition: { StringLike: { "oidc.eks.eu-west-1.amazonaws.com/id/5C9F1A2B3D4E:sub": "system:serviceaccount:*" } } },
            ],
            ["a wildcard Federated principal", { ...github, Principal: { Federated: "*" } }],
            [
                "a Cognito trust without the identity pool",
                { ...github, Principal: { Federated: "cognito-identity.amazonaws.com" }, Condition: { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } },
            ],
        ])("for %s", async (_, statement) => {
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("fail");
        });

        it.each<[string, Conditions | undefined]>([
            ["without a SAML:aud condition", undefined],
            ["with a wildcard SAML:aud", { StringLike: { "SAML:aud": "*" } }],
        ])("when a SAML trust is %s", async (_, condition) => {
            const r = await runResourcePolicy(policy, trusting({ ...saml, Condition: condition }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`SAML:aud`");
        });

        it("reports each failing statement once, by position, without its Sid", async () => {
            const bad = { ...github, Sid: "hidden-sid", Principal: { Federated: [GITHUB, SAML] }, Condition: AUD_ONLY };
            const r = await runResourcePolicy(policy, trusting(saml, bad));
            expect(r.messages).toHaveLength(1);
            expect(r.messages.join()).toContain("statement #2");
            expect(r.messages.join()).not.toContain("hidden-sid");
        });

        it("when the trust policy is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: secret(JSON.stringify({ Statement: [{ ...github, Condition: AUD_ONLY }] })) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("111122223333");
            expect(r.messages.join()).not.toContain("sts.amazonaws.com");
        });

        it("when the trust policy is not JSON", async () => {
            expect((await runResourcePolicy(policy, role({ assumeRolePolicy: "[" }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the trust policy is unknown", async () => {
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".assumeRolePolicy");
        });

        // Issue 11 §5: statement by statement. Statement #2's provider ARN is computed (unknown during preview), but
        // statement #1 is fully known and trusts every GitHub repository: that is a violation now, not "can't run".
        it("fails a known unpinned statement next to a statement whose provider ARN is unknown", async () => {
            const computed = { ...github, Principal: { Federated: UNKNOWN } };
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [{ ...github, Condition: AUD_ONLY }, computed] } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #1");
        });

        it("cannot decide a pinned statement next to one whose provider ARN is unknown", async () => {
            const computed = { ...github, Principal: { Federated: UNKNOWN }, Condition: AUD_ONLY };
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [github, computed] } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("Principal");
        });

        it("decides while an unrelated property is unknown", async () => {
            expect((await runResourcePolicy(policy, { ...trusting(github), props: { ...trusting(github).props, name: UNKNOWN } })).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, trusting(github), { allowOrgWideSubjects: true })).rejects.toThrow("config key 'allowOrgWideSubjects'");
        });

        it("accepts an enforcement level alone", async () => {
            expect((await runResourcePolicy(policy, trusting(github), { enforcementLevel: "advisory" })).verdict).toBe("pass");
        });
    });
});
