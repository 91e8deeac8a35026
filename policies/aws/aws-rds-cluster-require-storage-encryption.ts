import { defineResourcePolicy } from "../core/policy";
import { isUnsetFlag } from "../core/encryption";
import type { Value } from "../core/read";
import { fail, failIf, pass, unknown, type Verdict } from "../core/verdict";

const CLUSTER = "aws:rds/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";

/** `storageEncrypted` must be true; when it is unset, `whenUnset` judges the default. */
function storage(encrypted: Value, whenUnset: () => Verdict): Verdict {
    if (encrypted.isTrue()) return pass;
    if (encrypted.isUnknown) return unknown(encrypted);
    if (!isUnsetFlag(encrypted)) return fail("`storageEncrypted` is not true; set it to true.");
    return whenUnset();
}

export default defineResourcePolicy({
    name: "aws-rds-cluster-require-storage-encryption",
    title: "RDS and Aurora DB clusters encrypt their storage",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "RDS DB clusters (Aurora and Multi-AZ DB clusters) and Aurora global clusters must encrypt their storage. " +
        "`storageEncrypted` defaults to false, except for clusters in the `serverless` engine mode and global clusters " +
        "created from an existing cluster (`sourceDbClusterIdentifier`), which take that cluster's encryption.",
    remediation:
        "Set `storageEncrypted: true` (optionally with `kmsKeyId` for a customer managed key). Encryption cannot be " +
        "turned on for an existing cluster: restore an encrypted copy of a snapshot and switch over.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.27" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [CLUSTER, GLOBAL_CLUSTER],
    config: {},
    examples: {
        pass: [
            { title: "a cluster with encrypted storage", type: CLUSTER, props: { engine: "aurora-postgresql", storageEncrypted: true } },
            { title: "a global cluster created from an existing cluster", type: GLOBAL_CLUSTER, props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:c" } },
        ],
        fail: [
            { title: "a provisioned cluster that leaves `storageEncrypted` unset", type: CLUSTER, props: { engine: "aurora-mysql" } },
            { title: "a cluster with unencrypted storage", type: CLUSTER, props: { engine: "aurora-postgresql", storageEncrypted: false } },
        ],
    },
    check(r) {
        // Unset: the default depends on the engine mode (clusters) or on the source cluster (global clusters).
        if (r.canonicalType === GLOBAL_CLUSTER) {
            const source = r.props.get("sourceDbClusterIdentifier");
            return storage(r.props.get("storageEncrypted"), () =>
                source.isUnknown
                    ? unknown(source)
                    : failIf(!source.isText(), "`storageEncrypted` is not set and a global cluster is not encrypted by default; set it to true."),
            );
        }
        const mode = r.props.get("engineMode");
        return storage(r.props.get("storageEncrypted"), () =>
            mode.isUnknown
                ? unknown(mode)
                : failIf(!mode.isOneOf("serverless"), "`storageEncrypted` is not set and a provisioned DB cluster is not encrypted by default; set it to true."),
        );
    },
});
