import type { PolicyResource } from "@pulumi/policy";
import {
    CUSTOMER_MANAGED_KEY_TYPES,
    isAwsManagedKeyAlias,
    isS3KmsAlgorithm,
    isSet,
    s3ConfigurationEncryption,
    s3InlineEncryption,
    type SseConfiguration,
} from "../core/encryption";
import { defineStackPolicy } from "../core/policy-legacy";
import { JoinIndex, knownStrings } from "../core/stack";
import { canonicalType } from "../core/tokens";

const BUCKET = "aws:s3/bucket:Bucket";
const SSE_CONFIGURATION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

const FIX = "apply aws:kms or aws:kms:dsse with `kmsMasterKeyId` set to a customer managed KMS key";

type Verdict =
    | { readonly kind: "pass" }
    | { readonly kind: "fail"; readonly messages: readonly string[] }
    | { readonly kind: "unknown"; readonly what: string };

/** Whether `property` of `r` was built from a customer managed KMS key of this stack. */
function builtFromCustomerKey(r: PolicyResource, property: string): boolean {
    return (r.propertyDependencies[property] ?? []).some((d) => CUSTOMER_MANAGED_KEY_TYPES.includes(canonicalType(d.type)));
}

/**
 * Judges one default-encryption configuration: every rule must apply SSE-KMS (single or dual layer) with a customer
 * managed key. A key id that is unknown during preview counts as customer managed when the configuration was built
 * from a KMS key of the stack (property dependency); otherwise the verdict waits for it.
 */
function judge({ property, rules }: SseConfiguration, keyFromStack: boolean, label: string): Verdict {
    const messages: string[] = [];
    let unknown: string | undefined;
    for (const rule of rules) {
        if (!rule.known) {
            unknown ??= rule.path;
        } else if (rule.kind === "no-default") {
            messages.push(`${label}\`${property}\` has a rule that applies no default encryption; ${FIX}.`);
        } else if (!rule.algorithm.known) {
            unknown ??= rule.algorithm.path;
        } else if (!isS3KmsAlgorithm(rule.algorithm.value)) {
            messages.push(`${label}\`${property}\` has a rule whose \`sseAlgorithm\` is not aws:kms or aws:kms:dsse; ${FIX}.`);
        } else if (!rule.kmsMasterKeyId.known) {
            if (!keyFromStack) unknown ??= rule.kmsMasterKeyId.path;
        } else if (!isSet(rule.kmsMasterKeyId.value)) {
            messages.push(
                `${label}\`${property}\` has a rule without \`kmsMasterKeyId\`, so S3 uses the AWS managed key aws/s3; ` +
                    "set it to a customer managed KMS key.",
            );
        } else if (isAwsManagedKeyAlias(rule.kmsMasterKeyId.value)) {
            messages.push(
                `${label}\`${property}\` has a rule whose \`kmsMasterKeyId\` names an AWS managed key (alias/aws/...); ` +
                    "set it to a customer managed KMS key.",
            );
        }
    }
    if (messages.length) return { kind: "fail", messages: [...new Set(messages)] };
    if (unknown !== undefined) return { kind: "unknown", what: `${label}\`${unknown}\`` };
    return { kind: "pass" };
}

function combine(verdicts: readonly Verdict[]): Verdict {
    const messages = verdicts.flatMap((v) => (v.kind === "fail" ? v.messages : []));
    if (messages.length) return { kind: "fail", messages };
    const unknown = verdicts.find((v): v is Extract<Verdict, { kind: "unknown" }> => v.kind === "unknown");
    return unknown ?? { kind: "pass" };
}

function judgeConfigurationResource(c: PolicyResource, forBucket: boolean): Verdict {
    const label = forBucket ? `BucketServerSideEncryptionConfiguration "${c.name}": ` : "";
    return judge(s3ConfigurationEncryption(c.props), builtFromCustomerKey(c, "rules"), label);
}

export default defineStackPolicy({
    name: "aws-s3-bucket-require-customer-managed-key",
    title: "S3 buckets encrypt with a customer managed KMS key",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "medium",
    description:
        "S3 buckets should encrypt by default with SSE-KMS (aws:kms or aws:kms:dsse) under a customer managed KMS key, " +
        "so that the key policy, rotation and CloudTrail record of key use stay under the customer's control. The " +
        "bucket's BucketServerSideEncryptionConfiguration resources (joined by property dependency, then by bucket " +
        "name) decide; without one, the bucket's deprecated inline configuration does; a bucket with neither fails.",
    remediation:
        "Add a BucketServerSideEncryptionConfiguration with `bucket: bucket.id` and a rule whose " +
        "`applyServerSideEncryptionByDefault` sets `sseAlgorithm` to aws:kms (or aws:kms:dsse) and `kmsMasterKeyId` to " +
        "a customer managed key (an aws.kms.Key's ARN), not the AWS managed alias/aws/s3.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "advisory",
    resourceTypes: [BUCKET, SSE_CONFIGURATION],
    config: {},
    check(stack, _config, report) {
        const buckets = stack.ofType(BUCKET);
        const index = new JoinIndex(buckets, (b) => knownStrings(b, "bucket"));
        const configurationsOf = new Map<string, PolicyResource[]>();
        const unresolved: PolicyResource[] = [];

        for (const c of stack.ofType(SSE_CONFIGURATION)) {
            const ref = index.resolve(c, "bucket");
            if (ref.kind === "resources") {
                for (const b of ref.targets) {
                    const list = configurationsOf.get(b.urn) ?? [];
                    list.push(c);
                    configurationsOf.set(b.urn, list);
                }
                continue;
            }
            if (ref.kind === "unknown") unresolved.push(c);
            // A configuration whose bucket is not in this stack (or not yet known) is judged on its own.
            const own = judgeConfigurationResource(c, false);
            if (own.kind === "fail") own.messages.forEach((m) => report.violation(c.urn, m));
            else if (own.kind === "unknown") report.cannotKnow(c.urn, own.what);
        }

        for (const b of buckets) {
            const joined = configurationsOf.get(b.urn);
            let verdict: Verdict;
            if (joined?.length) {
                // The separate resource overrides the deprecated inline block (whose output echoes what S3 reports).
                verdict = combine(joined.map((c) => judgeConfigurationResource(c, true)));
            } else {
                const inline = s3InlineEncryption(b.props);
                verdict = inline.length
                    ? combine(inline.map((cfg) => judge(cfg, builtFromCustomerKey(b, cfg.property), "")))
                    : {
                          kind: "fail",
                          messages: [
                              "no BucketServerSideEncryptionConfiguration for this bucket (nor an inline " +
                                  "`serverSideEncryptionConfiguration`) applies SSE-KMS with a customer managed key, so S3 " +
                                  `uses SSE-S3; add a BucketServerSideEncryptionConfiguration that ${FIX}.`,
                          ],
                      };
                const [first] = unresolved;
                if (verdict.kind !== "pass" && first) {
                    // A configuration whose bucket is unknown during preview may be this bucket's.
                    verdict = { kind: "unknown", what: `\`bucket\` of BucketServerSideEncryptionConfiguration "${first.name}"` };
                }
            }
            if (verdict.kind === "fail") verdict.messages.forEach((m) => report.violation(b.urn, m));
            else if (verdict.kind === "unknown") report.cannotKnow(b.urn, verdict.what);
        }
    },
});
