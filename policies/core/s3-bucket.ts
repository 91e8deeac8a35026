// Judgements on one S3 bucket that both a resource policy (one resource at a time) and a stack policy (a trail's log
// bucket, joined with its companion resources) make: its default encryption, its ACL, and whether S3 Block Public
// Access covers it. Messages say which property and what it must be, never a value.

import type { PolicyResource } from "@pulumi/policy";
import { isS3SseAlgorithm, type SseConfiguration } from "./encryption";
import type { KnownValues } from "./known";
import { checkCannedAcl, checkGrants } from "./public-access";
import type { StackCheckContext } from "./policy-legacy";
import { JoinIndex, knownStrings } from "./stack";
import { isKnown, isTrue } from "./values";

export const BUCKET = "aws:s3/bucket:Bucket";
export const SSE_CONFIGURATION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
export const BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const BUCKET_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

// ---------------------------------------------------------------------------------------------------------------
// Default encryption

const ALGORITHMS = "AES256, aws:kms or aws:kms:dsse";

/**
 * Judges default-encryption configurations: every rule must apply AES256, aws:kms or aws:kms:dsse. Unknown rules and
 * algorithms are deferred on `values` (the caller settles them when nothing else decided). No configuration at all
 * is fine: S3 applies SSE-S3 to every bucket since January 2023.
 */
export function encryptionProblems(configurations: readonly SseConfiguration[], values: KnownValues): string[] {
    const problems = new Set<string>();
    for (const { property, rules } of configurations) {
        for (const rule of rules) {
            if (!rule.known) {
                values.defer(rule.read);
            } else if (rule.kind === "no-default") {
                problems.add(
                    `\`${property}\` has a rule that applies no default encryption; give it an ` +
                        `\`applyServerSideEncryptionByDefault\` with \`sseAlgorithm\` ${ALGORITHMS}.`,
                );
            } else if (!rule.algorithm.known) {
                values.defer(rule.algorithm.read);
            } else if (!isS3SseAlgorithm(rule.algorithm.value)) {
                problems.add(`\`${property}\` has a rule whose \`sseAlgorithm\` is not ${ALGORITHMS}; set it to one of them.`);
            }
        }
    }
    return [...problems];
}

// ---------------------------------------------------------------------------------------------------------------
// ACLs

/**
 * Reports each public grant of a bucket (`acl`, deprecated inline `grants`) or a BucketAcl (`acl`,
 * `accessControlPolicy.grants`). Unknown values are skipped and remembered on `known`. Returns whether it reported.
 */
export function checkBucketAcl(canonicalType: string, props: Readonly<Record<string, unknown>>, known: KnownValues, report: (message: string) => void): boolean {
    let failed = false;
    const fail = (message: string) => {
        failed = true;
        report(message);
    };
    checkCannedAcl(props, "acl", known, fail);
    if (canonicalType === BUCKET) {
        // Deprecated inline grants: [{ type, uri, id, permissions }].
        const grants = known.get(props, "grants");
        if (grants.known) {
            checkGrants(grants.value, "grants", (g) => known.get(g, "uri"), known, fail);
        }
    } else {
        // accessControlPolicy: { owner, grants: [{ grantee: { type, uri, id, emailAddress }, permission }] }.
        const policy = known.get(props, "accessControlPolicy");
        const grants = policy.known ? known.get(policy.value, "grants") : undefined;
        if (grants?.known) {
            checkGrants(
                grants.value,
                "accessControlPolicy.grants",
                (g) => {
                    const grantee = known.get(g, "grantee");
                    return grantee.known ? known.get(grantee.value, "uri") : grantee;
                },
                known,
                fail,
            );
        }
    }
    return failed;
}

// ---------------------------------------------------------------------------------------------------------------
// S3 Block Public Access

export const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
export type BlockFlag = (typeof BLOCK_FLAGS)[number];

/** A flag across one or more access blocks: on only if every block turns it on (a flag left out is false). */
type State = "on" | "off" | "unknown";

function flagOf(block: PolicyResource, flag: BlockFlag): State {
    if (!isKnown(block.props, flag)) return "unknown";
    return isTrue(block.props[flag]) ? "on" : "off";
}

/** All blocks must turn the flag on; none at all is off. */
function allOf(blocks: readonly PolicyResource[], flag: BlockFlag): State {
    if (!blocks.length) return "off";
    const states = blocks.map((b) => flagOf(b, flag));
    if (states.includes("off")) return "off";
    return states.includes("unknown") ? "unknown" : "on";
}

/** S3 applies the most restrictive combination of the bucket and account settings, flag by flag. */
function either(a: State, b: State): State {
    if (a === "on" || b === "on") return "on";
    return a === "unknown" || b === "unknown" ? "unknown" : "off";
}

/** How S3 Block Public Access covers one bucket. */
export interface BlockCoverage {
    /** Settings that are off for this bucket (in its own block and in every account-level block). */
    readonly missing: readonly BlockFlag[];
    /** Settings whose value is unknown during preview (and not on elsewhere). */
    readonly unknown: readonly BlockFlag[];
    /** The bucket's own BucketPublicAccessBlock resources. */
    readonly own: readonly PolicyResource[];
    /** Whether a block whose bucket is unknown (or ambiguous) may be this bucket's own. */
    readonly ownMaybe: boolean;
    /** Whether an account-level block counts. */
    readonly accountLevel: boolean;
}

/**
 * The BucketPublicAccessBlock and AccountPublicAccessBlock resources of a stack, joined to its buckets by property
 * dependency on `bucket` first, then by the literal bucket name; never by resource order.
 */
export class PublicAccessBlocks {
    private readonly blocksOf = new Map<string, PolicyResource[]>();
    private readonly ambiguous = new Set<string>(); // buckets an unresolved block may cover
    private unresolved = false; // some block refers to a bucket that cannot be known yet
    private readonly accountBlocks: readonly PolicyResource[];

    constructor(stack: StackCheckContext, buckets: readonly PolicyResource[], acceptAccountLevelBlock: boolean) {
        this.accountBlocks = acceptAccountLevelBlock ? stack.ofType(ACCOUNT_BLOCK) : [];
        const index = new JoinIndex(buckets, (b) => knownStrings(b, "bucket"));
        for (const block of stack.ofType(BUCKET_BLOCK)) {
            const ref = index.resolve(block, "bucket");
            if (ref.kind === "none") continue;
            if (ref.kind === "unknown") {
                this.unresolved = true;
                continue;
            }
            let targets = ref.targets;
            if (targets.length > 1 && isKnown(block.props, "bucket") && typeof block.props.bucket === "string") {
                const name = block.props.bucket;
                const byName = targets.filter((t) => knownStrings(t, "bucket").includes(name));
                if (byName.length) targets = byName;
            }
            const [only] = targets;
            if (targets.length === 1 && only) {
                const list = this.blocksOf.get(only.urn) ?? [];
                list.push(block);
                this.blocksOf.set(only.urn, list);
            } else {
                for (const t of targets) this.ambiguous.add(t.urn);
            }
        }
    }

    coverage(bucket: PolicyResource): BlockCoverage {
        const own = this.blocksOf.get(bucket.urn) ?? [];
        const ownMaybe = !own.length && (this.unresolved || this.ambiguous.has(bucket.urn));
        const missing: BlockFlag[] = [];
        const unknown: BlockFlag[] = [];
        for (const flag of BLOCK_FLAGS) {
            const bucketLevel: State = ownMaybe ? "unknown" : allOf(own, flag);
            const state = either(bucketLevel, allOf(this.accountBlocks, flag));
            if (state === "off") missing.push(flag);
            if (state === "unknown") unknown.push(flag);
        }
        return { missing, unknown, own, ownMaybe, accountLevel: this.accountBlocks.length > 0 };
    }
}

/** The violation message for a bucket whose coverage misses settings (`missing` is not empty). */
export function missingBlockMessage(c: BlockCoverage, acceptAccountLevelBlock: boolean): string {
    const list = c.missing.map((f) => `\`${f}\``).join(", ");
    if (c.own.length || c.accountLevel) {
        return (
            `${list} ${c.missing.length === 1 ? "is" : "are"} not true for this bucket in its ` +
            "BucketPublicAccessBlock or an AccountPublicAccessBlock; set all four settings to true."
        );
    }
    if (acceptAccountLevelBlock) {
        return (
            "no BucketPublicAccessBlock refers to this bucket and the stack has no AccountPublicAccessBlock; " +
            "add a BucketPublicAccessBlock for it with all four settings true."
        );
    }
    return (
        "no BucketPublicAccessBlock refers to this bucket (account-level blocks do not count: " +
        "acceptAccountLevelBlock is false); add one for it with all four settings true."
    );
}

/** What is unknown about a bucket's coverage (`unknown` is not empty), for `cannotKnow`. */
export function unknownBlockWhat(c: BlockCoverage): string {
    return c.ownMaybe
        ? "the `bucket` of a BucketPublicAccessBlock (which bucket it covers)"
        : `${c.unknown.map((f) => `\`${f}\``).join(", ")} of its public access block`;
}
