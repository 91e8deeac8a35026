import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-sqs-queue-policy-disallow-public-access";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:sqs/queuePolicy:QueuePolicy";
const ACTION = "sqs:SendMessage";
const ANYONE = { Effect: "Allow", Principal: "*", Action: ACTION, Resource: "*" };
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const json = (d: object) => JSON.stringify(d);
const run = (value: unknown, config: Record<string, unknown> = {}) => runResourcePolicy(policy, { type: TYPE, props: { ...{ queueUrl: "https://sqs.ap-northeast-1.amazonaws.com/111122223333/orders" }, policy: value } }, config);

describe("aws-sqs-queue-policy-disallow-public-access", () => {
    describe("passes", () => {
        it("when the policy names one account's principal", async () => {
            const s = { ...ANYONE, Principal: { AWS: "arn:aws:iam::444455556666:root" } };
            expect((await run(json(doc(s)))).verdict).toBe("pass");
        });

        it("when a wildcard principal is restricted to the organisation (document as an object)", async () => {
            const s = { ...ANYONE, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } };
            expect((await run(doc(s))).verdict).toBe("pass");
        });

        it("when the only wildcard statement is a Deny", async () => {
            expect((await run(json(doc({ ...ANYONE, Effect: "Deny" })))).verdict).toBe("pass");
        });

        it("when no policy is set", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { queueUrl: "https://sqs.ap-northeast-1.amazonaws.com/111122223333/orders" } })).verdict).toBe("pass");
        });

        it("when SNS may send from one topic (`ArnLike aws:SourceArn` with no wildcard, the subscription pattern)", async () => {
            const s = { Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ACTION, Resource: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:ap-northeast-1:111122223333:orders" } } };
            expect((await run(json(doc(s)))).verdict).toBe("pass");
            const anyone = { ...s, Principal: "*" };
            expect((await run(json(doc(anyone)))).verdict).toBe("pass");
        });

        it("when a service principal is pinned to one source ARN", async () => {
            const s = { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: ACTION, Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:s3:::uploads" }, StringEquals: { "aws:SourceAccount": "111122223333" } } };
            expect((await run(json(doc(s)))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `*` is pinned only by an `ArnLike aws:SourceArn` with a wildcard", async () => {
            const s = { Effect: "Allow", Principal: "*", Action: ACTION, Resource: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:*:orders" } } };
            expect((await run(json(doc(s)))).verdict).toBe("fail");
        });

        it("when Principal is `*` without a condition, naming the statement and not its Sid", async () => {
            const r = await run(json(doc({ ...ANYONE, Sid: "s3cr3tSid" })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy` statement #1 allows anyone");
            expect(r.messages.join()).not.toContain("s3cr3tSid");
        });

        it("when {AWS: \"*\"} is written in a list beside an account", async () => {
            const s = { ...ANYONE, Principal: { AWS: ["arn:aws:iam::444455556666:root", "*"] } };
            expect((await run(json(doc(s)))).verdict).toBe("fail");
        });

        it("when a NotPrincipal allows everyone but one account", async () => {
            const { Principal: _, ...rest } = ANYONE;
            expect((await run(json(doc({ ...rest, NotPrincipal: { AWS: "arn:aws:iam::444455556666:root" } })))).verdict).toBe("fail");
        });

        it("when the only condition is an unbounded source range (the internet as two /1 halves)", async () => {
            const s = { ...ANYONE, Condition: { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } } };
            expect((await run(json(doc(s)))).verdict).toBe("fail");
        });

        it("when the condition uses a wildcard value (StringLike aws:PrincipalOrgID o-*)", async () => {
            const s = { ...ANYONE, Condition: { StringLike: { "aws:PrincipalOrgID": "o-*" } } };
            expect((await run(json(doc(s)))).verdict).toBe("fail");
        });

        it("fails closed on a document that is not a policy document", async () => {
            const r = await run("{not json");
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is not a valid policy document");
        });

        it("when the policy is a secret, without printing it", async () => {
            const r = await run(secret(json(doc(ANYONE))));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain(ACTION);
        });

        it("on a Queue too (aws:sqs/queue:Queue)", async () => {
            const r = await runResourcePolicy(policy, { type: "aws:sqs/queue:Queue", props: { ...{}, policy: json(doc(ANYONE)) } });
            expect(r.verdict).toBe("fail");
        });

        it("when s3.amazonaws.com may use it with no source condition (any account's bucket)", async () => {
            const r = await run(json(doc({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: ACTION, Resource: "*" })));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("aws:SourceAccount");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole document is unknown", async () => {
            const r = await run(UNKNOWN);
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("policy");
        });

        it("decides a statement whose Resource is unknown from its known principal", async () => {
            expect((await run(doc({ ...ANYONE, Resource: UNKNOWN }))).verdict).toBe("fail");
        });

        it("cannot decide a wildcard statement whose condition is unknown", async () => {
            expect((await run(doc({ ...ANYONE, Condition: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("a known public statement fails although another statement's principal is unknown", async () => {
            expect((await run(doc({ ...ANYONE, Principal: UNKNOWN }, ANYONE))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("takes no settings: an unknown key is refused, naming it", async () => {
            await expect(run(json(doc(ANYONE)), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
