import { CUSTOMER_MANAGED_KEY_TYPES, isAwsManagedKeyAlias, S3_KMS_ALGORITHMS, s3ConfigurationEncryption, s3InlineEncryption, type SseConfiguration } from "../core/encryption";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { BUCKET, SSE_CONFIGURATION } from "../core/s3-bucket";
import { Companions, Join, texts } from "../core/stack";
import { canonicalType } from "../core/tokens";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const FIX = "apply aws:kms or aws:kms:dsse with `kmsMasterKeyId` set to a customer managed KMS key";
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Whether `property` of `r` was built from a customer managed KMS key of this stack. */
function builtFromCustomerKey(r: StackResource, property: string): boolean {
    return (r.resource.propertyDependencies[property] ?? []).some((d) => CUSTOMER_MANAGED_KEY_TYPES.includes(canonicalType(d.type)));
}

/**
 * Judges one default-encryption configuration: every rule must apply SSE-KMS (single or dual layer) with a customer
 * managed key. A key id that is unknown during preview counts as customer managed when the configuration was built
 * from a KMS key of the stack (property dependency); otherwise the verdict waits for it.
 */
function judge({ property, rules }: SseConfiguration, keyFromStack: boolean, label: string): Verdict {
    const messages: string[] = [];
    let unknownPath: string | undefined;
    for (const rule of rules) {
        if (rule === undefined) {
            messages.push(`${label}\`${property}\` has a rule that applies no default encryption; ${FIX}.`);
            continue;
        }
        if (rule.isUnknown) {
            unknownPath ??= rule.path;
            continue;
        }
        const algorithm = rule.get("sseAlgorithm");
        const key = rule.get("kmsMasterKeyId");
        if (algorithm.isUnknown) {
            unknownPath ??= algorithm.path;
        } else if (!algorithm.isOneOf(...S3_KMS_ALGORITHMS)) {
            messages.push(`${label}\`${property}\` has a rule whose \`sseAlgorithm\` is not aws:kms or aws:kms:dsse; ${FIX}.`);
        } else if (key.isUnknown) {
            if (!keyFromStack) unknownPath ??= key.path;
        } else if (!key.isText()) {
            messages.push(
                `${label}\`${property}\` has a rule without \`kmsMasterKeyId\`, so S3 uses the AWS managed key aws/s3; ` +
                    "set it to a customer managed KMS key.",
            );
        } else if (isAwsManagedKeyAlias(key)) {
            messages.push(
                `${label}\`${property}\` has a rule whose \`kmsMasterKeyId\` names an AWS managed key (alias/aws/...); ` +
                    "set it to a customer managed KMS key.",
            );
        }
    }
    if (messages.length) return fail(...new Set(messages));
    return unknownPath === undefined ? pass : unknown(`${label}\`${unknownPath}\``);
}

/** Every violation of `verdicts`; else the first thing unknown; else pass. */
function combine(verdicts: readonly Verdict[]): Verdict {
    const v = all(verdicts);
    return v.kind === "unknown" ? unknown(v.needs[0]) : v;
}

function judgeConfigurationResource(c: StackResource<typeof SSE_CONFIGURATION>, forBucket: boolean): Verdict {
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
    examples: {
        pass: [
            {
                title: "a configuration with a customer managed key",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    {
                        type: SSE_CONFIGURATION,
                        name: "data-sse",
                        props: { bucket: "data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] },
                        propertyDependencies: { bucket: ["data"] },
                    },
                ],
            },
        ],
        fail: [
            { title: "a bucket without a configuration (SSE-S3)", resources: [{ type: BUCKET, name: "data", props: { bucket: "data" } }] },
            {
                title: "a configuration with the AWS managed key",
                resources: [
                    { type: BUCKET, name: "data", props: { bucket: "data" } },
                    {
                        type: SSE_CONFIGURATION,
                        name: "data-sse",
                        props: { bucket: "data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }] },
                        propertyDependencies: { bucket: ["data"] },
                    },
                ],
            },
        ],
    },
    *check(stack) {
        const buckets = stack.ofType(BUCKET);
        const configurations = stack.ofType(SSE_CONFIGURATION);
        const joined = new Companions(new Join(buckets, (b) => texts(b.props.get("bucket"))), configurations, "bucket");

        // A configuration whose bucket is not in this stack (or not yet known) is judged on its own.
        const alone = new Set([...joined.unresolved, ...joined.unjoined]);
        for (const c of configurations) if (alone.has(c)) yield { urn: c.urn, verdict: judgeConfigurationResource(c, false) };

        const [unresolved] = joined.unresolved;
        for (const b of buckets) {
            const own = joined.of(b);
            let verdict: Verdict;
            if (own.length) {
                // The separate resource overrides the deprecated inline block (whose output echoes what S3 reports).
                verdict = combine(own.map((c) => judgeConfigurationResource(c, true)));
            } else {
                const inline = s3InlineEncryption(b.props);
                verdict = inline.length
                    ? combine(inline.map((cfg) => judge(cfg, builtFromCustomerKey(b, cfg.property), "")))
                    : fail(
                          "no BucketServerSideEncryptionConfiguration for this bucket (nor an inline " +
                              "`serverSideEncryptionConfiguration`) applies SSE-KMS with a customer managed key, so S3 " +
                              `uses SSE-S3; add a BucketServerSideEncryptionConfiguration that ${FIX}.`,
                      );
                if (verdict.kind !== "pass" && unresolved) {
                    // A configuration whose bucket is unknown during preview may be this bucket's.
                    verdict = unknown(`\`bucket\` of BucketServerSideEncryptionConfiguration "${unresolved.name}"`);
                }
            }
            yield { urn: b.urn, verdict };
        }
    },
});
