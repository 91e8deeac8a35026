// The one resource-policy analyser (core/public-access.ts `resourcePolicy`) and what a service adds to it: condition
// keys of its own (KMS's kms:CallerAccount) and service principals that act for any account's resources.

import { describe, expect, it } from "vitest";
import { resourcePolicy } from "../../../policies/core/public-access";
import { Value } from "../../../policies/core/read";
import { decodeProps, UNKNOWN } from "../../harness";

const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const ANYONE = { Effect: "Allow", Principal: "*", Action: "x:Y", Resource: "*" };
const S3 = { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "x:Y", Resource: "*" };
const judge = (policy: unknown, options = {}) => resourcePolicy(Value.root<Record<string, unknown>>(decodeProps({ policy })).get("policy"), "policy", options).kind;

describe("resourcePolicy", () => {
    it("reads a document as a JSON string or as an object alike", () => {
        expect(judge(JSON.stringify(doc(ANYONE)))).toBe("fail");
        expect(judge(doc(ANYONE))).toBe("fail");
        expect(judge(" ")).toBe("pass");
    });

    it("counts a service's own restricting key only for that service", () => {
        const s = { ...ANYONE, Condition: { StringEquals: { "kms:CallerAccount": "111122223333" } } };
        expect(judge(doc(s))).toBe("fail");
        expect(judge(doc(s), { restrictingKeys: ["kms:calleraccount"] })).toBe("pass");
        const wildcard = { ...ANYONE, Condition: { StringLike: { "kms:CallerAccount": "*" } } };
        expect(judge(doc(wildcard), { restrictingKeys: ["kms:calleraccount"] })).toBe("fail");
    });

    it("fails a service principal that acts for any account only without a fixed source condition", () => {
        const options = { confusedDeputyServices: ["s3.amazonaws.com"] };
        expect(judge(doc(S3))).toBe("pass");
        expect(judge(doc(S3), options)).toBe("fail");
        expect(judge(doc({ ...S3, Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }), options)).toBe("pass");
        expect(judge(doc({ ...S3, Condition: { StringLike: { "aws:SourceAccount": "*" } } }), options)).toBe("fail");
        expect(judge(doc({ ...S3, Effect: "Deny" }), options)).toBe("pass");
        expect(judge(doc({ ...S3, Principal: { Service: "sns.amazonaws.com" } }), options)).toBe("pass");
    });

    it("cannot decide a service statement whose condition is unknown, and decides one whose resource is", () => {
        const options = { confusedDeputyServices: ["s3.amazonaws.com"] };
        expect(judge(doc({ ...S3, Condition: UNKNOWN }), options)).toBe("unknown");
        expect(judge(doc({ ...S3, Resource: UNKNOWN }), options)).toBe("fail");
    });
});
