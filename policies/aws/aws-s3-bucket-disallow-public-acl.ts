import { KnownValues } from "../core/known";
import { defineResourcePolicy } from "../core/policy-legacy";
import { BUCKET, BUCKET_ACL, checkBucketAcl } from "../core/s3-bucket";

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
    check({ canonicalType, props }, _config, report) {
        const known = new KnownValues();
        if (!checkBucketAcl(canonicalType, props, known, report)) known.settle();
    },
});
