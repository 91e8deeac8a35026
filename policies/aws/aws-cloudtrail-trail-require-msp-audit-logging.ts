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

import type { PolicyResource } from "@pulumi/policy";
import type { TrailArgs } from "@pulumi/aws/cloudtrail";
import { recordsManagementEvents } from "../core/cloudtrail-events";
import { BUCKET, LIFECYCLE, TRAIL, TrailLogRetention } from "../core/cloudtrail-retention";
import { requireGlobalServiceEvents, requireLogFileValidation, requireLogging, requireMultiRegion } from "../core/cloudtrail-trail";
import { s3ConfigurationEncryption, s3InlineEncryption, type SseConfiguration } from "../core/encryption";
import { KnownValues } from "../core/known";
import { mspRoleIfKnown, ORGANIZATION_ACCOUNT_IDS } from "../core/msp";
import { defineStackPolicy } from "../core/policy-legacy";
import { analysePolicy, invalidPolicyMessage, publicPolicyMessage } from "../core/public-access";
import {
    ACCOUNT_BLOCK,
    BUCKET_ACL,
    BUCKET_BLOCK,
    BUCKET_POLICY,
    checkBucketAcl,
    encryptionProblems,
    missingBlockMessage,
    PublicAccessBlocks,
    SSE_CONFIGURATION,
    unknownBlockWhat,
} from "../core/s3-bucket";
import { type Shape, Value } from "../core/read";
import { JoinIndex, knownStrings } from "../core/stack";

const ROLE = "aws:iam/role:Role";

/** A CloudTrail trail ARN: `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`. */
const TRAIL_ARN = "^(|arn:aws(-cn|-us-gov|-iso|-iso-b)?:cloudtrail:[a-z0-9-]+:[0-9]{12}:trail/[A-Za-z0-9._-]{3,128})$";

interface Problem {
    readonly urn: string;
    readonly message: string;
}
interface Unknown {
    readonly urn: string;
    readonly what: string;
}

/** What keeps one trail from being the MSP audit trail. */
interface TrailFindings {
    readonly problems: Problem[];
    readonly unknowns: Unknown[];
}

const FOR_BUCKET = "This bucket receives the CloudTrail logs that record what MSP roles do: ";

/** The trail's own settings: the log-retention policies' checks (core/cloudtrail-trail.ts), worded for MSP sessions. */
function trailSettings(trail: PolicyResource, f: TrailFindings): void {
    const props = Value.root<Shape<TrailArgs>>(trail.props);
    const settings = [
        requireLogging(props, "the trail records MSP sessions"),
        requireMultiRegion(props, "what an MSP role does in any region (including regions nobody watches) is recorded"),
        requireGlobalServiceEvents(props, "IAM and global STS events (AssumeRole through the global endpoint) are not recorded"),
        requireLogFileValidation(props, "a log of an MSP session that was changed or deleted after delivery can be detected"),
        recordsManagementEvents(props),
    ];
    for (const v of settings) {
        if (v.kind === "fail") f.problems.push(...v.messages.map((message) => ({ urn: trail.urn, message })));
        else if (v.kind === "unknown") f.unknowns.push(...v.needs.map((n) => ({ urn: trail.urn, what: typeof n === "string" ? n : `\`${n.path}\`` })));
    }
}

/** Companion resources of buckets (by `bucket`), and those whose bucket is unknown during preview. */
class Companions {
    private readonly byBucket = new Map<string, PolicyResource[]>();
    readonly unresolved: PolicyResource[] = [];

    constructor(resources: readonly PolicyResource[], index: JoinIndex) {
        for (const r of resources) {
            const ref = index.resolve(r, "bucket");
            if (ref.kind === "unknown") this.unresolved.push(r);
            if (ref.kind !== "resources") continue;
            for (const b of ref.targets) {
                const list = this.byBucket.get(b.urn) ?? [];
                list.push(r);
                this.byBucket.set(b.urn, list);
            }
        }
    }

    of(bucket: PolicyResource): readonly PolicyResource[] {
        return this.byBucket.get(bucket.urn) ?? [];
    }
}

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
    check(stack, config, report) {
        if (config.existingTrailArn !== "") return;
        const roles = stack.ofType(ROLE);
        const kinds = roles.map((r) => ({ role: r, kind: mspRoleIfKnown(r.props, config.organizationAccountIds).kind }));
        const msp = kinds.filter((k) => k.kind === "msp").map((k) => k.role);
        const undecided = kinds.filter((k) => k.kind === "unknown").map((k) => k.role);
        if (!msp.length && !undecided.length) return;

        const buckets = stack.ofType(BUCKET);
        const index = new JoinIndex(buckets, (r) => knownStrings(r, "bucket", "id"));
        const retention = new TrailLogRetention(stack, config.minimumRetentionDays);
        const blocks = new PublicAccessBlocks(stack, buckets, true);
        const sse = new Companions(stack.ofType(SSE_CONFIGURATION), index);
        const acls = new Companions(stack.ofType(BUCKET_ACL), index);
        const bucketPolicies = new Companions(stack.ofType(BUCKET_POLICY), index);

        /** Default encryption, ACLs and bucket policy of a bucket, or the one of them a companion resource holds. */
        const judgeResource = (r: PolicyResource, kind: "bucket" | "sse" | "acl" | "policy", f: TrailFindings, prefix: string) => {
            const values = new KnownValues();
            const problems: string[] = [];
            if (kind === "bucket" || kind === "sse") {
                const configurations: readonly SseConfiguration[] = kind === "bucket" ? s3InlineEncryption(r.props) : [s3ConfigurationEncryption(r.props)];
                problems.push(...encryptionProblems(configurations, values));
            }
            if (kind === "bucket" || kind === "acl") {
                checkBucketAcl(kind === "bucket" ? BUCKET : BUCKET_ACL, r.props, values, (m) => problems.push(m));
            }
            if (kind === "bucket" || kind === "policy") {
                const policy = values.get(r.props, "policy");
                if (policy.known) {
                    const verdict = analysePolicy(policy.value, values);
                    if (verdict.kind === "public") problems.push(publicPolicyMessage("policy", verdict.statements));
                    if (verdict.kind === "invalid") problems.push(invalidPolicyMessage("policy", verdict.error));
                }
            }
            for (const m of problems) f.problems.push({ urn: r.urn, message: `${prefix}${m}` });
            if (!problems.length && values.incomplete) {
                const what = { bucket: "its encryption, ACL or bucket policy", sse: "`rules`", acl: "its grants", policy: "`policy`" }[kind];
                f.unknowns.push({ urn: r.urn, what });
            }
        };
        const companions = [
            { kind: "sse", of: sse },
            { kind: "acl", of: acls },
            { kind: "policy", of: bucketPolicies },
        ] as const;

        const findings = (trail: PolicyResource): TrailFindings => {
            const f: TrailFindings = { problems: [], unknowns: [] };
            trailSettings(trail, f);
            const ref = retention.bucketRef(trail, "s3BucketName");
            if (ref.kind === "unknown") {
                f.unknowns.push({ urn: trail.urn, what: "`s3BucketName`" });
                return f;
            }
            if (ref.kind === "none") {
                f.problems.push({
                    urn: trail.urn,
                    message:
                        "`s3BucketName` names a bucket this stack does not manage, so its encryption, public access and retention " +
                        "cannot be checked; manage the log bucket in this stack, or name a verified trail in `existingTrailArn`.",
                });
                return f;
            }
            for (const bucket of ref.targets) {
                judgeResource(bucket, "bucket", f, FOR_BUCKET);
                for (const { kind, of } of companions) for (const c of of.of(bucket)) judgeResource(c, kind, f, "");
                const coverage = blocks.coverage(bucket);
                if (coverage.missing.length) f.problems.push({ urn: bucket.urn, message: `${FOR_BUCKET}${missingBlockMessage(coverage, true)}` });
                else if (coverage.unknown.length) f.unknowns.push({ urn: bucket.urn, what: unknownBlockWhat(coverage) });
            }
            for (const r of retention.forTrail(trail)) {
                if (r.kind === "violation") f.problems.push({ urn: r.urn, message: r.message });
                else f.unknowns.push({ urn: r.urn, what: r.what });
            }
            return f;
        };

        // What holds for every trail alike, judged once (not once per trail, which would be quadratic): companions
        // whose bucket is unknown may be any trail bucket's (they matter only if they would fail), and lifecycle
        // configurations that could not be joined to a bucket.
        const shared: TrailFindings = { problems: [], unknowns: [] };
        for (const { kind, of } of companions) {
            for (const c of of.unresolved) {
                const probe: TrailFindings = { problems: [], unknowns: [] };
                judgeResource(c, kind, probe, "");
                if (probe.problems.length || probe.unknowns.length) shared.unknowns.push({ urn: c.urn, what: "`bucket`" });
            }
        }
        for (const r of retention.unjoined()) {
            if (r.kind === "violation") shared.problems.push({ urn: r.urn, message: r.message });
            else shared.unknowns.push({ urn: r.urn, what: r.what });
        }
        const sharedClean = !shared.problems.length && !shared.unknowns.length;

        const trails = stack.ofType(TRAIL);
        const all = trails.map(findings);
        if (sharedClean && all.some((f) => !f.problems.length && !f.unknowns.length)) return; // a trail qualifies

        const reported = new Set<string>();
        const once = (key: string, emit: () => void) => {
            if (reported.has(key)) return;
            reported.add(key);
            emit();
        };
        if (!msp.length) {
            // Whether the stack needs the trail at all waits for the trust policies.
            for (const role of undecided) once(role.urn, () => report.cannotKnow(role.urn, "`assumeRolePolicy` (whether another account can assume the role)"));
            return;
        }
        if (!trails.length) {
            for (const role of msp) {
                report.violation(
                    role.urn,
                    "another account can assume this role, but the stack has no CloudTrail trail to record what it does; add a " +
                        "multi-region trail with log file validation into an encrypted, private, retained bucket of this stack, or " +
                        "set `existingTrailArn` to the trail that records this account.",
                );
            }
            return;
        }
        const pending = shared.problems.length ? [] : all.filter((f) => !f.problems.length);
        if (pending.length) {
            // A trail may still qualify: its verdict waits for values that are unknown during preview.
            for (const f of [...pending, shared]) for (const u of f.unknowns) once(`${u.urn}\n${u.what}`, () => report.cannotKnow(u.urn, u.what));
            return;
        }
        for (const f of [...all, shared]) for (const p of f.problems) once(`${p.urn}\n${p.message}`, () => report.violation(p.urn, p.message));
    },
});
