// Encryption-at-rest judgements that several AWS policies share, on the one reader (core/read.ts) and the one verdict
// type (core/verdict.ts):
// - on/off switches, which some resources carry as booleans and others (launch templates, Redshift) as the strings
//   "true" / "false";
// - S3 default-encryption rules, in their three shapes (the inline block of `Bucket` with one `rule`, the inline lists
//   of the `BucketV2` alias, and the `rules` of a `BucketServerSideEncryptionConfiguration`);
// - KMS key references, where the AWS managed keys are the reserved aliases `alias/aws/<service>`;
// - EBS devices (volumes, instance block devices, launch-template mappings).

import type { BucketArgs } from "@pulumi/aws/s3/bucket";
import type { BucketServerSideEncryptionConfigurationArgs } from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
import type { BucketV2Args } from "@pulumi/aws/s3/bucketV2";
import type { s3 } from "@pulumi/aws/types/input";
import { type Shape, Value } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

/** A switch left unset: absent, null or the empty string (the provider's "not set"). */
export function isUnsetFlag(v: Value): boolean {
    return v.isUnset || v.value === "";
}

/** The same verdict with each message once (one finding reported by several elements of a block). */
export function distinct(v: Verdict): Verdict {
    return v.kind === "fail" ? fail(...new Set(v.messages)) : v;
}

// ---------------------------------------------------------------------------------------------------------------
// S3 default encryption

/** The default-encryption algorithms S3 applies (`sseAlgorithm`), in the spelling of the S3 API. */
export const S3_SSE_ALGORITHMS: readonly string[] = Object.freeze(["AES256", "aws:kms", "aws:kms:dsse"]);
/** The SSE-KMS algorithms (single- and dual-layer). */
export const S3_KMS_ALGORITHMS: readonly string[] = Object.freeze(["aws:kms", "aws:kms:dsse"]);

/**
 * A bucket's inputs: a canonical `aws:s3/bucket:Bucket` may be the deprecated `BucketV2` alias, whose inline
 * default encryption is the list `serverSideEncryptionConfigurations` (each with a list of `rules`).
 */
export type BucketShape = Shape<BucketArgs> | Shape<BucketV2Args>;
type SseConfigurationShape = Shape<BucketServerSideEncryptionConfigurationArgs>;
/** An inline configuration: Bucket's (one `rule`) or BucketV2's (a list of `rules`). */
type InlineConfigurationShape = Shape<s3.BucketServerSideEncryptionConfiguration> | Shape<s3.BucketV2ServerSideEncryptionConfiguration>;
/** One rule's default encryption: `sseAlgorithm` and `kmsMasterKeyId`. */
export interface SseDefault {
    readonly sseAlgorithm?: unknown;
    readonly kmsMasterKeyId?: unknown;
}

/**
 * A default-encryption configuration: the top-level property that holds it (for messages) and its rules, each the
 * rule's default-encryption block (`undefined`: a rule that applies none, or a configuration without rules). A rule
 * that is unknown during preview, or sits in an unknown block, is that unknown value.
 */
export interface SseConfiguration {
    readonly property: string;
    readonly rules: readonly (Value<SseDefault> | undefined)[];
}

type RuleShape = {
    readonly applyServerSideEncryptionByDefault?: SseDefault;
    readonly applyServerSideEncryptionByDefaults?: readonly SseDefault[];
};

function rulesOf(ruleBlocks: readonly Value<RuleShape>[]): (Value<SseDefault> | undefined)[] {
    if (!ruleBlocks.length) return [undefined];
    const out: (Value<SseDefault> | undefined)[] = [];
    for (const r of ruleBlocks) {
        if (r.isUnknown) {
            out.push(r as Value<SseDefault>);
            continue;
        }
        // Bucket and BucketServerSideEncryptionConfiguration: one `applyServerSideEncryptionByDefault` block;
        // BucketV2: a list `applyServerSideEncryptionByDefaults`.
        const defaults = [...r.get("applyServerSideEncryptionByDefault").blocks(), ...r.get("applyServerSideEncryptionByDefaults").blocks()];
        if (!defaults.length) out.push(undefined);
        else out.push(...defaults);
    }
    return out;
}

/**
 * The inline default-encryption configurations of a bucket: `serverSideEncryptionConfiguration` (Bucket: one object
 * with one `rule`) and `serverSideEncryptionConfigurations` (BucketV2: a list, each with a list of `rules`). Empty
 * when the bucket declares none (S3 then applies SSE-S3, its default since January 2023).
 */
export function s3InlineEncryption(bucket: Value<BucketShape>): SseConfiguration[] {
    const out: SseConfiguration[] = [];
    for (const property of ["serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"] as const) {
        const configs: Value<InlineConfigurationShape>[] = bucket.get(property).blocks();
        if (!configs.length) continue;
        const rules: (Value<SseDefault> | undefined)[] = [];
        for (const c of configs) {
            if (c.isUnknown) rules.push(c as Value<SseDefault>);
            else rules.push(...rulesOf([...c.get("rule").blocks(), ...c.get("rules").blocks()] as Value<RuleShape>[]));
        }
        out.push({ property, rules });
    }
    return out;
}

/** The rules of a `BucketServerSideEncryptionConfiguration` (and its V2 alias). */
export function s3ConfigurationEncryption(configuration: Value<SseConfigurationShape>): SseConfiguration {
    return { property: "rules", rules: rulesOf(configuration.get("rules").blocks()) };
}

const ALGORITHMS = "AES256, aws:kms or aws:kms:dsse";

/**
 * Every rule must apply AES256, aws:kms or aws:kms:dsse (any case: the provider rejects other spellings). No
 * configuration at all is fine: S3 applies SSE-S3 to every bucket since January 2023.
 */
export function s3DefaultEncryption(configurations: readonly SseConfiguration[]): Verdict {
    const messages: string[] = [];
    const needs: Value[] = [];
    for (const { property, rules } of configurations) {
        for (const rule of rules) {
            if (rule === undefined) {
                messages.push(
                    `\`${property}\` has a rule that applies no default encryption; give it an ` +
                        `\`applyServerSideEncryptionByDefault\` with \`sseAlgorithm\` ${ALGORITHMS}.`,
                );
            } else if (rule.isUnknown) {
                needs.push(rule);
            } else {
                const algorithm = rule.get("sseAlgorithm");
                if (algorithm.isUnknown) needs.push(algorithm);
                else if (!algorithm.isOneOf(...S3_SSE_ALGORITHMS)) {
                    messages.push(`\`${property}\` has a rule whose \`sseAlgorithm\` is not ${ALGORITHMS}; set it to one of them.`);
                }
            }
        }
    }
    if (messages.length) return fail(...new Set(messages));
    return needs.length ? unknown(...needs) : pass;
}

// ---------------------------------------------------------------------------------------------------------------
// KMS keys

/**
 * Whether a KMS key reference names an AWS managed key: the reserved aliases `alias/aws/<service>`, bare or as an
 * alias ARN (`arn:aws:kms:<region>:<account>:alias/aws/s3`). Customers cannot create aliases under `alias/aws/`.
 * Key ids and key ARNs of AWS managed keys cannot be told apart from customer managed ones by their text: they count
 * as customer managed here.
 */
export function isAwsManagedKeyAlias(key: Value): boolean {
    const s = key.text();
    return s !== undefined && /(^|:)alias\/aws\//i.test(s.trim());
}

/**
 * KMS resources whose ids and ARNs are always customer managed keys (an Alias too: customers cannot create aliases
 * under `alias/aws/`). A key reference that is unknown during preview but was built from one of these (property
 * dependency) names a customer managed key.
 */
export const CUSTOMER_MANAGED_KEY_TYPES: readonly string[] = Object.freeze([
    "aws:kms/key:Key",
    "aws:kms/replicaKey:ReplicaKey",
    "aws:kms/externalKey:ExternalKey",
    "aws:kms/replicaExternalKey:ReplicaExternalKey",
    "aws:kms/alias:Alias",
]);

// ---------------------------------------------------------------------------------------------------------------
// EBS

/**
 * The config setting shared by the EBS volume policies: whether the accounts and regions this stack deploys to have
 * EBS encryption by default turned on (an account-level setting, `aws.ebs.EncryptionByDefault`), so that a volume
 * that leaves `encrypted` unset is still encrypted. An explicit `encrypted: false` fails either way.
 */
export const EBS_ENCRYPTION_BY_DEFAULT_SETTING = {
    ebsEncryptionByDefault: {
        type: "boolean",
        default: false,
        description:
            "Set to true when EBS encryption by default is enabled in every account and region this stack deploys to " +
            "(aws.ebs.EncryptionByDefault, CIS AWS 2.2.1): volumes that leave `encrypted` unset then count as encrypted. " +
            "An explicit `encrypted: false` still fails.",
    },
} as const;

/**
 * Judges the `encrypted` flag of an EBS device (a boolean, or the string "true"/"false" in launch templates);
 * `snapshotId` is the device's snapshot, where it has one. `path` names the flag in messages (e.g.
 * "`rootBlockDevice.encrypted`").
 */
export function ebsDevice(encrypted: Value, snapshotId: Value | undefined, path: string, encryptionByDefault: boolean): Verdict {
    if (encrypted.isTrue()) return pass;
    if (encrypted.isUnknown) return unknown(encrypted);
    if (!isUnsetFlag(encrypted)) return fail(`${path} is not true; set it to true.`);
    if (encryptionByDefault) return pass;
    return fail(
        snapshotId?.isText()
            ? `${path} is not set, so the volume takes the encryption of its snapshot, which this policy cannot see; ` +
                  "set it to true, or enable EBS encryption by default and set the policy's `ebsEncryptionByDefault`."
            : `${path} is not set and EBS does not encrypt volumes by default; set it to true.`,
    );
}
