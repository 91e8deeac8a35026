import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-bucket-disallow-public-acl";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";
const BUCKET_ACL_V2 = "aws:s3/bucketAclV2:BucketAclV2";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

const bucket = (props: Record<string, unknown>, type = BUCKET) => ({ type, props: { bucket: "data-7f3a", ...props } });
const bucketAcl = (props: Record<string, unknown>, type = BUCKET_ACL) => ({ type, props: { bucket: "data-7f3a", ...props } });

const groupGrant = (uri: unknown, permissions: unknown = ["READ"]) => ({ type: "Group", uri, permissions });
const ownerGrant = { type: "CanonicalUser", id: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", permissions: ["FULL_CONTROL"] };

const acpGrant = (grantee: Record<string, unknown>, permission = "READ") => ({ grantee, permission });
const accessControlPolicy = (grants: unknown) => ({ owner: { id: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" }, grants });

describe("aws-s3-bucket-disallow-public-acl", () => {
    describe("passes", () => {
        it.each([
            ["has no ACL", bucket({})],
            ["is private", bucket({ acl: "private" })],
            ["is a log bucket (log-delivery-write)", bucket({ acl: "log-delivery-write" })],
            ["grants to its owner and the LogDelivery group only", bucket({ grants: [ownerGrant, groupGrant(LOG_DELIVERY, ["WRITE", "READ_ACP"])] })],
            ["is a private BucketV2", bucket({ acl: "bucket-owner-full-control" }, BUCKET_V2)],
            ["has a private BucketAcl", bucketAcl({ acl: "private" })],
            ["has a BucketAcl granting only the owner", bucketAcl({ accessControlPolicy: accessControlPolicy([acpGrant({ type: "CanonicalUser", id: "abc" }, "FULL_CONTROL")]) })],
            ["has a private BucketAclV2", bucketAcl({ acl: "private" }, BUCKET_ACL_V2)],
        ])("when the bucket %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucketObject:BucketObject", props: { acl: "public-read" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["public-read", "public-read-write", "authenticated-read", "PUBLIC-READ", " Public-Read "])("when the inline acl is %s", async (acl) => {
            const r = await runResourcePolicy(policy, bucket({ acl }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`acl` is a public canned ACL");
        });

        it("on a BucketV2 (folded into Bucket) with a public ACL", async () => {
            expect((await runResourcePolicy(policy, bucket({ acl: "public-read" }, BUCKET_V2))).verdict).toBe("fail");
        });

        it.each([
            ["AllUsers", ALL_USERS],
            ["AuthenticatedUsers", AUTHENTICATED_USERS],
            ["AllUsers in another case, over https, with a trailing slash", "HTTPS://ACS.amazonaws.com/groups/global/allusers/"],
        ])("when an inline grant goes to %s", async (_, uri) => {
            const r = await runResourcePolicy(policy, bucket({ grants: [ownerGrant, groupGrant(uri)] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`grants[1]` grants access to a public group");
        });

        it("when a BucketAcl uses a public canned ACL", async () => {
            const r = await runResourcePolicy(policy, bucketAcl({ acl: "public-read-write" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`acl`");
        });

        it("when a BucketAcl's access control policy grants to AllUsers", async () => {
            const r = await runResourcePolicy(
                policy,
                bucketAcl({ accessControlPolicy: accessControlPolicy([acpGrant({ type: "CanonicalUser", id: "abc" }, "FULL_CONTROL"), acpGrant({ type: "Group", uri: ALL_USERS })]) }),
            );
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`accessControlPolicy.grants[1]`");
        });

        it("on a BucketAclV2 (folded into BucketAcl) granting to AuthenticatedUsers", async () => {
            const r = await runResourcePolicy(policy, bucketAcl({ accessControlPolicy: accessControlPolicy([acpGrant({ type: "Group", uri: AUTHENTICATED_USERS })]) }, BUCKET_ACL_V2));
            expect(r.verdict).toBe("fail");
        });

        it("reports the canned ACL and every public grant", async () => {
            const r = await runResourcePolicy(policy, bucket({ acl: "public-read", grants: [groupGrant(ALL_USERS), groupGrant(AUTHENTICATED_USERS)] }));
            expect(r.messages).toHaveLength(3);
        });

        it("when the ACL is a secret, without printing it", async () => {
            // Spelled so that the value cannot hide among the fixed words of the message.
            const r = await runResourcePolicy(policy, bucket({ acl: secret("Authenticated-READ") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("Authenticated-READ");
        });

        it("when a grant's URI is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, bucket({ grants: [groupGrant(secret(ALL_USERS))] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain(ALL_USERS);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the canned ACL is unknown", async () => {
            const r = await runResourcePolicy(policy, bucket({ acl: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".acl");
        });

        it("cannot decide while a grant's URI is unknown", async () => {
            const r = await runResourcePolicy(policy, bucket({ grants: [ownerGrant, groupGrant(UNKNOWN)] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("grants");
        });

        it("still fails on a public canned ACL while the grants are unknown", async () => {
            expect((await runResourcePolicy(policy, bucket({ acl: "public-read", grants: UNKNOWN }))).verdict).toBe("fail");
        });

        it("still fails on a public grant while the canned ACL and another grant are unknown", async () => {
            expect((await runResourcePolicy(policy, bucket({ acl: UNKNOWN, grants: [UNKNOWN, groupGrant(ALL_USERS)] }))).verdict).toBe("fail");
        });

        it("cannot decide while a BucketAcl's grantee is unknown", async () => {
            const r = await runResourcePolicy(policy, bucketAcl({ accessControlPolicy: accessControlPolicy([acpGrant({ type: "Group", uri: UNKNOWN })]) }));
            expect(r.verdict).toBe("unknown");
        });

        it("passes a private ACL while the bucket name is unknown (it does not decide)", async () => {
            expect((await runResourcePolicy(policy, bucketAcl({ bucket: UNKNOWN, acl: "private" }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, bucket({}), { allowPublicRead: true })).rejects.toThrow("config key 'allowPublicRead'");
        });
    });
});
