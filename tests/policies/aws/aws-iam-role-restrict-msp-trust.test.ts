import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-restrict-msp-trust";
import { type ResourceInput, runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:iam/role:Role";
const OWN = "111111111111";
const MSP = "222222222222";
const OPERATOR = `arn:aws:iam::${MSP}:role/msp-operator`;
const EXTERNAL_ID = "srguard-7f3a9c41";

interface TrustStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: unknown;
    readonly NotPrincipal?: unknown;
    readonly Action?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const PEOPLE = {
    StringEquals: { "sts:ExternalId": EXTERNAL_ID },
    Bool: { "aws:MultiFactorAuthPresent": "true" },
    NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" },
} as const;

const fromOperator: TrustStatement = { Effect: "Allow", Principal: { AWS: OPERATOR }, Action: "sts:AssumeRole", Condition: PEOPLE };

const doc = (...statements: readonly TrustStatement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const role = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "msp-operations", ...props } });
const trusting = (...statements: readonly TrustStatement[]) => role({ assumeRolePolicy: doc(...statements) });
const CONFIG = { organizationAccountIds: [OWN], approvedMspPrincipals: [OPERATOR] };
const AUTOMATION_TAGS = { "srguard:role-kind": "third-party-automation" };

async function run(input: ResourceInput, config: Record<string, unknown> = CONFIG) {
    return runResourcePolicy(policy, input, config);
}

describe("aws-iam-role-restrict-msp-trust", () => {
    describe("passes", () => {
        // Issue 11 §5: explicit deny wins — a Deny of callers without MFA requires MFA of the MSP's people.
        it("when a Deny refuses callers without MFA and the Allow has only the ExternalId", async () => {
            const allow = { ...fromOperator, Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } };
            const denyWithoutMfa: TrustStatement = { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } };
            expect((await run(trusting(allow, denyWithoutMfa))).verdict).toBe("pass");
            expect((await run(trusting(allow))).verdict).toBe("fail");
        });

        it("when an approved MSP role must present the exact ExternalId and MFA", async () => {
            expect((await run(trusting(fromOperator))).verdict).toBe("pass");
        });

        it("when the MSP's whole account is approved and a role of it is trusted", async () => {
            expect((await run(trusting(fromOperator), { ...CONFIG, approvedMspPrincipals: [MSP] })).verdict).toBe("pass");
        });

        it("when an automation role (tagged) requires only the exact ExternalId", async () => {
            const input = role({ tags: AUTOMATION_TAGS, assumeRolePolicy: doc({ ...fromOperator, Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } }) });
            expect((await run(input)).verdict).toBe("pass");
        });

        it("when an automation role is declared by name in thirdPartyRoleNames", async () => {
            const input = role({ assumeRolePolicy: doc({ ...fromOperator, Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } }) });
            expect((await run(input, { ...CONFIG, thirdPartyRoleNames: ["msp-operations"] })).verdict).toBe("pass");
        });

        it.each<[string, TrustStatement]>([
            ["the organisation's own account", { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "sts:AssumeRole" }],
            ["a bare own account id", { Effect: "Allow", Principal: { AWS: OWN }, Action: "sts:AssumeRole" }],
            ["a service", { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
            ["anyone, denied", { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }],
            ["another account, only for sts:TagSession", { Effect: "Allow", Principal: { AWS: "999999999999" }, Action: "sts:TagSession" }],
        ])("when the role trusts %s (not an MSP role)", async (_, statement) => {
            expect((await run(trusting(statement))).verdict).toBe("pass");
        });

        it("when anyone is narrowed to an approved account by a fixed aws:PrincipalAccount", async () => {
            const statement = { ...fromOperator, Principal: "*", Condition: { ...PEOPLE, StringEquals: { "sts:ExternalId": EXTERNAL_ID, "aws:PrincipalAccount": MSP } } };
            expect((await run(trusting(statement), { ...CONFIG, approvedMspPrincipals: [MSP] })).verdict).toBe("pass");
        });

        it("reads condition operators and keys in any case, and a document given as an object", async () => {
            const statement = {
                ...fromOperator,
                Condition: { stringequals: { "STS:ExternalId": EXTERNAL_ID }, BOOL: { "aws:multifactorauthpresent": true } },
            };
            expect((await run(role({ assumeRolePolicy: { Version: "2012-10-17", Statement: statement } }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:iam/user:User", props: { assumeRolePolicy: "not json" } }, CONFIG)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the role trusts an account that is neither the organisation's nor an approved MSP", async () => {
            const r = await run(trusting({ ...fromOperator, Principal: { AWS: "arn:aws:iam::999999999999:role/remote-agent" } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("neither in `organizationAccountIds` nor in `approvedMspPrincipals`");
            expect(r.messages.join()).not.toContain("999999999999");
        });

        it("when the role trusts the MSP's whole account but only one of its roles is approved", async () => {
            const r = await run(trusting({ ...fromOperator, Principal: { AWS: `arn:aws:iam::${MSP}:root` } }));
            expect(r.verdict).toBe("fail");
        });

        it("when one of several principals of a statement is not approved", async () => {
            const r = await run(trusting({ ...fromOperator, Principal: { AWS: [OPERATOR, "999999999999"] } }));
            expect(r.messages).toHaveLength(1);
        });

        it.each<[string, unknown]>([
            ["anyone (*)", "*"],
            ["anyone ({AWS: *}) behind an aws:PrincipalOrgID", { AWS: "*" }],
            ["a unique id left behind by a deleted role", { AWS: "AROAEXAMPLEUNIQUEID1" }],
        ])("when it trusts %s", async (_, principal) => {
            const condition = { ...PEOPLE, StringEquals: { "sts:ExternalId": EXTERNAL_ID, "aws:PrincipalOrgID": "o-a1b2c3d4e5" } };
            const r = await run(trusting({ ...fromOperator, Principal: principal, Condition: condition }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`approvedMspPrincipals`");
        });

        // Issue 11 §1: without organizationAccountIds the pack must not call a principal another account's on a guess
        // (a same-account trust used to make five MSP findings). The accounts the stack is known to deploy into stand
        // in: the provider's allowedAccountIds and the accounts of ARNs its resources use; with none known, a
        // principal's account is not judged (aws-iam-role-configure-organization-accounts says so, once).
        it("with the default config, an account other than the one the provider allows is external and unapproved", async () => {
            expect((await run({ ...trusting(fromOperator), provider: { props: { allowedAccountIds: JSON.stringify([OWN]) } } }, {})).verdict).toBe("fail");
            // No account of the stack known: the operator's account is not judged (no block on a guess).
            expect((await run(trusting(fromOperator), {})).verdict).toBe("pass");
        });

        it.each<[string, Record<string, Record<string, unknown>>]>([
            ["no ExternalId", { Bool: { "aws:MultiFactorAuthPresent": "true" } }],
            ["StringLike with a wildcard", { StringLike: { "sts:ExternalId": "srguard-*" }, Bool: { "aws:MultiFactorAuthPresent": "true" } }],
            ["StringEqualsIfExists", { StringEqualsIfExists: { "sts:ExternalId": EXTERNAL_ID }, Bool: { "aws:MultiFactorAuthPresent": "true" } }],
            ["ForAnyValue:StringEquals", { "ForAnyValue:StringEquals": { "sts:ExternalId": EXTERNAL_ID }, Bool: { "aws:MultiFactorAuthPresent": "true" } }],
        ])("when the ExternalId condition is %s", async (_, condition) => {
            const r = await run(trusting({ ...fromOperator, Condition: condition }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("without an exact `sts:ExternalId`");
        });

        it("when a role for people accepts BoolIfExists MFA (long-term keys pass it)", async () => {
            const r = await run(trusting({ ...fromOperator, Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID }, BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("without MFA");
            expect(r.messages.join()).toContain("`BoolIfExists` does not count");
        });

        it("when an untagged role relies on the ExternalId alone", async () => {
            const r = await run(trusting({ ...fromOperator, Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } }));
            expect(r.messages.join()).toContain("srguard:role-kind");
        });

        it("when sts:AssumeRole is granted through sts:* without conditions, naming each missing piece once", async () => {
            const r = await run(trusting({ ...fromOperator, Action: "sts:*", Condition: {} }));
            expect(r.messages).toHaveLength(2);
        });

        it("names the statement by position, never by its Sid", async () => {
            const r = await run(trusting({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }, { ...fromOperator, Sid: "s3cr3t-sid", Condition: {} }));
            expect(r.messages.join()).toContain("statement #2");
            expect(r.messages.join()).not.toContain("s3cr3t-sid");
        });

        it("when the trust policy is not JSON (fails closed)", async () => {
            const r = await run(role({ assumeRolePolicy: "{not json" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not valid JSON");
        });

        it("does not print a secret ExternalId", async () => {
            const r = await run(role({ assumeRolePolicy: secret(doc({ ...fromOperator, Principal: { AWS: "999999999999" }, Condition: { StringLike: { "sts:ExternalId": "hunter2-*" } } })) }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("hunter2");
        });
    });

    describe("unknown during preview", () => {
        // Issue 11 §5: statement by statement — a known statement that trusts an unapproved account fails, whatever a
        // statement with a computed principal turns out to be.
        it("fails a known unapproved statement next to a statement whose principal is unknown", async () => {
            const unapproved = { ...fromOperator, Principal: { AWS: "arn:aws:iam::999988887777:root" } };
            const computed = { ...fromOperator, Principal: { AWS: UNKNOWN } };
            const r = await run(role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [unapproved, computed] } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #1");
        });

        it("cannot decide an approved statement next to one whose principal is unknown", async () => {
            const computed = { ...fromOperator, Principal: { AWS: UNKNOWN } };
            expect((await run(role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [fromOperator, computed] } }))).verdict).toBe("unknown");
        });

        it("decides a role whose only unknown statement trusts a service", async () => {
            const service = { Effect: "Allow" as const, Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": UNKNOWN } } };
            expect((await run(role({ assumeRolePolicy: { Version: "2012-10-17", Statement: [fromOperator, service] } }))).verdict).toBe("pass");
        });

        it("when the trust policy is unknown", async () => {
            expect((await run(role({ assumeRolePolicy: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("when the automation tag is unknown and the verdict depends on it", async () => {
            const input = role({ tags: UNKNOWN, assumeRolePolicy: doc({ ...fromOperator, Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } } }) });
            expect((await run(input)).verdict).toBe("unknown");
        });

        it("decides without the tags when MFA is required anyway", async () => {
            expect((await run(role({ tags: UNKNOWN, assumeRolePolicy: doc(fromOperator) }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("rejects a malformed organisation account id, naming the key", async () => {
            await expect(run(trusting(fromOperator), { organizationAccountIds: ["1111"] })).rejects.toThrow(/organizationAccountIds/);
        });

        it("rejects an approved principal that is neither an account id nor a role ARN", async () => {
            await expect(run(trusting(fromOperator), { approvedMspPrincipals: [`arn:aws:iam::${MSP}:user/alice`] })).rejects.toThrow(/approvedMspPrincipals/);
        });

        it("accepts role ARNs with a path", async () => {
            const withPath = `arn:aws:iam::${MSP}:role/ops/msp-operator`;
            const r = await run(trusting({ ...fromOperator, Principal: { AWS: withPath } }), { ...CONFIG, approvedMspPrincipals: [withPath] });
            expect(r.verdict).toBe("pass");
        });

        it("counts the accounts in organizationAccountIds as the organisation's (no MSP checks for them)", async () => {
            const ownRoleWithoutConditions = trusting({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:role/ci` }, Action: "sts:AssumeRole" });
            expect((await run(ownRoleWithoutConditions, CONFIG)).verdict).toBe("pass");
            // Not configured: the account the provider allows is the stack's own; another one is external.
            const pinned = (account: string) => ({ ...ownRoleWithoutConditions, provider: { props: { allowedAccountIds: JSON.stringify([account]) } } });
            expect((await run(pinned(OWN), { ...CONFIG, organizationAccountIds: [] })).verdict).toBe("pass");
            expect((await run(pinned("999988887777"), { ...CONFIG, organizationAccountIds: [] })).verdict).toBe("fail");
        });
    });
});
