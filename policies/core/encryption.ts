// Reading encryption-at-rest settings as AWS resources carry them:
// - on/off flags, which some resources carry as booleans and others (launch templates, Redshift) as the strings
//   "true" / "false";
// - nested blocks that the schema allows once or many times, whose elements may be unknown during preview;
// - S3 default-encryption rules, in their three shapes (the deprecated inline block of `Bucket` with one `rule`,
//   the inline lists of `BucketV2`, and the `rules` of a `BucketServerSideEncryptionConfiguration`);
// - KMS key references, where the AWS managed keys are the reserved aliases `alias/aws/<service>`.
//
// Every reader here looks at whether a value is known before reading it (values.ts), and hands back the unknown ones
// with their property path and a `read` that re-reads them through the SDK's proxy, so that a check can decide from
// the known values and only then let an unknown one speak (known.ts).

import { isFalse, isKnown, isObject, isTrue, type Props } from "./values";

/** An unknown value: its property path (for messages) and a re-read that throws the SDK's UnknownValueError. */
export interface Unknown {
    readonly known: false;
    readonly path: string;
    readonly read: () => unknown;
}

export type Known<T> = { readonly known: true; readonly value: T; readonly path: string } | Unknown;

function join(base: string, key: string): string {
    return base ? `${base}.${key}` : key;
}

/** `o[key]` with its path, or the unknown marker for it. */
export function known(o: Props, key: string, base = ""): Known<unknown> {
    const path = join(base, key);
    return isKnown(o, key) ? { known: true, value: o[key], path } : { known: false, path, read: () => o[key] };
}

/** A string that says something: known, a string, not blank. */
export function isSet(v: unknown): v is string {
    return typeof v === "string" && v.trim() !== "";
}

/**
 * An encryption switch: `on` (true / "true"), `off` (false / "false"), `unset` (absent, null or ""), `invalid`
 * (anything else: treated as "not on" by the checks) or `unknown` during preview.
 */
export type Flag = "on" | "off" | "unset" | "invalid" | "unknown";

export function flag(o: Props, key: string): Flag {
    if (!isKnown(o, key)) return "unknown";
    const v = o[key];
    if (v === undefined || v === null || v === "") return "unset";
    if (isTrue(v)) return "on";
    if (isFalse(v)) return "off";
    return "invalid";
}

/**
 * The object elements of a block that the schema allows once or many times (`o[key]` an object or an array of
 * objects), each with its path; unknown elements (or an unknown block) come back as unknown markers. Absent → [].
 */
export function blocks(o: Props, key: string, base = ""): Known<Props>[] {
    const path = join(base, key);
    if (!isKnown(o, key)) return [{ known: false, path, read: () => o[key] }];
    const v = o[key];
    if (Array.isArray(v)) {
        const out: Known<Props>[] = [];
        const arr: readonly unknown[] = v;
        for (let i = 0; i < arr.length; i++) {
            const at = `${path}[${i}]`;
            if (!isKnown(arr, String(i))) {
                out.push({ known: false, path: at, read: () => arr[i] });
                continue;
            }
            const e = arr[i];
            if (isObject(e)) out.push({ known: true, value: e, path: at });
        }
        return out;
    }
    return isObject(v) ? [{ known: true, value: v, path }] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// S3 default encryption

/** The default-encryption algorithms S3 applies (`sseAlgorithm`), in the spelling of the S3 API. */
export const S3_SSE_ALGORITHMS: readonly string[] = Object.freeze(["AES256", "aws:kms", "aws:kms:dsse"]);
/** The SSE-KMS algorithms (single- and dual-layer). */
export const S3_KMS_ALGORITHMS: readonly string[] = Object.freeze(["aws:kms", "aws:kms:dsse"]);

function oneOf(v: unknown, allowed: readonly string[]): boolean {
    return typeof v === "string" && allowed.some((a) => a.toLowerCase() === v.trim().toLowerCase());
}

/** AES256, aws:kms or aws:kms:dsse (any case: the provider rejects other spellings before S3 sees them). */
export function isS3SseAlgorithm(v: unknown): boolean {
    return oneOf(v, S3_SSE_ALGORITHMS);
}

export function isS3KmsAlgorithm(v: unknown): boolean {
    return oneOf(v, S3_KMS_ALGORITHMS);
}

/** One default-encryption rule, as far as it is known. */
export type SseRule =
    /** The rule, or a block it sits in, is unknown. */
    | Unknown
    /** A rule that applies no default encryption (no `applyServerSideEncryptionByDefault`), or a configuration without rules. */
    | { readonly known: true; readonly kind: "no-default"; readonly path: string }
    /** A rule's default encryption: its algorithm and KMS key, each possibly unknown. */
    | {
          readonly known: true;
          readonly kind: "default";
          readonly path: string;
          readonly algorithm: Known<unknown>;
          readonly kmsMasterKeyId: Known<unknown>;
      };

/** A default-encryption configuration: the top-level property that holds it (for messages) and its rules. */
export interface SseConfiguration {
    readonly property: string;
    readonly rules: readonly SseRule[];
}

function rulesOf(ruleBlocks: readonly Known<Props>[], emptyPath: string): SseRule[] {
    if (!ruleBlocks.length) return [{ known: true, kind: "no-default", path: emptyPath }];
    const out: SseRule[] = [];
    for (const r of ruleBlocks) {
        if (!r.known) {
            out.push(r);
            continue;
        }
        // Bucket and BucketServerSideEncryptionConfiguration: one `applyServerSideEncryptionByDefault` block;
        // BucketV2: a list `applyServerSideEncryptionByDefaults`.
        const defaults = [
            ...blocks(r.value, "applyServerSideEncryptionByDefault", r.path),
            ...blocks(r.value, "applyServerSideEncryptionByDefaults", r.path),
        ];
        if (!defaults.length) {
            out.push({ known: true, kind: "no-default", path: r.path });
            continue;
        }
        for (const d of defaults) {
            if (!d.known) {
                out.push(d);
                continue;
            }
            out.push({
                known: true,
                kind: "default",
                path: d.path,
                algorithm: known(d.value, "sseAlgorithm", d.path),
                kmsMasterKeyId: known(d.value, "kmsMasterKeyId", d.path),
            });
        }
    }
    return out;
}

/**
 * The inline default-encryption configurations of a bucket: `serverSideEncryptionConfiguration` (Bucket: one object
 * with one `rule`) and `serverSideEncryptionConfigurations` (BucketV2: a list, each with a list of `rules`). Empty
 * when the bucket declares none (S3 then applies SSE-S3, its default since January 2023).
 */
export function s3InlineEncryption(bucket: Props): SseConfiguration[] {
    const out: SseConfiguration[] = [];
    for (const property of ["serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"]) {
        const configs = blocks(bucket, property);
        if (!configs.length) continue;
        const rules: SseRule[] = [];
        for (const c of configs) {
            if (!c.known) rules.push(c);
            else rules.push(...rulesOf([...blocks(c.value, "rule", c.path), ...blocks(c.value, "rules", c.path)], c.path));
        }
        out.push({ property, rules });
    }
    return out;
}

/** The rules of a `BucketServerSideEncryptionConfiguration` (and its V2 alias). */
export function s3ConfigurationEncryption(configuration: Props): SseConfiguration {
    return { property: "rules", rules: rulesOf(blocks(configuration, "rules"), "rules") };
}

// ---------------------------------------------------------------------------------------------------------------
// KMS keys

/**
 * Whether a KMS key reference names an AWS managed key: the reserved aliases `alias/aws/<service>`, bare or as an
 * alias ARN (`arn:aws:kms:<region>:<account>:alias/aws/s3`). Customers cannot create aliases under `alias/aws/`.
 * Key ids and key ARNs of AWS managed keys cannot be told apart from customer managed ones by their text: they count
 * as customer managed here.
 */
export function isAwsManagedKeyAlias(v: unknown): boolean {
    return typeof v === "string" && /(^|:)alias\/aws\//i.test(v.trim());
}

/** A key reference that names a customer managed key as far as its text can tell (set, not an AWS managed alias). */
export function isCustomerManagedKeyRef(v: unknown): boolean {
    return isSet(v) && !isAwsManagedKeyAlias(v);
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

/** What one EBS device (volume, block device, launch-template mapping) says about its encryption. */
export type EbsDevice = { readonly kind: "encrypted" } | { readonly kind: "unknown"; readonly read: () => unknown } | { readonly kind: "violation"; readonly message: string };

/**
 * Judges the `encrypted` flag of an EBS device (a boolean, or the string "true"/"false" in launch templates).
 * `path` names the flag in messages (e.g. "`rootBlockDevice.encrypted`").
 */
export function ebsDevice(device: Props, path: string, encryptionByDefault: boolean): EbsDevice {
    const f = flag(device, "encrypted");
    switch (f) {
        case "on":
            return { kind: "encrypted" };
        case "unknown":
            return { kind: "unknown", read: () => device["encrypted"] };
        case "unset": {
            if (encryptionByDefault) return { kind: "encrypted" };
            const fromSnapshot = isKnown(device, "snapshotId") && isSet(device["snapshotId"]);
            return {
                kind: "violation",
                message: fromSnapshot
                    ? `${path} is not set, so the volume takes the encryption of its snapshot, which this policy cannot see; ` +
                      "set it to true, or enable EBS encryption by default and set the policy's `ebsEncryptionByDefault`."
                    : `${path} is not set and EBS does not encrypt volumes by default; set it to true.`,
            };
        }
        default:
            return { kind: "violation", message: `${path} is not true; set it to true.` };
    }
}
