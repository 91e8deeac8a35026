import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-policy-disallow-public-access";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";

const ARN = "arn:aws:s3:::data-7f3a/*";

type Stmt = Record<string, unknown>;

const allowAll: Stmt = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: ARN };
const guarded = (operator: string, key: string, value: unknown): Stmt => ({ ...allowAll, Condition: { [operator]: { [key]: value } } });
const denyInsecure: Stmt = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } };
const toAccount: Stmt = { ...allowAll, Principal: { AWS: "arn:aws:iam::111122223333:root" } };

const doc = (...Statement: Stmt[]) => ({ Version: "2012-10-17", Statement });
/** A BucketPolicy whose `policy` is a JSON string (the usual shape) or an object. */
const bucketPolicy = (policyValue: unknown) => ({ type: BUCKET_POLICY, props: { bucket: "data-7f3a", policy: policyValue } });
const asJson = (...Statement: Stmt[]) => bucketPolicy(JSON.stringify(doc(...Statement)));

describe("aws-s3-bucket-policy-disallow-public-access", () => {
    describe("passes", () => {
        it.each([
            ["names an account", asJson(toAccount)],
            ["lets anyone in only through one VPC endpoint", asJson(guarded("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d"))],
            ["lets anyone in only from one VPC", asJson(guarded("StringEquals", "aws:SourceVpc", "vpc-111bbb22"))],
            ["lets anyone in only from the organisation", asJson(guarded("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"))],
            ["lets anyone in only from one account", asJson(guarded("StringEquals", "aws:SourceAccount", "111122223333"))],
            ["lets anyone in only from a bounded IP range", asJson(guarded("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:db8::/32"]))],
            ["lets anyone in only from one organisation's /8", asJson(guarded("IpAddress", "aws:SourceIp", "44.0.0.0/8"))],
            ["delegates to the account's access points", asJson(guarded("StringEquals", "s3:DataAccessPointAccount", "111122223333"))],
            [
                "lets CloudFront read through origin access control",
                asJson({
                    Effect: "Allow",
                    Principal: { Service: "cloudfront.amazonaws.com" },
                    Action: "s3:GetObject",
                    Resource: ARN,
                    Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE" } },
                }),
            ],
            ["only denies (a Deny to * never makes a policy public)", asJson(denyInsecure)],
            ["is given as an object", bucketPolicy(doc(denyInsecure, toAccount))],
            [
                "writes keys and operators in other cases",
                bucketPolicy({ statement: [{ effect: "allow", principal: { aws: "*" }, condition: { stringequals: { "AWS:SOURCEVPCE": "vpce-1a2b3c4d" } } }] }),
            ],
            ["is empty", bucketPolicy("")],
            ["has no statement", asJson()],
        ])("when the policy %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("when a bucket has no inline policy", async () => {
            expect((await runResourcePolicy(policy, { type: BUCKET, props: { bucket: "data-7f3a" } })).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:sqs/queuePolicy:QueuePolicy", props: { policy: JSON.stringify(doc(allowAll)) } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an Allow statement has Principal * and no condition", async () => {
            const r = await runResourcePolicy(policy, asJson(allowAll));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy` statement #1 allows anyone");
        });

        it.each([
            ["{AWS: \"*\"}", { AWS: "*" }],
            ["{AWS: [an account, \"*\"]}", { AWS: ["arn:aws:iam::111122223333:root", "*"] }],
        ])("when the principal is %s", async (_, Principal) => {
            expect((await runResourcePolicy(policy, asJson({ ...allowAll, Principal }))).verdict).toBe("fail");
        });

        it("when an Allow statement uses NotPrincipal", async () => {
            const { Principal: _p, ...rest } = allowAll;
            expect((await runResourcePolicy(policy, asJson({ ...rest, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }))).verdict).toBe("fail");
        });

        it("when only one of several public statements is guarded, naming the unguarded ones", async () => {
            const r = await runResourcePolicy(policy, asJson(guarded("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d"), denyInsecure, allowAll, { ...allowAll, Action: "s3:PutObject" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy` statements #3, #4 allow anyone");
        });

        it.each([
            ["a wildcard VPC endpoint (StringLike)", guarded("StringLike", "aws:SourceVpce", "vpce-*")],
            ["a wildcard in an exact operator", guarded("StringEquals", "aws:SourceAccount", "1111*")],
            ["an IfExists operator (passes when the key is absent)", guarded("StringEqualsIfExists", "aws:SourceVpce", "vpce-1a2b3c4d")],
            ["a ForAnyValue operator", guarded("ForAnyValue:StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d")],
            ["a negated operator", guarded("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d")],
            ["an open IPv4 range", guarded("IpAddress", "aws:SourceIp", "0.0.0.0/0")],
            ["an open IPv6 range", guarded("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "::/0"])],
            ["any address written with another base (10.0.0.0/0)", guarded("IpAddress", "aws:SourceIp", "10.0.0.0/0")],
            ["the whole internet split into halves (0.0.0.0/1 + 128.0.0.0/1)", guarded("IpAddress", "aws:SourceIp", ["0.0.0.0/1", "128.0.0.0/1"])],
            ["an IPv4 range wider than a /8", guarded("IpAddress", "aws:SourceIp", "64.0.0.0/7")],
            ["an IPv6 range wider than a /32 (all global unicast)", guarded("IpAddress", "aws:SourceIp", "2000::/3")],
            ["a NotIpAddress condition", guarded("NotIpAddress", "aws:SourceIp", "203.0.113.0/24")],
            ["a condition that does not restrict the caller (aws:SecureTransport)", guarded("Bool", "aws:SecureTransport", "true")],
            ["an aws:userid condition on every session of a role", guarded("StringEquals", "aws:userid", "AROAEXAMPLEID:*")],
        ])("when the only condition is %s", async (_, stmt) => {
            expect((await runResourcePolicy(policy, asJson(stmt))).verdict).toBe("fail");
        });

        it("when the policy is an object with a single statement (not an array)", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy({ Version: "2012-10-17", Statement: allowAll }))).verdict).toBe("fail");
        });

        it("when keys and values are written in other cases", async () => {
            const r = await runResourcePolicy(policy, bucketPolicy(JSON.stringify({ statement: [{ EFFECT: "ALLOW", principal: { aws: "*" } }] })));
            expect(r.verdict).toBe("fail");
        });

        it.each([
            ["the deprecated inline policy of a Bucket", BUCKET],
            ["the deprecated inline policy of a BucketV2 (folded into Bucket)", BUCKET_V2],
        ])("on %s", async (_, type) => {
            const r = await runResourcePolicy(policy, { type, props: { bucket: "data-7f3a", policy: JSON.stringify(doc(allowAll)) } });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy` statement #1");
        });

        it("when the policy is not JSON (fails closed)", async () => {
            const r = await runResourcePolicy(policy, bucketPolicy("{ not json"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`policy` is not a valid policy document");
        });

        it("when the policy is a secret, naming the statement by position and never its text", async () => {
            const r = await runResourcePolicy(policy, bucketPolicy(secret(JSON.stringify(doc({ ...allowAll, Sid: "ProjectNightingaleRead" })))));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #1");
            expect(r.messages.join()).not.toContain("ProjectNightingale");
            expect(r.messages.join()).not.toContain("data-7f3a");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole policy is unknown", async () => {
            const r = await runResourcePolicy(policy, bucketPolicy(UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".policy");
        });

        it("still fails a public statement whose Resource (the bucket ARN) is unknown", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy(doc({ ...allowAll, Resource: UNKNOWN })))).verdict).toBe("fail");
        });

        it("cannot decide a Principal * statement while its condition value (an endpoint id) is unknown", async () => {
            const r = await runResourcePolicy(policy, bucketPolicy(doc(guarded("StringEquals", "aws:SourceVpce", UNKNOWN))));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("Condition");
        });

        it("passes a statement naming an account while its condition is unknown", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy(doc({ ...toAccount, Condition: UNKNOWN })))).verdict).toBe("pass");
        });

        it("passes a statement whose effect is unknown while a known condition pins one VPC endpoint", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy(doc({ ...guarded("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d"), Effect: UNKNOWN })))).verdict).toBe("pass");
        });

        it("cannot decide a Principal * statement whose effect is unknown and that has no condition", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy(doc({ ...allowAll, Effect: UNKNOWN })))).verdict).toBe("unknown");
        });

        it("passes a Deny statement whose principal is unknown", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy(doc({ ...denyInsecure, Principal: UNKNOWN })))).verdict).toBe("pass");
        });

        it("still fails a public statement while another statement is unknown", async () => {
            const r = await runResourcePolicy(policy, bucketPolicy({ Version: "2012-10-17", Statement: [UNKNOWN, allowAll] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("statement #2");
        });

        it("cannot decide while a whole statement is unknown and the others are private", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy({ Version: "2012-10-17", Statement: [toAccount, UNKNOWN] }))).verdict).toBe("unknown");
        });

        it("cannot decide while the statement list is unknown", async () => {
            expect((await runResourcePolicy(policy, bucketPolicy({ Version: "2012-10-17", Statement: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, asJson(toAccount), { allowedPrincipals: [] })).rejects.toThrow("config key 'allowedPrincipals'");
        });
    });
});
