import { KnownValues } from "../core/known";
import { defineResourcePolicy, type Report } from "../core/policy-legacy";
import { checkCannedAcl, checkGrants } from "../core/public-access";

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
    check({ canonicalType, props }, _config, report) {
        const known = new KnownValues();
        let failed = false;
        const fail: Report = (message) => {
            failed = true;
            report(message);
        };
        checkCannedAcl(props, "acl", known, fail);
        if (canonicalType === OBJECT_COPY) {
            // grants: [{ type, uri, id, email, permissions }].
            const grants = known.get(props, "grants");
            if (grants.known) checkGrants(grants.value, "grants", (g) => known.get(g, "uri"), known, fail);
        }
        if (!failed) known.settle();
    },
});
