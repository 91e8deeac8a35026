import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-require-mfa";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:iam/role:Role";

interface TrustStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: unknown;
    readonly NotPrincipal?: unknown;
    readonly Action?: string | readonly string[];
    readonly NotAction?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } } as const;
const EXTERNAL_ID = { StringEquals: { "sts:ExternalId": "vendor-7f3a9c" } } as const;

const fromAccount: TrustStatement = {
    Effect: "Allow",
    Principal: { AWS: "arn:aws:iam::111122223333:root" },
    Action: "sts:AssumeRole",
    Condition: MFA,
};

const doc = (...statements: readonly TrustStatement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const role = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "ops-admin", ...props } });
const trusting = (...statements: readonly TrustStatement[]) => role({ assumeRolePolicy: doc(...statements) });
const THIRD_PARTY_TAGS = { "srguard:role-kind": "third-party-automation" };

describe("aws-iam-role-require-mfa", () => {
    describe("passes", () => {
        it.each<[string, TrustStatement]>([
            ["an account root with Bool aws:MultiFactorAuthPresent true", fromAccount],
            ["a bare account id with MFA", { ...fromAccount, Principal: { AWS: "111122223333" } }],
            ["IAM users with MFA (boolean true)", { ...fromAccount, Principal: { AWS: ["arn:aws:iam::111122223333:user/alice"] }, Condition: { Bool: { "aws:MultiFactorAuthPresent": true } } }],
            ["a role ARN with MFA, keys in other case", { ...fromAccount, Principal: { AWS: "arn:aws:iam::111122223333:role/ci" }, Condition: { bool: { "AWS:multifactorauthpresent": "TRUE" } } }],
            ["an EC2 service principal without MFA", { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
            ["AWS principals granted only sts:TagSession", { ...fromAccount, Action: "sts:TagSession", Condition: {} }],
            ["anyone, denied", { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }],
            // aws:MultiFactorAuthAge is absent unless MFA was used, so a bound on it alone requires MFA.
            ["an account with only a NumericLessThan aws:MultiFactorAuthAge bound", { ...fromAccount, Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } }],
        ])("trusts %s", async (_, statement) => {
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("pass");
        });

        it("accepts an exact ExternalId on a role tagged as third-party automation", async () => {
            const input = role({ tags: THIRD_PARTY_TAGS, assumeRolePolicy: doc({ ...fromAccount, Condition: EXTERNAL_ID }) });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("accepts the declaration tag in another case, and from the provider-merged tagsAll", async () => {
            const statement = { ...fromAccount, Condition: EXTERNAL_ID };
            const upper = role({ tags: { "SRGUARD:Role-Kind": "Third-Party-Automation" }, assumeRolePolicy: doc(statement) });
            const merged = role({ tags: {}, tagsAll: THIRD_PARTY_TAGS, assumeRolePolicy: doc(statement) });
            expect((await runResourcePolicy(policy, upper)).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, merged)).verdict).toBe("pass");
        });

        it("accepts MFA on a role declared as third-party automation", async () => {
            expect((await runResourcePolicy(policy, role({ tags: THIRD_PARTY_TAGS, assumeRolePolicy: doc(fromAccount) }))).verdict).toBe("pass");
        });

        it("reads a trust policy given as an object with a single Statement", async () => {
            const input = role({ assumeRolePolicy: { Version: "2012-10-17", Statement: fromAccount } });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("accepts anyone narrowed to the organisation, with MFA", async () => {
            const statement = { ...fromAccount, Principal: { AWS: "*" }, Condition: { ...MFA, StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } };
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:iam/user:User", props: { assumeRolePolicy: "not json" } })).verdict).toBe("pass");
        });
    });

    // Issue 11 §5: an explicit Deny wins over every Allow, so a Deny that refuses callers without MFA makes MFA required
    // for each Allow of the trust policy, as IAM evaluates it. (Each Allow used to need its own MFA condition: a
    // correct role was blocked.)
    describe("an explicit Deny of callers without MFA", () => {
        const noCondition = { ...fromAccount, Condition: undefined };
        const deny = (condition: TrustStatement["Condition"], extra: Partial<TrustStatement> = {}): TrustStatement => ({
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "sts:AssumeRole",
            Condition: condition,
            ...extra,
        });
        it.each<[string, TrustStatement]>([
            ["BoolIfExists aws:MultiFactorAuthPresent false", deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } })],
            ["BoolIfExists aws:MultiFactorAuthPresent false (a boolean, Principal *)", deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": false } }, { Principal: "*" })],
            ["Null aws:MultiFactorAuthAge true", deny({ Null: { "aws:MultiFactorAuthAge": "true" } })],
            ["Null aws:MultiFactorAuthAge true, denying sts:*", deny({ Null: { "aws:MultiFactorAuthAge": "true" } }, { Action: "sts:*" })],
            ["both, naming the trusted account", deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" }, Null: { "aws:MultiFactorAuthAge": "true" } }, { Principal: { AWS: "arn:aws:iam::111122223333:root" } })],
        ])("passes an Allow without its own MFA condition when a Deny refuses callers without MFA by %s", async (_, d) => {
            expect((await runResourcePolicy(policy, trusting(noCondition, d))).verdict).toBe("pass");
        });

        it.each<[string, TrustStatement]>([
            // `Bool … false` is false for long-term access keys, which carry no MFA key: they are not denied.
            ["Bool aws:MultiFactorAuthPresent false without IfExists", deny({ Bool: { "aws:MultiFactorAuthPresent": "false" } })],
            ["a Deny that also needs another condition", deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" }, StringEquals: { "aws:PrincipalTag/team": "ops" } })],
            ["a Deny of another action", deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, { Action: "sts:TagSession" })],
            ["a Deny of another principal", deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, { Principal: { AWS: "arn:aws:iam::999988887777:root" } })],
            ["a Deny without a condition on MFA", deny({ StringNotEquals: { "aws:PrincipalAccount": "111122223333" } })],
            ["an Allow (not a Deny) of callers without MFA", { ...deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }), Effect: "Allow" }],
        ])("still fails an Allow without MFA next to %s", async (_, d) => {
            expect((await runResourcePolicy(policy, trusting(noCondition, d))).verdict).toBe("fail");
        });

        it("takes the MFA age bound from a Deny of older sessions", async () => {
            const age = deny({ NumericGreaterThanIfExists: { "aws:MultiFactorAuthAge": "1800" } });
            expect((await runResourcePolicy(policy, trusting(noCondition, age), { maxMfaAgeSeconds: 3600 })).verdict).toBe("pass");
            const tooOld = deny({ NumericGreaterThanIfExists: { "aws:MultiFactorAuthAge": "43200" } });
            expect((await runResourcePolicy(policy, trusting(noCondition, tooOld), { maxMfaAgeSeconds: 3600 })).verdict).toBe("fail");
        });

        it("cannot decide an Allow without MFA while a Deny's condition is unknown", async () => {
            const pending = deny(undefined);
            const doc = { Version: "2012-10-17", Statement: [noCondition, { ...pending, Condition: UNKNOWN }] };
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: doc }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("Condition");
        });
    });

    // Issue 11 §5: a policy variable in a condition value is filled in from the request, so it restricts nothing.
    it("fails a trust open to anyone whose principal condition is a policy variable", async () => {
        const open = { ...fromAccount, Principal: "*", Condition: { ...MFA, StringEquals: { "aws:PrincipalArn": "${aws:PrincipalArn}" } } };
        const r = await runResourcePolicy(policy, trusting(open));
        expect(r.verdict).toBe("fail");
        expect(r.messages.join()).toContain("lets anyone assume the role");
    });

    it("does not count an ExternalId that is a policy variable", async () => {
        const vendor = { ...fromAccount, Condition: { StringEquals: { "sts:ExternalId": "${aws:PrincipalTag/external-id}" } } };
        const r = await runResourcePolicy(policy, role({ tags: THIRD_PARTY_TAGS, assumeRolePolicy: doc(vendor) }));
        expect(r.verdict).toBe("fail");
    });

    describe("fails", () => {
        it("when an account can assume the role without MFA", async () => {
            const r = await runResourcePolicy(policy, trusting({ ...fromAccount, Condition: {} }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #1 lets IAM principals assume the role without MFA");
        });

        it("when MFA is only BoolIfExists (true for long-term keys without MFA)", async () => {
            const r = await runResourcePolicy(policy, trusting({ ...fromAccount, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`BoolIfExists` does not count");
        });

        it.each<[string, TrustStatement]>([
            ["sts:*", { ...fromAccount, Action: "sts:*", Condition: {} }],
            ["*", { ...fromAccount, Action: ["*"], Condition: {} }],
            ["NotAction", { ...fromAccount, Action: undefined, NotAction: "sts:AssumeRoleWithSAML", Condition: {} }],
            ["lower-case sts:assumerole", { ...fromAccount, Action: "sts:assumerole", Condition: {} }],
        ])("when sts:AssumeRole is granted through %s without MFA", async (_, statement) => {
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("fail");
        });

        it.each<[string, Record<string, unknown>]>([
            ["IfExists (true when the key is absent)", { NumericLessThanIfExists: { "aws:MultiFactorAuthAge": "3600" } }],
            ["under a set operator", { "ForAllValues:NumericLessThan": { "aws:MultiFactorAuthAge": "3600" } }],
        ])("when the only MFA condition is an aws:MultiFactorAuthAge bound that is %s", async (_, age) => {
            const statement = { ...fromAccount, Condition: age as TrustStatement["Condition"] };
            expect((await runResourcePolicy(policy, trusting(statement))).verdict).toBe("fail");
        });

        it("when one of several statements lacks MFA, naming that statement by position", async () => {
            const r = await runResourcePolicy(policy, trusting(fromAccount, { ...fromAccount, Sid: "s3cr3t-sid", Condition: {} }));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(1);
            expect(r.messages.join()).toContain("statement #2");
            expect(r.messages.join()).not.toContain("s3cr3t-sid");
        });

        it("when an undeclared role relies on an ExternalId, saying how to declare it", async () => {
            const r = await runResourcePolicy(policy, trusting({ ...fromAccount, Condition: EXTERNAL_ID }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("srguard:role-kind");
            expect(r.messages.join()).toContain("thirdPartyRoleNames");
        });

        it.each<[string, Record<string, unknown>]>([
            ["a wildcard ExternalId", { StringLike: { "sts:ExternalId": "*" } }],
            ["StringEqualsIfExists", { StringEqualsIfExists: { "sts:ExternalId": "vendor-7f3a9c" } }],
            ["ForAnyValue:StringEquals", { "ForAnyValue:StringEquals": { "sts:ExternalId": "vendor-7f3a9c" } }],
        ])("when a declared third-party role has %s instead of an exact ExternalId", async (_, condition) => {
            const input = role({ tags: THIRD_PARTY_TAGS, assumeRolePolicy: doc({ ...fromAccount, Condition: condition as TrustStatement["Condition"] }) });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("fail");
        });

        it.each<[string, TrustStatement]>([
            ['Principal "*"', { ...fromAccount, Principal: "*" }],
            ['Principal {AWS: "*"}', { ...fromAccount, Principal: { AWS: ["*"] } }],
            ["NotPrincipal", { ...fromAccount, Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }],
            ["anyone, for web identity", { ...fromAccount, Principal: "*", Action: "sts:AssumeRoleWithWebIdentity" }],
        ])("when %s can assume the role, even with MFA", async (_, statement) => {
            const r = await runResourcePolicy(policy, trusting(statement));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("lets anyone assume the role");
        });

        it("when anyone is narrowed to the organisation but MFA is missing", async () => {
            const statement = { ...fromAccount, Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } };
            const r = await runResourcePolicy(policy, trusting(statement));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("without MFA");
        });

        it("when the trust policy is not JSON", async () => {
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: "{not json" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`assumeRolePolicy` is not valid JSON");
        });

        it("when the trust policy is a secret, without printing it", async () => {
            const principal = "arn:aws:iam::999988887777:user/hidden-admin";
            const input = role({ assumeRolePolicy: secret(doc({ ...fromAccount, Principal: { AWS: principal }, Condition: {} })) });
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("999988887777");
            expect(r.messages.join()).not.toContain("hidden-admin");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the trust policy is unknown", async () => {
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".assumeRolePolicy");
        });

        it("cannot decide an ExternalId trust while the tags that could declare it are unknown", async () => {
            const r = await runResourcePolicy(policy, role({ tags: UNKNOWN, assumeRolePolicy: doc({ ...fromAccount, Condition: EXTERNAL_ID }) }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".tags");
        });

        it("decides an MFA trust without the unknown tags and name", async () => {
            expect((await runResourcePolicy(policy, role({ name: UNKNOWN, tags: UNKNOWN, assumeRolePolicy: doc(fromAccount) }))).verdict).toBe("pass");
        });

        // A proven violation is not hidden by an unrelated unknown: statement #1 lets an account in without MFA whatever
        // the tags say, so the role fails now instead of "can't run during preview" — the preview then names the real
        // problem, and `pulumi up` is not the first to find it.
        it("fails a statement without MFA next to an ExternalId statement that waits for the unknown tags", async () => {
            const withoutMfa = { ...fromAccount, Condition: {} };
            const vendor = { ...fromAccount, Principal: { AWS: "arn:aws:iam::444455556666:root" }, Condition: EXTERNAL_ID };
            const r = await runResourcePolicy(policy, role({ tags: UNKNOWN, assumeRolePolicy: doc(withoutMfa, vendor) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #1 lets IAM principals assume the role without MFA");
            expect(r.messages.join()).not.toContain("statement #2");
        });

        // Issue 11 §5: statement by statement. Statement #2's principal is another resource's ARN (unknown during
        // preview); statement #1 is fully known and lets an account in without MFA: a violation, not "can't run".
        it("fails a known statement without MFA next to a statement whose principal is unknown", async () => {
            const computed = { ...fromAccount, Principal: { AWS: UNKNOWN } };
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [{ ...fromAccount, Condition: {} }, computed] } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(1);
            expect(r.messages.join()).toContain("statement #1");
        });

        it("cannot decide a compliant statement next to one whose principal is unknown", async () => {
            const computed = { ...fromAccount, Principal: { AWS: UNKNOWN }, Condition: {} };
            const r = await runResourcePolicy(policy, role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [fromAccount, computed] } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("Principal");
        });

        it("still fails a trust without MFA or ExternalId whose tags are unknown", async () => {
            expect((await runResourcePolicy(policy, role({ tags: UNKNOWN, assumeRolePolicy: doc({ ...fromAccount, Condition: {} }) }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("requires a bounded MFA age when maxMfaAgeSeconds is set", async () => {
            const r = await runResourcePolicy(policy, trusting(fromAccount), { maxMfaAgeSeconds: 3600 });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("at most 3600 seconds");
        });

        it("accepts an MFA age bound within maxMfaAgeSeconds", async () => {
            const statement = { ...fromAccount, Condition: { ...MFA, NumericLessThanEquals: { "aws:MultiFactorAuthAge": "1800" } } };
            expect((await runResourcePolicy(policy, trusting(statement), { maxMfaAgeSeconds: 3600 })).verdict).toBe("pass");
        });

        it.each<[string, Record<string, unknown>]>([
            ["too long", { NumericLessThan: { "aws:MultiFactorAuthAge": 43200 } }],
            ["IfExists", { NumericLessThanEqualsIfExists: { "aws:MultiFactorAuthAge": "1800" } }],
        ])("rejects an MFA age bound that is %s", async (_, age) => {
            const statement = { ...fromAccount, Condition: { ...MFA, ...age } as TrustStatement["Condition"] };
            expect((await runResourcePolicy(policy, trusting(statement), { maxMfaAgeSeconds: 3600 })).verdict).toBe("fail");
        });

        it("declares third-party roles by name", async () => {
            const input = role({ name: "vendor-audit", assumeRolePolicy: doc({ ...fromAccount, Condition: EXTERNAL_ID }) });
            expect((await runResourcePolicy(policy, input)).verdict).toBe("fail");
            expect((await runResourcePolicy(policy, input, { thirdPartyRoleNames: ["vendor-audit"] })).verdict).toBe("pass");
        });

        it("rejects a malformed role name, naming the key", async () => {
            await expect(runResourcePolicy(policy, trusting(fromAccount), { thirdPartyRoleNames: ["bad name!"] })).rejects.toThrow(
                "config key 'thirdPartyRoleNames[0]' has a malformed value",
            );
        });

        it("rejects a negative MFA age, naming the key", async () => {
            await expect(runResourcePolicy(policy, trusting(fromAccount), { maxMfaAgeSeconds: -1 })).rejects.toThrow("config key 'maxMfaAgeSeconds'");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, trusting(fromAccount), { requireMfa: true })).rejects.toThrow("config key 'requireMfa'");
        });
    });
});
