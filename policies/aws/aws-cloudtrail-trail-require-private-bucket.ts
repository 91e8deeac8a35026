// The S3 bucket a CloudTrail trail of the stack delivers to is not public: no public canned ACL or grant (on the
// bucket or a BucketAcl), no public statement in its bucket policy (inline or a BucketPolicy), and no
// BucketPublicAccessBlock of its own that turns a setting off. The trail's `s3BucketName` is joined to the stack's
// buckets by property dependency first, then by the bucket name written out (core/stack.ts); the judgements are the
// ones the S3 public-access policies make (core/s3-bucket.ts, core/public-access.ts). A trail whose bucket the stack
// does not manage is not judged here: nothing about that bucket can be known from this stack.

import { defineStackPolicy, type Finding, type StackExampleResource, type StackResource } from "../core/policy";
import { resourcePolicy } from "../core/public-access";
import type { Value } from "../core/read";
import { ACCOUNT_BLOCK, BUCKET, BUCKET_ACL, BUCKET_BLOCK, BUCKET_POLICY, bucketAcl, PublicAccessBlocks } from "../core/s3-bucket";
import { Companions, Join, texts } from "../core/stack";
import { all, fail, unknown, type Verdict } from "../core/verdict";

const TRAIL = "aws:cloudtrail/trail:Trail";
const FOR_TRAIL = "This bucket receives CloudTrail logs (public trail logs show an attacker the account's activity and weaknesses): ";

/** Prefixes every failure message of `v` (the violation is the bucket's; the prefix says why it matters here). */
function forTrail(v: Verdict): Verdict {
    return v.kind === "fail" ? fail(...v.messages.map((m) => `${FOR_TRAIL}${m}`)) : v;
}

const NAME = "acme-trail-logs";
const trail: StackExampleResource = { type: TRAIL, name: "trail", props: { s3BucketName: NAME }, propertyDependencies: { s3BucketName: ["logs"] } };
const bucket: StackExampleResource = { type: BUCKET, name: "logs", props: { bucket: NAME } };

export default defineStackPolicy({
    name: "aws-cloudtrail-trail-require-private-bucket",
    title: "The S3 bucket that receives CloudTrail logs is not public",
    cloud: "aws",
    control: "public-access",
    severity: "high",
    description:
        "The S3 bucket of the stack that a CloudTrail trail delivers to (its `s3BucketName`, joined by property dependency " +
        "or the bucket name) must not be public: no public canned ACL or grant on the bucket or a BucketAcl, no bucket " +
        "policy (inline or a BucketPolicy) that allows anyone, and no BucketPublicAccessBlock of its own that turns a " +
        "setting off (an AccountPublicAccessBlock that turns it on counts). A bucket without a block has S3's default " +
        "since April 2023 (all four settings on) and passes. A trail whose bucket is managed outside the stack is not judged.",
    remediation:
        "Keep the trail's bucket private: remove public ACLs and grants, allow only `cloudtrail.amazonaws.com` (with " +
        "`aws:SourceArn` of the trail) to write in the bucket policy, and set all four settings of its " +
        "BucketPublicAccessBlock to true (or remove the block to keep S3's default).",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "mandatory",
    resourceTypes: [TRAIL, BUCKET, BUCKET_ACL, BUCKET_POLICY, BUCKET_BLOCK, ACCOUNT_BLOCK],
    config: {},
    catalogue: ["aws-public-cloudtrail-bucket"],
    examples: {
        pass: [{ title: "a trail into a private bucket of the stack (no block: S3's default)", resources: [trail, bucket] }],
        fail: [
            { title: "a trail into a public-read bucket", resources: [trail, { ...bucket, props: { ...bucket.props, acl: "public-read" } }] },
            {
                title: "a trail into a bucket whose policy lets anyone read",
                resources: [
                    trail,
                    bucket,
                    {
                        type: BUCKET_POLICY,
                        name: "logs-policy",
                        props: { bucket: NAME, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${NAME}/*` }] }) },
                        propertyDependencies: { bucket: ["logs"] },
                    },
                ],
            },
        ],
    },
    *check(stack) {
        const trails = stack.ofType(TRAIL);
        if (!trails.length) return;
        const buckets = stack.ofType(BUCKET);
        const join = new Join(buckets, (b) => texts(b.props.get("bucket"), (b.props as Value<Readonly<Record<string, unknown>>>).get("id")));
        const trailBuckets = new Map<string, StackResource<typeof BUCKET>>();
        for (const t of trails) {
            const ref = join.resolve(t, "s3BucketName");
            if (ref.kind === "unknown") {
                // Which bucket it delivers to waits for preview values; only a bucket that is not private would matter.
                yield { urn: t.urn, verdict: unknown(ref.value) };
                continue;
            }
            if (ref.kind === "resources") for (const b of ref.targets) trailBuckets.set(b.urn, b);
        }
        if (!trailBuckets.size) return;
        const blocks = new PublicAccessBlocks(stack, buckets, true);
        const acls = new Companions(join, stack.ofType(BUCKET_ACL), "bucket");
        const policies = new Companions(join, stack.ofType(BUCKET_POLICY), "bucket");
        const out: Finding[] = [];
        for (const b of trailBuckets.values()) {
            out.push({ urn: b.urn, verdict: forTrail(all([bucketAcl(b), resourcePolicy(b.props.get("policy"), "policy"), blocks.turnedOffVerdict(b)])) });
            for (const acl of acls.of(b)) out.push({ urn: acl.urn, verdict: forTrail(bucketAcl(acl)) });
            for (const p of policies.of(b)) out.push({ urn: p.urn, verdict: forTrail(resourcePolicy(p.props.get("policy"), "policy")) });
        }
        // A companion whose bucket is unknown during preview may be a trail bucket's: it matters only if it would fail.
        for (const acl of acls.unresolved) if (bucketAcl(acl).kind !== "pass") out.push({ urn: acl.urn, verdict: unknown(acl.props.get("bucket")) });
        for (const p of policies.unresolved) if (resourcePolicy(p.props.get("policy"), "policy").kind !== "pass") out.push({ urn: p.urn, verdict: unknown(p.props.get("bucket")) });
        yield* out;
    },
});
