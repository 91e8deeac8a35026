// When the stack holds a role that another AWS account can assume (an MSP role, see core/msp.ts), the stack must also
// hold the audit trail of what the MSP does with it — or the policy config must name an existing trail that does
// (`existingTrailArn`). A trail of the stack qualifies when it records management events (AssumeRole and everything
// done with the session) in every region, including global service events, with log file validation, into an S3
// bucket of the stack that is encrypted by default, covered by S3 Block Public Access, has no public ACL or bucket
// policy, and keeps the logs at least `minimumRetentionDays`.
//
// The trail's bucket and its companions (BucketServerSideEncryptionConfiguration, BucketPublicAccessBlock /
// AccountPublicAccessBlock, BucketAcl, BucketPolicy, BucketLifecycleConfiguration) are joined by property dependency
// first, then by the bucket name written out; the judgements are the ones the encryption, public-access and
// log-retention policies make (core/s3-bucket.ts, core/public-access.ts, core/cloudtrail-retention.ts). Each problem
// is reported on the resource that holds it, and only when no trail of the stack qualifies.

import { recordsManagementEvents } from "../core/cloudtrail-events";
import { BUCKET, LIFECYCLE, TRAIL, TrailLogRetention } from "../core/cloudtrail-retention";
import { requireGlobalServiceEvents, requireLogFileValidation, requireLogging, requireMultiRegion } from "../core/cloudtrail-trail";
import { s3ConfigurationEncryption, s3DefaultEncryption, s3InlineEncryption } from "../core/encryption";
import { mspRole, ORGANIZATION_ACCOUNT_IDS, stackOrganization, UNKNOWN_TRUST } from "../core/msp";
import { defineStackPolicy, type Finding, type StackExampleResource, type StackResource } from "../core/policy";
import { resourcePolicy } from "../core/public-access";
import {
    ACCOUNT_BLOCK,
    BUCKET_ACL,
    BUCKET_BLOCK,
    BUCKET_POLICY,
    bucketAcl,
    missingBlockMessage,
    PublicAccessBlocks,
    SSE_CONFIGURATION,
    unknownBlockWhat,
} from "../core/s3-bucket";
import type { Value } from "../core/read";
import { Companions, Join, texts } from "../core/stack";
import { all, fail, type Need, unknown, type Verdict } from "../core/verdict";

const ROLE = "aws:iam/role:Role";

/** A CloudTrail trail ARN: `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`. */
const TRAIL_ARN = "^(|arn:aws(-cn|-us-gov|-iso|-iso-b)?:cloudtrail:[a-z0-9-]+:[0-9]{12}:trail/[A-Za-z0-9._-]{3,128})$";

/** What keeps one trail from being the MSP audit trail: violations (one message each) and what waits for preview values. */
interface TrailFindings {
    readonly problems: Finding[];
    readonly unknowns: Finding[];
}

const noFindings = (): TrailFindings => ({ problems: [], unknowns: [] });

/** Files a verdict on `urn`: each failure message a problem (after `prefix`), an unknown an unknown. */
function note(f: TrailFindings, urn: string, v: Verdict, prefix = ""): void {
    if (v.kind === "fail") f.problems.push(...v.messages.map((m) => ({ urn, verdict: fail(`${prefix}${m}`) })));
    else if (v.kind === "unknown") f.unknowns.push({ urn, verdict: v });
}

/** A finding's identity, so that one shared by several trails is reported once. */
function keyOf({ urn, verdict }: Finding): string {
    if (verdict.kind === "fail") return `${urn}\n${verdict.messages.join("\n")}`;
    if (verdict.kind === "unknown") return `${urn}\n?${verdict.needs.map((n: Need) => (typeof n === "string" ? n : n.path)).join("\n")}`;
    return urn;
}

const FOR_BUCKET = "This bucket receives the CloudTrail logs that record what MSP roles do: ";

type Trail = StackResource<typeof TRAIL>;
type Bucket = StackResource<typeof BUCKET>;

/** The trail's own settings: the log-retention policies' checks (core/cloudtrail-trail.ts), worded for MSP sessions. */
function trailSettings(trail: Trail): Verdict {
    const props = trail.props;
    return all([
        requireLogging(props, "the trail records MSP sessions"),
        requireMultiRegion(props, "what an MSP role does in any region (including regions nobody watches) is recorded"),
        requireGlobalServiceEvents(props, "IAM and global STS events (AssumeRole through the global endpoint) are not recorded"),
        requireLogFileValidation(props, "a log of an MSP session that was changed or deleted after delivery can be detected"),
        recordsManagementEvents(props, "who assumed an MSP role and what the session did"),
    ]);
}

/** A bucket's own default encryption, ACL and bucket policy (the judgements of the encryption and public-access policies). */
function bucketItself(bucket: Bucket): Verdict {
    return all([s3DefaultEncryption(s3InlineEncryption(bucket.props)), bucketAcl(bucket), resourcePolicy(bucket.props.get("policy"), "policy")]);
}

/**
 * Companions of the trail buckets with their verdicts: those of one bucket, and those whose bucket is unknown during
 * preview — which may be any trail bucket's, so they are unknown (`bucket`) when their own verdict is not a pass.
 */
function judged<C extends typeof SSE_CONFIGURATION | typeof BUCKET_ACL | typeof BUCKET_POLICY>(
    companions: Companions<typeof BUCKET, C>,
    judge: (c: StackResource<C>) => Verdict,
): { of(bucket: Bucket): Finding[]; readonly unresolved: readonly Finding[] } {
    return {
        of: (bucket) => companions.of(bucket).map((c) => ({ urn: c.urn, verdict: judge(c) })),
        unresolved: companions.unresolved
            .filter((c) => judge(c).kind !== "pass")
            .map((c) => ({ urn: c.urn, verdict: unknown((c.props as Value<{ readonly bucket?: unknown }>).get("bucket")) })),
    };
}

// Examples: an MSP role and a trail into a private, encrypted bucket of the stack.
const OWN = "111111111111";
const BUCKET_NAME = "acme-msp-audit";
const EXAMPLE_CONFIG = { organizationAccountIds: [OWN] };
const trustOf = (principal: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }] });
const exampleRole: StackExampleResource = { type: ROLE, name: "msp", props: { assumeRolePolicy: trustOf("arn:aws:iam::222222222222:role/msp-operator") } };
const exampleTrail: StackExampleResource = {
    type: TRAIL,
    name: "trail",
    props: { s3BucketName: BUCKET_NAME, isMultiRegionTrail: true, enableLogFileValidation: true },
    propertyDependencies: { s3BucketName: ["audit"] },
};
const exampleBucket: StackExampleResource = { type: BUCKET, name: "audit", props: { bucket: BUCKET_NAME } };
const exampleBlock: StackExampleResource = {
    type: BUCKET_BLOCK,
    name: "audit-block",
    props: { bucket: BUCKET_NAME, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    propertyDependencies: { bucket: ["audit"] },
};

export default defineStackPolicy({
    name: "aws-cloudtrail-trail-require-msp-audit-logging",
    title: "A stack that lets an MSP in keeps a tamper-evident, private, retained audit trail",
    cloud: "aws",
    control: "msp-delegation",
    severity: "high",
    description:
        "A stack with a role that another AWS account can assume (an MSP role) must provide the audit trail of every MSP " +
        "session: a CloudTrail trail of the stack that logs management events in every region (global service events " +
        "included) with log file validation, into an S3 bucket of the stack that is encrypted by default, covered by S3 " +
        "Block Public Access, not public through its ACL or bucket policy, and keeps the logs at least `minimumRetentionDays` " +
        "— or the policy config must name the existing trail that does (`existingTrailArn`).",
    remediation:
        "Add an `aws.cloudtrail.Trail` with `isMultiRegionTrail: true` and `enableLogFileValidation: true` delivering to an " +
        "S3 bucket of the stack with a BucketServerSideEncryptionConfiguration (SSE-KMS preferred), a BucketPublicAccessBlock " +
        "with all four settings true, a bucket policy that allows only cloudtrail.amazonaws.com to write (with " +
        "`aws:SourceArn` of the trail), and lifecycle rules that keep `AWSLogs/` at least 365 days. If an organisation trail " +
        "managed elsewhere records this account, set `existingTrailArn` to its ARN.",
    frameworks: [
        { framework: "iso27001", version: "2022", id: "A.8.15" },
        { framework: "iso27001", version: "2022", id: "A.5.22" },
        { framework: "cis-aws", version: "3.0.0", id: "3.1" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [ROLE, TRAIL, BUCKET, SSE_CONFIGURATION, BUCKET_BLOCK, ACCOUNT_BLOCK, BUCKET_ACL, BUCKET_POLICY, LIFECYCLE],
    config: {
        ...ORGANIZATION_ACCOUNT_IDS,
        existingTrailArn: {
            type: "string",
            default: "",
            pattern: TRAIL_ARN,
            description:
                "The ARN of a trail managed outside this stack (e.g. the organisation trail) that records this account with the " +
                "same guarantees; when set, the stack need not hold a trail of its own. Empty: the stack must hold one.",
        },
        minimumRetentionDays: {
            type: "integer",
            default: 365,
            minimum: 1,
            maximum: 36500,
            description: "Fewest days the trail's bucket must keep the CloudTrail log files (its lifecycle rules may not expire them earlier).",
        },
    },
    examples: {
        pass: [
            { title: "an MSP role, and a multi-region, validated trail into a private bucket of the stack", resources: [exampleRole, exampleTrail, exampleBucket, exampleBlock], config: EXAMPLE_CONFIG },
            { title: "a stack without an MSP role needs no trail", resources: [{ ...exampleRole, props: { assumeRolePolicy: trustOf(`arn:aws:iam::${OWN}:root`) } }], config: EXAMPLE_CONFIG },
        ],
        fail: [
            { title: "an MSP role and no trail", resources: [exampleRole, exampleBucket], config: EXAMPLE_CONFIG },
            { title: "an MSP role and a single-region trail", resources: [exampleRole, { ...exampleTrail, props: { ...exampleTrail.props, isMultiRegionTrail: false } }, exampleBucket, exampleBlock], config: EXAMPLE_CONFIG },
        ],
    },
    *check(stack, config) {
        if (config.existingTrailArn !== "") return;
        const organization = stackOrganization(stack, config.organizationAccountIds);
        const roles = stack.ofType(ROLE).map((role) => ({ role, kind: mspRole(role.props.get("assumeRolePolicy"), organization).kind }));
        const msp = roles.filter((r) => r.kind === "msp").map((r) => r.role);
        const undecided = roles.filter((r) => r.kind === "unknown").map((r) => r.role);
        if (!msp.length && !undecided.length) return;

        const buckets = stack.ofType(BUCKET);
        const join = new Join(buckets, (b) => texts(b.props.get("bucket"), (b.props as Value<Readonly<Record<string, unknown>>>).get("id")));
        const retention = new TrailLogRetention(stack, config.minimumRetentionDays);
        const blocks = new PublicAccessBlocks(stack, buckets, true);
        // The bucket's companions, each judged as the encryption and public-access policies judge it.
        const companions = [
            judged(new Companions(join, stack.ofType(SSE_CONFIGURATION), "bucket"), (c) => s3DefaultEncryption([s3ConfigurationEncryption(c.props)])),
            judged(new Companions(join, stack.ofType(BUCKET_ACL), "bucket"), bucketAcl),
            judged(new Companions(join, stack.ofType(BUCKET_POLICY), "bucket"), (c) => resourcePolicy(c.props.get("policy"), "policy")),
        ];

        const findings = (trail: Trail): TrailFindings => {
            const f = noFindings();
            note(f, trail.urn, trailSettings(trail));
            const ref = retention.bucketRef(trail, "s3BucketName");
            if (ref.kind === "unknown") {
                note(f, trail.urn, unknown(ref.value));
                return f;
            }
            if (ref.kind === "none") {
                note(
                    f,
                    trail.urn,
                    fail(
                        "`s3BucketName` names a bucket this stack does not manage, so its encryption, public access and retention " +
                            "cannot be checked; manage the log bucket in this stack, or name a verified trail in `existingTrailArn`.",
                    ),
                );
                return f;
            }
            for (const bucket of ref.targets) {
                note(f, bucket.urn, bucketItself(bucket), FOR_BUCKET);
                for (const c of companions) for (const { urn, verdict } of c.of(bucket)) note(f, urn, verdict);
                const coverage = blocks.coverage(bucket);
                if (coverage.missing.length) note(f, bucket.urn, fail(missingBlockMessage(coverage, true)), FOR_BUCKET);
                else if (coverage.unknown.length) note(f, bucket.urn, unknown(unknownBlockWhat(coverage)));
            }
            for (const r of retention.forTrail(trail)) note(f, r.urn, r.verdict);
            return f;
        };

        // What holds for every trail alike, judged once (not once per trail, which would be quadratic): companions
        // whose bucket is unknown may be any trail bucket's (they matter only if they would fail), and lifecycle
        // configurations that could not be joined to a bucket.
        const shared = noFindings();
        for (const c of companions) for (const { urn, verdict } of c.unresolved) note(shared, urn, verdict);
        for (const r of retention.unjoined()) note(shared, r.urn, r.verdict);
        const sharedClean = !shared.problems.length && !shared.unknowns.length;

        const trails = stack.ofType(TRAIL);
        const all = trails.map(findings);
        if (sharedClean && all.some((f) => !f.problems.length && !f.unknowns.length)) return; // a trail qualifies

        const reported = new Set<string>();
        const once = function* (list: readonly Finding[]): Generator<Finding> {
            for (const f of list) {
                const key = keyOf(f);
                if (reported.has(key)) continue;
                reported.add(key);
                yield f;
            }
        };
        if (!msp.length) {
            // Whether the stack needs the trail at all waits for the trust policies.
            for (const role of undecided) yield { urn: role.urn, verdict: unknown(UNKNOWN_TRUST) };
            return;
        }
        if (!trails.length) {
            for (const role of msp) {
                yield {
                    urn: role.urn,
                    verdict: fail(
                        "another account can assume this role, but the stack has no CloudTrail trail to record what it does; add a " +
                            "multi-region trail with log file validation into an encrypted, private, retained bucket of this stack, or " +
                            "set `existingTrailArn` to the trail that records this account.",
                    ),
                };
            }
            return;
        }
        const pending = shared.problems.length ? [] : all.filter((f) => !f.problems.length);
        if (pending.length) {
            // A trail may still qualify: its verdict waits for values that are unknown during preview.
            for (const f of [...pending, shared]) yield* once(f.unknowns);
            return;
        }
        for (const f of [...all, shared]) yield* once(f.problems);
    },
});
