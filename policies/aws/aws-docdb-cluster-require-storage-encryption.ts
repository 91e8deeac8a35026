import { storageEncryption, unsetStorageEncryption } from "../core/cluster-storage";
import { defineResourcePolicy } from "../core/policy";

const CLUSTER = "aws:docdb/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:docdb/globalCluster:GlobalCluster";

export default defineResourcePolicy({
    name: "aws-docdb-cluster-require-storage-encryption",
    title: "DocumentDB clusters encrypt their storage",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Amazon DocumentDB clusters and global clusters must encrypt their storage. `storageEncrypted` defaults to false " +
        "in the DocumentDB API, so a cluster that leaves it unset is unencrypted — except a cluster that joins a global " +
        "cluster (`globalClusterIdentifier`: the global cluster's encryption applies, and this policy judges the global " +
        "cluster) and a global cluster created from an existing cluster (`sourceDbClusterIdentifier`), which takes that " +
        "cluster's encryption.",
    remediation:
        "Set `storageEncrypted: true` (optionally with `kmsKeyId` for a customer managed key). Encryption cannot be " +
        "turned on for an existing cluster: restore an encrypted copy of a snapshot and switch over.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "DocumentDB.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [CLUSTER, GLOBAL_CLUSTER],
    config: {},
    catalogue: ["aws-enc-docdb-cluster"],
    examples: {
        pass: [
            { title: "a cluster with encrypted storage", type: CLUSTER, props: { masterUsername: "admin", storageEncrypted: true } },
            { title: "a global cluster created from an existing cluster", type: GLOBAL_CLUSTER, props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:docs" } },
        ],
        fail: [
            { title: "a cluster that leaves `storageEncrypted` unset (the API default is false)", type: CLUSTER, props: { masterUsername: "admin" } },
            { title: "a cluster with unencrypted storage", type: CLUSTER, props: { masterUsername: "admin", storageEncrypted: false } },
        ],
    },
    check(r) {
        if (r.canonicalType === GLOBAL_CLUSTER) {
            return storageEncryption(r.props.get("storageEncrypted"), () => unsetStorageEncryption(r.props.get("sourceDbClusterIdentifier"), "a DocumentDB global cluster"));
        }
        return storageEncryption(r.props.get("storageEncrypted"), () => unsetStorageEncryption(r.props.get("globalClusterIdentifier"), "a DocumentDB cluster", r.props.get("snapshotIdentifier")));
    },
});
