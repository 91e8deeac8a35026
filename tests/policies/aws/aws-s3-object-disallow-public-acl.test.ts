import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-s3-object-disallow-public-acl";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const OBJECT = "aws:s3/bucketObject:BucketObject";
const OBJECT_V2 = "aws:s3/bucketObjectv2:BucketObjectv2";
const OBJECT_LEGACY = "aws:s3/BucketObject:BucketObject";
const OBJECT_COPY = "aws:s3/objectCopy:ObjectCopy";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

const object = (props: Record<string, unknown>, type = OBJECT) => ({ type, props: { bucket: "data-7f3a", key: "report.csv", ...props } });
const copy = (props: Record<string, unknown>) => ({ type: OBJECT_COPY, props: { bucket: "data-7f3a", key: "copy.csv", source: "src/report.csv", ...props } });

describe("aws-s3-object-disallow-public-acl", () => {
    describe("passes", () => {
        it.each([
            ["has no ACL", object({})],
            ["is private", object({ acl: "private" })],
            ["is readable by the bucket owner", object({ acl: "bucket-owner-full-control" })],
            ["is an aws-exec-read BucketObjectv2", object({ acl: "aws-exec-read" }, OBJECT_V2)],
            ["is a copy granting a named user", copy({ grants: [{ type: "CanonicalUser", id: "abc", permissions: ["READ"] }] })],
        ])("when the object %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucket:Bucket", props: { acl: "public-read" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["public-read", "public-read-write", "authenticated-read", "Public-Read"])("when an object's acl is %s", async (acl) => {
            const r = await runResourcePolicy(policy, object({ acl }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`acl` is a public canned ACL");
        });

        it("on a BucketObjectv2 (folded into BucketObject) with a public ACL", async () => {
            expect((await runResourcePolicy(policy, object({ acl: "public-read" }, OBJECT_V2))).verdict).toBe("fail");
        });

        it("on the old token aws:s3/BucketObject:BucketObject (BucketObjectv2's alias, found in old states) with a public ACL", async () => {
            expect((await runResourcePolicy(policy, object({ acl: "public-read" }, OBJECT_LEGACY))).verdict).toBe("fail");
        });

        it("when a copy uses a public canned ACL", async () => {
            expect((await runResourcePolicy(policy, copy({ acl: "public-read" }))).verdict).toBe("fail");
        });

        it.each([ALL_USERS, AUTHENTICATED_USERS])("when a copy grants to %s", async (uri) => {
            const r = await runResourcePolicy(policy, copy({ grants: [{ type: "Group", uri, permissions: ["READ"] }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`grants[0]` grants access to a public group");
        });

        it("when the ACL is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, object({ acl: secret("PUBLIC-read-WRITE") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("PUBLIC-read-WRITE");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the ACL is unknown", async () => {
            const r = await runResourcePolicy(policy, object({ acl: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".acl");
        });

        it("passes a private object whose content is unknown (it does not decide)", async () => {
            expect((await runResourcePolicy(policy, object({ acl: "private", content: UNKNOWN, bucket: UNKNOWN }))).verdict).toBe("pass");
        });

        it("still fails a copy with a public grant while its ACL is unknown", async () => {
            expect((await runResourcePolicy(policy, copy({ acl: UNKNOWN, grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }] }))).verdict).toBe("fail");
        });

        it("cannot decide while a copy's grant URI is unknown", async () => {
            const r = await runResourcePolicy(policy, copy({ grants: [{ type: "Group", uri: UNKNOWN, permissions: ["READ"] }] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("grants");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, object({}), { allowPublicObjects: true })).rejects.toThrow("config key 'allowPublicObjects'");
        });
    });
});
