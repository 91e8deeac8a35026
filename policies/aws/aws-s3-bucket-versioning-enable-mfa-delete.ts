import type { BucketShape } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { each, fail, pass, unknown, type Verdict } from "../core/verdict";

const BUCKET = "aws:s3/bucket:Bucket";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";

const MESSAGE =
    "versioning is on but MFA delete is not, so anyone with the bucket's delete permissions can remove object versions " +
    "or suspend versioning without a second factor";

/** An inline `versioning` block (Bucket: one; BucketV2: a list) with boolean `enabled` / `mfaDelete`. */
function inline(block: Value<{ readonly enabled?: unknown; readonly mfaDelete?: unknown }>, path: string): Verdict {
    if (block.isUnknown) return unknown(block);
    const enabled = block.get("enabled");
    const mfa = block.get("mfaDelete");
    if (!enabled.isTrue() || mfa.isTrue()) return enabled.isUnknown || (enabled.isTrue() && mfa.isUnknown) ? unknown(enabled, mfa) : pass;
    return fail(`\`${path}.mfaDelete\` is not true: ${MESSAGE}; enable it (root user with its MFA device) or accept this advisory.`);
}

export default defineResourcePolicy({
    name: "aws-s3-bucket-versioning-enable-mfa-delete",
    title: "Versioned S3 buckets require MFA to delete object versions",
    cloud: "aws",
    control: "mfa",
    severity: "low",
    description:
        "A versioned S3 bucket should have MFA delete enabled (CIS AWS 2.1.2): `versioningConfiguration.mfaDelete: " +
        "\"Enabled\"` on its BucketVersioning (or `mfaDelete: true` in a bucket's inline versioning), so that permanently " +
        "deleting a version or suspending versioning needs the root user's MFA code. Advisory by default, deliberately: " +
        "MFA delete can only be turned on by the account's root user, through the API, with a current code from the root " +
        "MFA device in the request (`mfa`) — a deployment that follows IAM practice (no root credentials in pipelines) " +
        "cannot comply, and blocking every versioned bucket would stop such stacks outright. Buckets without versioning " +
        "are not checked (MFA delete needs versioning).",
    remediation:
        "As the root user, run once: `aws s3api put-bucket-versioning --bucket <name> --versioning-configuration " +
        "Status=Enabled,MFADelete=Enabled --mfa \"<root MFA device ARN> <code>\"`, then declare `mfaDelete: \"Enabled\"` " +
        "(and `ignoreChanges: [\"mfa\"]`) so the program agrees. Otherwise, protect versions with S3 Object Lock or AWS " +
        "Backup and exempt the bucket from this advisory.",
    frameworks: [{ framework: "cis-aws", version: "3.0.0", id: "2.1.2" }],
    enforcementLevel: "advisory",
    resourceTypes: [VERSIONING, BUCKET],
    config: {},
    catalogue: ["aws-mfa-s3-mfa-delete"],
    examples: {
        pass: [
            { title: "versioning with MFA delete", type: VERSIONING, props: { bucket: "audit", versioningConfiguration: { status: "Enabled", mfaDelete: "Enabled" } } },
            { title: "a bucket without versioning", type: BUCKET, props: { bucket: "scratch" } },
        ],
        fail: [{ title: "versioning without MFA delete", type: VERSIONING, props: { bucket: "audit", versioningConfiguration: { status: "Enabled" } } }],
    },
    check(r) {
        if (r.canonicalType === BUCKET) {
            const bucket = r.props as Value<BucketShape>;
            return each([...bucket.get("versioning").blocks(), ...bucket.get("versionings").blocks()], (b) =>
                inline(b, b.path.startsWith("versionings") ? "versionings[]" : "versioning"),
            );
        }
        const configuration = r.props.get("versioningConfiguration");
        const status = configuration.get("status");
        const mfa = configuration.get("mfaDelete");
        if (mfa.isOneOf("Enabled")) return pass;
        if (status.isUnknown || mfa.isUnknown) return unknown(status, mfa);
        if (!status.isOneOf("Enabled", "Suspended")) return pass; // not versioned
        return fail(`\`versioningConfiguration.mfaDelete\` is not "Enabled": ${MESSAGE}; enable it (root user with its MFA device) or accept this advisory.`);
    },
});
