import { defineResourcePolicy } from "../core/policy";
import { BUCKET, BUCKET_ACL, bucketAcl } from "../core/s3-bucket";

export default defineResourcePolicy({
    name: "aws-s3-bucket-disallow-public-acl",
    title: "S3 bucket ACLs do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "critical",
    description:
        "S3 bucket ACLs must not grant access to everyone (the AllUsers group) or to every AWS account " +
        "(AuthenticatedUsers): no public canned ACL (public-read, public-read-write, authenticated-read) and no " +
        "grant to those groups, neither inline on the bucket nor in a BucketAcl.",
    remediation:
        "Set `acl` to `private` (or `log-delivery-write` for a log bucket) or leave it out, remove grants whose " +
        "grantee URI is http://acs.amazonaws.com/groups/global/AllUsers or .../AuthenticatedUsers, and grant access " +
        "through IAM policies or a bucket policy to named principals instead. Prefer BucketOwnershipControls with " +
        "`BucketOwnerEnforced`, which turns ACLs off.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.2" },
        { framework: "aws-fsbp", version: "1.0.0", id: "S3.3" },
        { framework: "iso27001", version: "2022", id: "A.8.3" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [BUCKET, BUCKET_ACL],
    config: {},
    examples: {
        pass: [
            { title: "a private bucket", type: BUCKET, props: { acl: "private" } },
            { title: "a log-delivery BucketAcl", type: BUCKET_ACL, props: { bucket: "logs", acl: "log-delivery-write" } },
        ],
        fail: [
            { title: "a public-read bucket", type: BUCKET, props: { acl: "public-read" } },
            {
                title: "a BucketAcl that grants to AllUsers",
                type: BUCKET_ACL,
                props: {
                    bucket: "site",
                    accessControlPolicy: {
                        owner: { id: "owner" },
                        grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }],
                    },
                },
            },
        ],
    },
    check(resource) {
        return bucketAcl(resource);
    },
});
