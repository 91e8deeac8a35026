import { flag, isSet, known } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";
import { lower } from "../core/values";

const CLUSTER = "aws:rds/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";

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
    check({ props, canonicalType }, _config, report) {
        const encrypted = flag(props, "storageEncrypted");
        switch (encrypted) {
            case "on":
                return;
            case "unknown":
                void props["storageEncrypted"];
                return;
            case "off":
            case "invalid":
                report("`storageEncrypted` is not true; set it to true.");
                return;
        }
        // Unset: the default depends on the engine mode (clusters) or on the source cluster (global clusters).
        if (canonicalType === GLOBAL_CLUSTER) {
            const source = known(props, "sourceDbClusterIdentifier");
            if (!source.known) source.read();
            else if (!isSet(source.value)) {
                report("`storageEncrypted` is not set and a global cluster is not encrypted by default; set it to true.");
            }
            return;
        }
        const mode = known(props, "engineMode");
        if (!mode.known) mode.read();
        else if (lower(mode.value)?.trim() !== "serverless") {
            report("`storageEncrypted` is not set and a provisioned DB cluster is not encrypted by default; set it to true.");
        }
    },
});
