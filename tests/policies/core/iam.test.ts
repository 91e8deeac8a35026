// core/iam.ts: the condition questions every policy-document check shares (trust policies, S3 bucket policies).

import { describe, expect, it } from "vitest";
import { hasPolicyVariable, hasRestrictingCondition, mfaFor, parsePolicyDocument, readPolicyDocument, type Statement } from "../../../policies/core/iam";
import { Value } from "../../../policies/core/read";
import { decodeProps, UNKNOWN } from "../../harness";

function statements(doc: unknown): readonly Statement[] {
    const parsed = parsePolicyDocument(doc);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.statements;
}

describe("policy variables", () => {
    it("are told from the escapes for literal characters", () => {
        expect(hasPolicyVariable("${aws:username}")).toBe(true);
        expect(hasPolicyVariable("arn:aws:iam::111122223333:user/${aws:PrincipalTag/team}")).toBe(true);
        expect(hasPolicyVariable("price-${$}")).toBe(false);
        expect(hasPolicyVariable("vpce-1a2b3c4d")).toBe(false);
    });

    it("make a condition on a restricting key restrict nothing (S3's meaning of public)", () => {
        const [fixed, variable] = statements({
            Statement: [
                { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } } },
                { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { StringEquals: { "aws:SourceVpce": "${aws:SourceVpce}" } } },
            ],
        });
        expect(fixed && hasRestrictingCondition(fixed)).toBe(true);
        expect(variable && hasRestrictingCondition(variable)).toBe(false);
    });
});

describe("MFA through an explicit Deny", () => {
    const allow = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" };
    const document = (...extra: readonly object[]) => ({ statements: statements({ Statement: [allow, ...extra] }), undecided: [] });

    it("is required for every Allow when a Deny refuses callers without MFA", () => {
        const doc = document({ Effect: "Deny", Principal: "*", Action: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } });
        const [first] = doc.statements;
        expect(first && mfaFor(first, doc, "sts:AssumeRole")).toEqual({ required: true, maxAge: undefined });
    });

    it("is not required by a Deny with `Bool … false` (long-term keys carry no MFA key)", () => {
        const doc = document({ Effect: "Deny", Principal: "*", Action: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } });
        const [first] = doc.statements;
        expect(first && mfaFor(first, doc, "sts:AssumeRole")).toEqual({ required: false, maxAge: undefined });
    });

    it("is bounded in age by a Deny of older sessions, the smaller bound winning", () => {
        const doc = document({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Condition: { NumericGreaterThanIfExists: { "aws:MultiFactorAuthAge": "900" } } });
        const [first] = doc.statements;
        expect(first && mfaFor(first, doc, "sts:AssumeRole")).toEqual({ required: true, maxAge: 900 });
    });
});

describe("reading a document statement by statement", () => {
    it("keeps the known statements and names what the others wait for", () => {
        const props = decodeProps({
            policy: {
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" },
                    { Effect: "Deny", Principal: { AWS: UNKNOWN }, Action: "sts:AssumeRole" },
                ],
            },
        });
        const read = readPolicyDocument(Value.of(props, "policy"));
        expect(read.kind).toBe("document");
        if (read.kind !== "document") return;
        expect(read.document.statements.map((s) => s.index)).toEqual([0]);
        expect(read.document.undecided.map((u) => [u.index, u.effect, [...u.unknownFields], u.needs.map((n) => n.path)])).toEqual([
            [1, "Deny", ["principal"], ["policy.Statement[1].Principal"]],
        ]);
    });

    it("is unknown while the whole document is", () => {
        expect(readPolicyDocument(Value.of(decodeProps({ policy: UNKNOWN }), "policy")).kind).toBe("unknown");
    });
});
