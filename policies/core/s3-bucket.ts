// Judgements on one S3 bucket that both a resource policy (one resource at a time) and a stack policy (a trail's log
// bucket, joined with its companion resources) make: its default encryption, its ACL, and whether S3 Block Public
// Access covers it. Messages say which property and what it must be, never a value.

import type { ResourceOf, StackResource, StackView } from "./policy";
import { cannedAcl, grants } from "./public-access";
import { Value } from "./read";
import { Join, texts } from "./stack";
import { all, fail, pass, unknown, type Verdict } from "./verdict";

export const BUCKET = "aws:s3/bucket:Bucket";
export const SSE_CONFIGURATION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
export const BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const BUCKET_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

// ---------------------------------------------------------------------------------------------------------------
// ACLs

/**
 * No public grant on a bucket (`acl`, deprecated inline `grants`) or a BucketAcl (`acl`, `accessControlPolicy.grants`):
 * one message per public canned ACL or grant.
 */
export function bucketAcl(r: ResourceOf<typeof BUCKET | typeof BUCKET_ACL>): Verdict {
    if (r.canonicalType === BUCKET) {
        // Deprecated inline grants: [{ type, uri, id, permissions }].
        return all([cannedAcl(r.props.get("acl"), "acl"), grants(r.props.get("grants"), "grants", (g) => g.get("uri"))]);
    }
    // accessControlPolicy: { owner, grants: [{ grantee: { type, uri, id, emailAddress }, permission }] }.
    return all([
        cannedAcl(r.props.get("acl"), "acl"),
        grants(r.props.get("accessControlPolicy").get("grants"), "accessControlPolicy.grants", (g) => g.get("grantee").get("uri")),
    ]);
}

// ---------------------------------------------------------------------------------------------------------------
// S3 Block Public Access

export const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
export type BlockFlag = (typeof BLOCK_FLAGS)[number];

type Block = StackResource<typeof BUCKET_BLOCK> | StackResource<typeof ACCOUNT_BLOCK>;

/** A flag across one or more access blocks: on only if every block turns it on (a flag left out is false; none is off). */
function everyBlock(blocks: readonly Block[], flag: BlockFlag): Verdict {
    if (!blocks.length) return fail(flag);
    return all(
        blocks.map((b) => {
            const v = (b.props as Value<{ readonly [K in BlockFlag]?: unknown }>).get(flag);
            return v.isUnknown ? unknown(v) : v.isTrue() ? pass : fail(flag);
        }),
    );
}

/** S3 applies the most restrictive combination of the bucket and account settings: on when either turns it on. */
function either(a: Verdict, b: Verdict): Verdict {
    if (a.kind === "pass" || b.kind === "pass") return pass;
    return a.kind === "unknown" ? a : b;
}

/** How S3 Block Public Access covers one bucket. */
export interface BlockCoverage {
    /**
     * Settings that no block in the stack turns on for this bucket (its own blocks and every account-level block);
     * a bucket with no block of its own counts its settings as missing here — see `turnedOff` for S3's default.
     */
    readonly missing: readonly BlockFlag[];
    /**
     * Settings that a block of the bucket's own turns off (false, or left out: a BucketPublicAccessBlock writes false
     * for a setting it leaves out) and no account-level block turns on. A bucket with no block of its own has S3's
     * default since April 2023 — all four on — so nothing is turned off for it.
     */
    readonly turnedOff: readonly BlockFlag[];
    /** Settings whose value is unknown during preview (and not on elsewhere). */
    readonly unknown: readonly BlockFlag[];
    /** The bucket's own BucketPublicAccessBlock resources. */
    readonly own: readonly StackResource[];
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
    private readonly blocksOf = new Map<string, StackResource<typeof BUCKET_BLOCK>[]>();
    private readonly ambiguous = new Set<string>(); // buckets an unresolved block may cover
    private unresolved = false; // some block refers to a bucket that cannot be known yet
    private readonly undecided: StackResource<typeof BUCKET_BLOCK>[] = []; // blocks whose bucket is unknown or ambiguous
    private readonly accountBlocks: readonly StackResource<typeof ACCOUNT_BLOCK>[];
    // Judged once per stack, not once per bucket (linear in the number of resources):
    private readonly accountLevel = new Map<BlockFlag, Verdict>();
    private undecidedAllOn: boolean | undefined; // every setting of every undecided block is known to be on

    constructor(stack: StackView, buckets: readonly StackResource<typeof BUCKET>[], acceptAccountLevelBlock: boolean) {
        this.accountBlocks = acceptAccountLevelBlock ? stack.ofType(ACCOUNT_BLOCK) : [];
        const join = new Join(buckets, (b) => texts(b.props.get("bucket")));
        for (const block of stack.ofType(BUCKET_BLOCK)) {
            const ref = join.resolve(block, "bucket");
            if (ref.kind === "none") continue;
            if (ref.kind === "unknown") {
                this.unresolved = true;
                this.undecided.push(block);
                continue;
            }
            let targets = ref.targets;
            const name = block.props.get("bucket").text();
            if (targets.length > 1 && name !== undefined) {
                const byName = targets.filter((t) => texts(t.props.get("bucket")).includes(name));
                if (byName.length) targets = byName;
            }
            const [only] = targets;
            if (targets.length === 1 && only) {
                const list = this.blocksOf.get(only.urn) ?? [];
                list.push(block);
                this.blocksOf.set(only.urn, list);
            } else {
                for (const t of targets) this.ambiguous.add(t.urn);
                this.undecided.push(block);
            }
        }
    }

    coverage(bucket: { readonly urn: string }): BlockCoverage {
        const own = this.blocksOf.get(bucket.urn) ?? [];
        const ownMaybe = !own.length && (this.unresolved || this.ambiguous.has(bucket.urn));
        const missing: BlockFlag[] = [];
        const turnedOff: BlockFlag[] = [];
        const unknownFlags: BlockFlag[] = [];
        for (const flag of BLOCK_FLAGS) {
            const bucketLevel = ownMaybe ? unknown("its own block") : everyBlock(own, flag);
            let accountLevel = this.accountLevel.get(flag);
            if (!accountLevel) this.accountLevel.set(flag, (accountLevel = everyBlock(this.accountBlocks, flag)));
            const state = either(bucketLevel, accountLevel);
            if (state.kind === "fail") {
                missing.push(flag);
                if (own.length) turnedOff.push(flag);
            }
            if (state.kind === "unknown") unknownFlags.push(flag);
        }
        return { missing, turnedOff, unknown: unknownFlags, own, ownMaybe, accountLevel: this.accountBlocks.length > 0 };
    }

    /**
     * Fails when a setting is off for `bucket` as the stack declares it — a bucket with no block of its own counts
     * as off; unknown while one depends on a value unknown during preview. (The strict reading: FSBP S3.8's.)
     */
    verdict(bucket: { readonly urn: string }, acceptAccountLevelBlock: boolean): Verdict {
        const c = this.coverage(bucket);
        if (c.missing.length) return fail(missingBlockMessage(c, acceptAccountLevelBlock));
        return c.unknown.length ? unknown(unknownBlockWhat(c)) : pass;
    }

    /**
     * Fails when a block of the bucket's own turns a setting off and no account-level block turns it on; a bucket
     * with no block of its own has S3's default (all four on, April 2023) and passes. Unknown while a block's
     * setting, or which bucket a block covers, is unknown during preview.
     */
    turnedOffVerdict(bucket: { readonly urn: string }): Verdict {
        const c = this.coverage(bucket);
        if (c.turnedOff.length) return fail(turnedOffBlockMessage(c));
        if (!c.own.length && !c.ownMaybe) return pass; // S3's default: all four on
        // A block that may be this bucket's turns nothing off when every setting of it is known to be on.
        this.undecidedAllOn ??= this.undecided.every((b) => BLOCK_FLAGS.every((f) => everyBlock([b], f).kind === "pass"));
        if (!c.own.length && this.undecidedAllOn) return pass;
        return c.unknown.length ? unknown(unknownBlockWhat(c)) : pass;
    }
}

/** The violation message for a bucket whose own block turns settings off (`turnedOff` is not empty). */
export function turnedOffBlockMessage(c: BlockCoverage): string {
    const list = c.turnedOff.map((f) => `\`${f}\``).join(", ");
    const one = c.turnedOff.length === 1;
    return (
        `${list} ${one ? "is" : "are"} not true in this bucket's BucketPublicAccessBlock${c.accountLevel ? " nor in an AccountPublicAccessBlock" : ""}, ` +
        `which turns ${one ? "it" : "them"} off (a setting the block leaves out is off) although S3 turns all four on ` +
        "for a new bucket; set all four to true, or remove the block to keep S3's default."
    );
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

/** What is unknown about a bucket's coverage (`unknown` is not empty), for the advisory. */
export function unknownBlockWhat(c: BlockCoverage): string {
    return c.ownMaybe
        ? "the `bucket` of a BucketPublicAccessBlock (which bucket it covers)"
        : `${c.unknown.map((f) => `\`${f}\``).join(", ")} of its public access block`;
}
