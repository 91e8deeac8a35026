import { defineResourcePolicy } from "../core/policy";
import { cannedAcl, grants } from "../core/public-access";
import { all } from "../core/verdict";

const OBJECT = "aws:s3/bucketObject:BucketObject";
const OBJECT_COPY = "aws:s3/objectCopy:ObjectCopy";

export default defineResourcePolicy({
    name: "aws-s3-object-disallow-public-acl",
    title: "S3 object ACLs do not grant public access",
    cloud: "aws",
    control: "public-access",
    severity: "critical",
    description:
        "S3 objects must not be published through their ACL: no public canned ACL (public-read, public-read-write, " +
        "authenticated-read) and no grant to the AllUsers or AuthenticatedUsers group on objects the stack uploads " +
        "or copies.",
    remediation:
        "Leave `acl` out (or set `private` / `bucket-owner-full-control`) and remove grants to " +
        "http://acs.amazonaws.com/groups/global/AllUsers or .../AuthenticatedUsers. To serve objects publicly, put a " +
        "CDN (CloudFront with origin access control) in front of a private bucket instead.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    resourceTypes: [OBJECT, OBJECT_COPY],
    config: {},
    examples: {
        pass: [{ title: "an object that leaves its ACL out", type: OBJECT, props: { bucket: "site", key: "index.html" } }],
        fail: [
            { title: "a public-read object", type: OBJECT, props: { bucket: "site", key: "index.html", acl: "public-read" } },
            {
                title: "a copy that grants to AllUsers",
                type: OBJECT_COPY,
                props: {
                    bucket: "site",
                    key: "b.html",
                    source: "site/a.html",
                    grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ"] }],
                },
            },
        ],
    },
    check(r) {
        if (r.canonicalType === OBJECT) return cannedAcl(r.props.get("acl"), "acl");
        // grants: [{ type, uri, id, email, permissions }].
        return all([cannedAcl(r.props.get("acl"), "acl"), grants(r.props.get("grants"), "grants", (g) => g.get("uri"))]);
    },
});
