import { isUnsetFlag } from "../core/encryption";
import { defineStackPolicy, type StackResource } from "../core/policy";
import type { Value } from "../core/read";
import { Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const SNAPSHOT = "aws:rds/snapshot:Snapshot";
const CLUSTER_SNAPSHOT = "aws:rds/clusterSnapshot:ClusterSnapshot";
const SNAPSHOT_COPY = "aws:rds/snapshotCopy:SnapshotCopy";
const CLUSTER_SNAPSHOT_COPY = "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy";

/** Where a source's storage encryption stands: encrypted, not, or undecided during preview. */
type Source = { readonly kind: "encrypted" } | { readonly kind: "unencrypted"; readonly name: string } | { readonly kind: "unknown"; readonly what: string };
const ENCRYPTED: Source = { kind: "encrypted" };

/**
 * `storageEncrypted` of a DB instance or cluster. Unset: unencrypted, unless the source takes its encryption from
 * elsewhere (`inherits`: a snapshot it is restored from, a replication source, a global cluster, Aurora Serverless v1)
 * — that case is the source's own policy's to judge (aws-rds-*-require-storage-encryption), and passes here.
 */
function storage(source: StackResource, encrypted: Value, inherits: readonly Value[], alsoNeeded: readonly Value[] = []): Source {
    if (encrypted.isTrue()) return ENCRYPTED;
    if (encrypted.isUnknown) return { kind: "unknown", what: `the \`storageEncrypted\` of ${source.name}` };
    if (!isUnsetFlag(encrypted)) return { kind: "unencrypted", name: source.name };
    const unknownInherit = [...inherits, ...alsoNeeded].find((v) => v.isUnknown);
    if (inherits.some((v) => v.isText())) return ENCRYPTED;
    if (unknownInherit) return { kind: "unknown", what: `\`${unknownInherit.path}\` of ${source.name}` };
    return { kind: "unencrypted", name: source.name };
}

function verdictOf(sources: readonly Source[], kind: string): Verdict {
    const bad = sources.filter((s): s is Extract<Source, { kind: "unencrypted" }> => s.kind === "unencrypted");
    if (bad.length) {
        return fail(
            `the ${kind} is taken of ${bad.map((s) => s.name).join(", ")}, whose storage is not encrypted, so the ${kind} is not encrypted either; set \`storageEncrypted: true\` on the source, or copy the ${kind} with a \`kmsKeyId\` (aws.rds.SnapshotCopy / ClusterSnapshotCopy).`,
        );
    }
    const undecided = sources.filter((s): s is Extract<Source, { kind: "unknown" }> => s.kind === "unknown");
    return undecided.length ? unknown(...undecided.map((s) => s.what)) : pass;
}

export default defineStackPolicy({
    name: "aws-rds-snapshot-require-encryption",
    title: "RDS DB snapshots and cluster snapshots are encrypted",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "RDS DB snapshots and DB cluster snapshots must be encrypted. A snapshot has no encryption setting of its own: " +
        "it is encrypted exactly when its source DB instance or cluster is, so each Snapshot / ClusterSnapshot is joined " +
        "to its source in the stack (by property dependency of `dbInstanceIdentifier` / `dbClusterIdentifier`, then by the " +
        "source's `identifier` / `clusterIdentifier`). A SnapshotCopy / ClusterSnapshotCopy with a `kmsKeyId` is " +
        "encrypted with that key; without one it keeps its source snapshot's encryption, judged the same way. Sources " +
        "outside the stack are not judged here; a source that takes its encryption from elsewhere (restored from a " +
        "snapshot, a read replica, a global cluster member) is left to the source's own policy.",
    remediation:
        "Encrypt the source (`storageEncrypted: true` on the aws.rds.Instance or aws.rds.Cluster), or make an encrypted " +
        "copy of the snapshot with aws.rds.SnapshotCopy / ClusterSnapshotCopy and a `kmsKeyId`.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SNAPSHOT, CLUSTER_SNAPSHOT, SNAPSHOT_COPY, CLUSTER_SNAPSHOT_COPY, INSTANCE, CLUSTER],
    config: {},
    catalogue: ["aws-enc-rds-snapshots"],
    examples: {
        pass: [
            {
                title: "a snapshot of an encrypted DB instance",
                resources: [
                    { type: INSTANCE, name: "orders", props: { identifier: "orders", instanceClass: "db.t4g.micro", storageEncrypted: true } },
                    { type: SNAPSHOT, name: "orders-snap", props: { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-1" }, propertyDependencies: { dbInstanceIdentifier: ["orders"] } },
                ],
            },
            {
                title: "an encrypted copy (with a KMS key) of a snapshot made elsewhere",
                resources: [{ type: SNAPSHOT_COPY, name: "legacy-copy", props: { sourceDbSnapshotIdentifier: "arn:aws:rds:eu-west-1:111122223333:snapshot:legacy-1", targetDbSnapshotIdentifier: "legacy-1-enc", kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k1" } }],
            },
        ],
        fail: [
            {
                title: "a cluster snapshot of a cluster that leaves `storageEncrypted` unset",
                resources: [
                    { type: CLUSTER, name: "ledger", props: { clusterIdentifier: "ledger", engine: "aurora-postgresql" } },
                    { type: CLUSTER_SNAPSHOT, name: "ledger-snap", props: { dbClusterIdentifier: "ledger", dbClusterSnapshotIdentifier: "ledger-1" } },
                ],
            },
        ],
    },
    *check(stack) {
        const instances = new Join(stack.ofType(INSTANCE), (i) => texts(i.props.get("identifier")));
        const clusters = new Join(stack.ofType(CLUSTER), (c) => texts(c.props.get("clusterIdentifier")));
        const snapshots = new Join(stack.ofType(SNAPSHOT), (s) => texts(s.props.get("dbSnapshotIdentifier")));
        const clusterSnapshots = new Join(stack.ofType(CLUSTER_SNAPSHOT), (s) => texts(s.props.get("dbClusterSnapshotIdentifier")));
        const copies = new Join(stack.ofType(SNAPSHOT_COPY), (s) => texts(s.props.get("targetDbSnapshotIdentifier")));
        const clusterCopies = new Join(stack.ofType(CLUSTER_SNAPSHOT_COPY), (s) => texts(s.props.get("targetDbClusterSnapshotIdentifier")));

        const instanceSources = (s: StackResource<typeof SNAPSHOT>): Source[] => {
            const ref = instances.resolve(s, "dbInstanceIdentifier");
            if (ref.kind === "unknown") return [{ kind: "unknown", what: "the DB instance the snapshot is taken of (`dbInstanceIdentifier`)" }];
            if (ref.kind === "none") return [];
            return ref.targets.map((i) =>
                storage(i, i.props.get("storageEncrypted"), [i.props.get("replicateSourceDb"), i.props.get("snapshotIdentifier")]),
            );
        };
        const clusterSources = (s: StackResource<typeof CLUSTER_SNAPSHOT>): Source[] => {
            const ref = clusters.resolve(s, "dbClusterIdentifier");
            if (ref.kind === "unknown") return [{ kind: "unknown", what: "the DB cluster the snapshot is taken of (`dbClusterIdentifier`)" }];
            if (ref.kind === "none") return [];
            return ref.targets.map((c) => {
                // Aurora Serverless v1 (`engineMode: serverless`) is always encrypted: an unset flag is judged by the mode too.
                const mode = c.props.get("engineMode");
                if (mode.isOneOf("serverless")) return ENCRYPTED;
                return storage(c, c.props.get("storageEncrypted"), [c.props.get("snapshotIdentifier"), c.props.get("replicationSourceIdentifier"), c.props.get("globalClusterIdentifier")], [mode]);
            });
        };
        // A copy without a key keeps its source snapshot's encryption: a snapshot, or another copy, of the stack.
        const copySources = (c: StackResource<typeof SNAPSHOT_COPY>, seen: Set<string>): Source[] => {
            if (c.props.get("kmsKeyId").isText()) return [ENCRYPTED];
            if (c.props.get("kmsKeyId").isUnknown) return [{ kind: "unknown", what: `the \`kmsKeyId\` of ${c.name}` }];
            if (seen.has(c.urn)) return [];
            seen.add(c.urn);
            const bySnapshot = snapshots.resolve(c, "sourceDbSnapshotIdentifier");
            if (bySnapshot.kind === "unknown") return [{ kind: "unknown", what: `the source snapshot of ${c.name} (\`sourceDbSnapshotIdentifier\`)` }];
            const out = bySnapshot.kind === "resources" ? bySnapshot.targets.flatMap(instanceSources) : [];
            const byCopy = copies.resolve(c, "sourceDbSnapshotIdentifier");
            if (byCopy.kind === "resources") out.push(...byCopy.targets.flatMap((t) => copySources(t, seen)));
            return out;
        };
        const clusterCopySources = (c: StackResource<typeof CLUSTER_SNAPSHOT_COPY>, seen: Set<string>): Source[] => {
            if (c.props.get("kmsKeyId").isText()) return [ENCRYPTED];
            if (c.props.get("kmsKeyId").isUnknown) return [{ kind: "unknown", what: `the \`kmsKeyId\` of ${c.name}` }];
            if (seen.has(c.urn)) return [];
            seen.add(c.urn);
            const bySnapshot = clusterSnapshots.resolve(c, "sourceDbClusterSnapshotIdentifier");
            if (bySnapshot.kind === "unknown") return [{ kind: "unknown", what: `the source snapshot of ${c.name} (\`sourceDbClusterSnapshotIdentifier\`)` }];
            const out = bySnapshot.kind === "resources" ? bySnapshot.targets.flatMap(clusterSources) : [];
            const byCopy = clusterCopies.resolve(c, "sourceDbClusterSnapshotIdentifier");
            if (byCopy.kind === "resources") out.push(...byCopy.targets.flatMap((t) => clusterCopySources(t, seen)));
            return out;
        };

        for (const s of snapshots.targets) yield { urn: s.urn, verdict: verdictOf(instanceSources(s), "snapshot") };
        for (const s of clusterSnapshots.targets) yield { urn: s.urn, verdict: verdictOf(clusterSources(s), "cluster snapshot") };
        for (const c of copies.targets) yield { urn: c.urn, verdict: verdictOf(copySources(c, new Set()), "snapshot copy") };
        for (const c of clusterCopies.targets) yield { urn: c.urn, verdict: verdictOf(clusterCopySources(c, new Set()), "cluster snapshot copy") };
    },
});
