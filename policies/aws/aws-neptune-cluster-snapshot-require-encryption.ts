import { storageEncryption, unsetStorageEncryption } from "../core/cluster-storage";
import { defineStackPolicy } from "../core/policy";
import { Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const CLUSTER = "aws:neptune/cluster:Cluster";
const SNAPSHOT = "aws:neptune/clusterSnapshot:ClusterSnapshot";

export default defineStackPolicy({
    name: "aws-neptune-cluster-snapshot-require-encryption",
    title: "Neptune DB cluster snapshots are encrypted",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "A Neptune DB cluster snapshot must be encrypted. A snapshot has no encryption setting of its own: it is " +
        "encrypted exactly when the cluster it is taken of is, so each ClusterSnapshot is joined to its cluster in the " +
        "stack (by property dependency of `dbClusterIdentifier`, then by the cluster's `clusterIdentifier`) and fails when " +
        "that cluster's storage is not encrypted. A snapshot of a cluster outside the stack is not judged here.",
    remediation:
        "Encrypt the source cluster (`storageEncrypted: true` on the aws.neptune.Cluster). An existing unencrypted snapshot " +
        "cannot be encrypted in place: restore it to an encrypted cluster and snapshot that.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "Neptune.6" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SNAPSHOT, CLUSTER],
    config: {},
    catalogue: ["aws-enc-neptune-snapshot"],
    examples: {
        pass: [
            {
                title: "a snapshot of an encrypted cluster",
                resources: [
                    { type: CLUSTER, name: "graph", props: { clusterIdentifier: "graph", storageEncrypted: true } },
                    { type: SNAPSHOT, name: "graph-snap", props: { dbClusterIdentifier: "graph", dbClusterSnapshotIdentifier: "graph-1" }, propertyDependencies: { dbClusterIdentifier: ["graph"] } },
                ],
            },
        ],
        fail: [
            {
                title: "a snapshot of a cluster that leaves `storageEncrypted` unset",
                resources: [
                    { type: CLUSTER, name: "graph", props: { clusterIdentifier: "graph" } },
                    { type: SNAPSHOT, name: "graph-snap", props: { dbClusterIdentifier: "graph", dbClusterSnapshotIdentifier: "graph-1" } },
                ],
            },
        ],
    },
    *check(stack) {
        const snapshots = stack.ofType(SNAPSHOT);
        if (!snapshots.length) return;
        const clusters = new Join(stack.ofType(CLUSTER), (c) => texts(c.props.get("clusterIdentifier")));
        for (const snapshot of snapshots) {
            const ref = clusters.resolve(snapshot, "dbClusterIdentifier");
            let verdict: Verdict = pass; // a cluster outside the stack is not judged here
            if (ref.kind === "unknown") verdict = unknown("the cluster the snapshot is taken of (`dbClusterIdentifier`)");
            else if (ref.kind === "resources") {
                const verdicts = ref.targets.map((c) => ({
                    name: c.name,
                    v: storageEncryption(c.props.get("storageEncrypted"), () =>
                        unsetStorageEncryption(c.props.get("globalClusterIdentifier"), "a Neptune DB cluster", c.props.get("snapshotIdentifier")),
                    ),
                }));
                const failed = verdicts.filter((x) => x.v.kind === "fail");
                const undecided = verdicts.filter((x) => x.v.kind === "unknown");
                if (failed.length) {
                    verdict = fail(
                        `the snapshot is taken of cluster ${failed.map((x) => x.name).join(", ")}, whose storage is not encrypted, so the snapshot is not encrypted either; set \`storageEncrypted: true\` on the cluster.`,
                    );
                } else if (undecided.length) verdict = unknown(...undecided.map((x) => `the \`storageEncrypted\` of cluster ${x.name}`));
            }
            yield { urn: snapshot.urn, verdict };
        }
    },
});
