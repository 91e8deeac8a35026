import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudtrail-trail-require-msp-audit-logging";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const ROLE = "aws:iam/role:Role";
const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const ACL = "aws:s3/bucketAcl:BucketAcl";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const OWN = "111111111111";
const CONFIG = { organizationAccountIds: [OWN] };
const BUCKET_NAME = "acme-msp-audit";

const trust = (principal: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }] });

const mspRole = (props: Record<string, unknown> = {}, name = "msp"): StackResourceInput => ({
    type: ROLE,
    name,
    props: { name, assumeRolePolicy: trust("arn:aws:iam::222222222222:role/msp-operator"), ...props },
});
const trail = (props: Record<string, unknown> = {}, deps: Record<string, readonly string[]> = { s3BucketName: ["audit"] }, name = "trail"): StackResourceInput => ({
    type: TRAIL,
    name,
    props: { s3BucketName: UNKNOWN, isMultiRegionTrail: true, enableLogFileValidation: true, ...props },
    propertyDependencies: deps,
});
const bucket = (props: Record<string, unknown> = {}, name = "audit", type = BUCKET): StackResourceInput => ({ type, name, props: { bucket: BUCKET_NAME, ...props } });
const onBucket = (type: string, name: string, props: Record<string, unknown>, deps: Record<string, readonly string[]> = { bucket: ["audit"] }): StackResourceInput => ({
    type,
    name,
    props: { bucket: UNKNOWN, ...props },
    propertyDependencies: deps,
});
const ALL_FOUR = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const block = (props: Record<string, unknown> = ALL_FOUR, deps?: Record<string, readonly string[]>) => onBucket(BLOCK, "audit-block", props, deps);
const sse = (algorithm: unknown = "aws:kms") => onBucket(SSE, "audit-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyId: UNKNOWN } }] });
const lifecycle = (days: number) => onBucket(LIFECYCLE, "audit-lifecycle", { rules: [{ id: "expire", status: "Enabled", filter: { prefix: "AWSLogs/" }, expiration: { days } }] });
const CLOUDTRAIL_WRITES = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `arn:aws:s3:::${BUCKET_NAME}/AWSLogs/*` }],
});
const bucketPolicy = (policy: unknown = CLOUDTRAIL_WRITES) => onBucket(BUCKET_POLICY, "audit-policy", { policy });

/** An MSP role and a qualifying trail into a private, encrypted, retained bucket. */
const good = (): StackResourceInput[] => [mspRole(), trail(), bucket(), sse(), block(), bucketPolicy(), lifecycle(400)];
const replace = (resources: readonly StackResourceInput[], name: string, by: StackResourceInput | undefined) =>
    resources.flatMap((r) => (r.name === name ? (by ? [by] : []) : [r]));

async function run(resources: readonly StackResourceInput[], config: Record<string, unknown> = CONFIG) {
    return runStackPolicy(policy, resources, config);
}

describe("aws-cloudtrail-trail-require-msp-audit-logging", () => {
    describe("passes", () => {
        it("when an MSP role's stack has a multi-region, validated trail into a private, encrypted, retained bucket", async () => {
            expect((await run(good())).verdict).toBe("pass");
        });

        it("when the bucket has no encryption configuration (SSE-S3 is S3's default) and no lifecycle (kept forever)", async () => {
            const r = await run(replace(replace(good(), "audit-sse", undefined), "audit-lifecycle", undefined));
            expect(r.verdict).toBe("pass");
        });

        it("when an AccountPublicAccessBlock covers the bucket", async () => {
            const account: StackResourceInput = { type: ACCOUNT_BLOCK, name: "account", props: ALL_FOUR };
            expect((await run([...replace(good(), "audit-block", undefined), account])).verdict).toBe("pass");
        });

        it("when the trail joins its bucket by the name written out, and the bucket is a BucketV2", async () => {
            const r = await run(replace(replace(good(), "trail", trail({ s3BucketName: BUCKET_NAME }, {})), "audit", bucket({}, "audit", BUCKET_V2)));
            expect(r.verdict).toBe("pass");
        });

        it("when one of two trails qualifies", async () => {
            expect((await run([...good(), trail({ isMultiRegionTrail: false }, { s3BucketName: ["audit"] }, "regional")])).verdict).toBe("pass");
        });

        it("when the stack has no MSP role, whatever its trails", async () => {
            const own = mspRole({ assumeRolePolicy: trust(`arn:aws:iam::${OWN}:root`) });
            expect((await run([own, trail({ isMultiRegionTrail: false }), bucket()])).verdict).toBe("pass");
            expect((await run([own])).verdict).toBe("pass");
        });

        it("when existingTrailArn names the trail that records the account", async () => {
            const r = await run([mspRole()], { ...CONFIG, existingTrailArn: `arn:aws:cloudtrail:ap-northeast-1:${OWN}:trail/org-trail` });
            expect(r.verdict).toBe("pass");
        });

        it("when the trail keeps management events through basic or advanced selectors", async () => {
            const basic = trail({ eventSelectors: [{ includeManagementEvents: false }, { readWriteType: "All" }] });
            expect((await run(replace(good(), "trail", basic))).verdict).toBe("pass");
            const advanced = trail({ advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] });
            expect((await run(replace(good(), "trail", advanced))).verdict).toBe("pass");
        });

        it("when read-only and write-only selectors together record every management event", async () => {
            const basic = trail({ eventSelectors: [{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }] });
            expect((await run(replace(good(), "trail", basic))).verdict).toBe("pass");
            const readOnly = (value: string) => ({ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: [value] }] });
            const advanced = trail({ advancedEventSelectors: [readOnly("true"), readOnly("false")] });
            expect((await run(replace(good(), "trail", advanced))).verdict).toBe("pass");
        });

        it("when the trail's flags are secrets that are true", async () => {
            expect((await run(replace(good(), "trail", trail({ isMultiRegionTrail: secret(true), enableLogFileValidation: secret(true) })))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("on each MSP role when the stack has no trail", async () => {
            const r = await run([mspRole(), mspRole({}, "msp-2"), bucket()]);
            expect(r.violating).toEqual(["msp", "msp-2"]);
            expect(r.diagnostics[0]?.message).toContain("`existingTrailArn`");
        });

        it.each<[string, Record<string, unknown>, string]>([
            ["single-region", { isMultiRegionTrail: false }, "`isMultiRegionTrail` is not true"],
            ["without log file validation", { enableLogFileValidation: undefined }, "`enableLogFileValidation` is not true"],
            ["not logging", { enableLogging: false }, "`enableLogging` is false"],
            ["without global service events", { includeGlobalServiceEvents: false }, "`includeGlobalServiceEvents` is false"],
            ["without management events", { eventSelectors: [{ includeManagementEvents: false }] }, "`eventSelectors` exclude management events"],
            ["with advanced selectors for data events only", { advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }] }] }, "select no management events"],
            // Found by the evasion suite: a selector that records only reads (or only writes) misses part of a session.
            ["recording read-only management events", { eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] }, "`readWriteType`"],
            ["recording write-only management events, in lower case", { eventSelectors: [{ readWriteType: "writeonly" }] }, "`readWriteType`"],
            [
                "with advanced selectors for read-only management events",
                { advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: ["true"] }] }] },
                "a `readOnly` field selector",
            ],
        ])("on the trail when it is %s", async (_, props, message) => {
            const r = await run(replace(good(), "trail", trail(props)));
            expect(r.violating).toEqual(["trail"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain(message);
        });

        it("on the trail when its bucket is not managed by the stack", async () => {
            const r = await run([mspRole(), trail({ s3BucketName: "someone-elses-bucket" }, {})]);
            expect(r.violating).toEqual(["trail"]);
            expect(r.diagnostics[0]?.message).toContain("names a bucket this stack does not manage");
        });

        it("on the bucket when no public access block covers it", async () => {
            const r = await run(replace(good(), "audit-block", undefined));
            expect(r.violating).toEqual(["audit"]);
            expect(r.diagnostics[0]?.message).toContain("This bucket receives the CloudTrail logs");
        });

        it("on the bucket when its block leaves a setting off", async () => {
            expect((await run(replace(good(), "audit-block", block({ ...ALL_FOUR, restrictPublicBuckets: false })))).violating).toEqual(["audit"]);
        });

        it("on the encryption configuration when a rule applies no valid algorithm", async () => {
            expect((await run(replace(good(), "audit-sse", sse("DES"))))).toMatchObject({ violating: ["audit-sse"] });
        });

        it("on the bucket when its inline ACL is public", async () => {
            expect((await run(replace(good(), "audit", bucket({ acl: "public-read" }))))).toMatchObject({ violating: ["audit"] });
        });

        it("on a BucketAcl that grants to AllUsers", async () => {
            const acl = onBucket(ACL, "audit-acl", {
                accessControlPolicy: { grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }] },
            });
            expect((await run([...good(), acl])).violating).toEqual(["audit-acl"]);
        });

        it("on the bucket policy when it lets anyone read", async () => {
            const open = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });
            expect((await run(replace(good(), "audit-policy", bucketPolicy(open)))).violating).toEqual(["audit-policy"]);
        });

        it("on the lifecycle configuration when it expires the logs before the retention", async () => {
            const r = await run(replace(good(), "audit-lifecycle", lifecycle(90)));
            expect(r.violating).toEqual(["audit-lifecycle"]);
            expect(r.diagnostics[0]?.message).toContain("below 365 days");
        });

        it("reports every problem of every trail when none qualifies, each once", async () => {
            const second = trail({ enableLogFileValidation: false }, { s3BucketName: ["audit"] }, "second");
            const r = await run([...replace(replace(good(), "trail", trail({ isMultiRegionTrail: false })), "audit-lifecycle", lifecycle(30)), second]);
            expect(r.violating).toEqual(["audit-lifecycle", "second", "trail"]);
            expect(r.diagnostics.filter((d) => d.resource === "audit-lifecycle")).toHaveLength(1);
        });

        it("does not print a secret bucket name", async () => {
            const r = await run([mspRole(), trail({ s3BucketName: secret("hunter2-bucket") }, {})]);
            expect(r.verdict).toBe("fail");
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain("hunter2");
        });
    });

    describe("unknown during preview", () => {
        it("when the trail's bucket is unknown and no property dependency explains it", async () => {
            const r = await run(replace(good(), "trail", trail({}, {})));
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("trail");
        });

        it("when a trail flag is unknown and nothing else fails", async () => {
            const r = await run(replace(good(), "trail", trail({ isMultiRegionTrail: UNKNOWN })));
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`isMultiRegionTrail`");
        });

        it("when only some trails fail, and another may still qualify, says which value it waits for", async () => {
            const pending = trail({ enableLogFileValidation: UNKNOWN }, { s3BucketName: ["audit"] }, "pending");
            const r = await run([...replace(good(), "trail", trail({ isMultiRegionTrail: false })), pending]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toEqual(["pending"]);
        });

        it("when the only MSP role's trust policy is unknown and no trail qualifies", async () => {
            const r = await run([mspRole({ assumeRolePolicy: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("msp");
        });

        it("decides from a known problem even though a bucket policy is only partly known", async () => {
            const partly = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: UNKNOWN }] };
            const r = await run(replace(replace(good(), "audit-policy", bucketPolicy(partly)), "trail", trail({ isMultiRegionTrail: false })));
            expect(r.violating).toEqual(["trail"]);
        });
    });

    describe("config", () => {
        it("minimumRetentionDays raises the retention the bucket must keep", async () => {
            expect((await run(good(), { ...CONFIG, minimumRetentionDays: 730 })).violating).toEqual(["audit-lifecycle"]);
        });

        it("rejects an existingTrailArn that is not a trail ARN", async () => {
            await expect(run(good(), { existingTrailArn: "arn:aws:s3:::bucket" })).rejects.toThrow(/existingTrailArn/);
        });

        // Issue 11 §1: without organizationAccountIds the pack must not call a principal another account's on a guess
        // (a same-account trust used to make five MSP findings). The accounts the stack is known to deploy into stand
        // in: the provider's allowedAccountIds and the accounts of ARNs its resources use; with none known, a
        // principal's account is not judged (aws-iam-role-configure-organization-accounts says so, once).
        it("with the default config and no account of the stack known, a same-account trust is not an MSP role", async () => {
            const own = mspRole({ assumeRolePolicy: trust(`arn:aws:iam::${OWN}:root`) });
            expect((await run([own], {})).verdict).toBe("pass");
        });

        it("with the default config, the provider's allowedAccountIds is the stack's own account", async () => {
            const pinned = { props: { region: "ap-northeast-1", allowedAccountIds: JSON.stringify([OWN]) } };
            const own: StackResourceInput = { ...mspRole({ assumeRolePolicy: trust(`arn:aws:iam::${OWN}:user/deployer`) }), provider: pinned };
            expect((await run([own], {})).verdict).toBe("pass");
            const other: StackResourceInput = { ...mspRole(), provider: pinned };
            expect((await run([other], {})).violating).toEqual(["msp"]);
        });

        it("with the default config, an account that the stack's own resources' ARNs name is the stack's", async () => {
            const attachment: StackResourceInput = {
                type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                name: "ci-policy",
                props: { role: "ci", policyArn: `arn:aws:iam::${OWN}:policy/ci-deploy` },
            };
            const own = mspRole({ assumeRolePolicy: trust(`arn:aws:iam::${OWN}:role/ci`) });
            expect((await run([own, attachment], {})).verdict).toBe("pass");
            expect((await run([mspRole(), attachment], {})).violating).toEqual(["msp"]);
        });
    });
});
