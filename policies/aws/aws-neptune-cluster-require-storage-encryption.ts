import { storageEncryption, unsetStorageEncryption } from "../core/cluster-storage";
import { defineResourcePolicy } from "../core/policy";

const CLUSTER = "aws:neptune/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:neptune/globalCluster:GlobalCluster";

export default defineResourcePolicy({
    name: "aws-neptune-cluster-require-storage-encryption",
    title: "Neptune DB clusters encrypt their storage",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Amazon Neptune DB clusters and global databases must encrypt their storage. `storageEncrypted` defaults to false " +
        "in the Neptune API (the console's default does not apply to a program), so a cluster that leaves it unset is " +
        "unencrypted — except a cluster that joins a global database (`globalClusterIdentifier`: the global database's " +
        "encryption applies, and this policy judges it) and a global database created from an existing cluster " +
        "(`sourceDbClusterIdentifier`), which takes that cluster's encryption.",
    remediation:
        "Set `storageEncrypted: true` (optionally with `kmsKeyArn` for a customer managed key). Encryption cannot be " +
        "turned on for an existing cluster: restore an encrypted copy of a snapshot and switch over.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Neptune.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [CLUSTER, GLOBAL_CLUSTER],
    config: {},
    catalogue: ["aws-enc-neptune-cluster"],
    examples: {
        pass: [
            { title: "a cluster with encrypted storage", type: CLUSTER, props: { engine: "neptune", storageEncrypted: true } },
            { title: "a global database created from an existing cluster", type: GLOBAL_CLUSTER, props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:graph" } },
        ],
        fail: [
            { title: "a cluster that leaves `storageEncrypted` unset (the API default is false)", type: CLUSTER, props: { engine: "neptune" } },
            { title: "a cluster with unencrypted storage", type: CLUSTER, props: { engine: "neptune", storageEncrypted: false } },
        ],
    },
    check(r) {
        if (r.canonicalType === GLOBAL_CLUSTER) {
            return storageEncryption(r.props.get("storageEncrypted"), () => unsetStorageEncryption(r.props.get("sourceDbClusterIdentifier"), "a Neptune global database"));
        }
        return storageEncryption(r.props.get("storageEncrypted"), () => unsetStorageEncryption(r.props.get("globalClusterIdentifier"), "a Neptune DB cluster", r.props.get("snapshotIdentifier")));
    },
});
