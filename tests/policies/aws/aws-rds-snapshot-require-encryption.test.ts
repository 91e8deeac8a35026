import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-snapshot-require-encryption";
import { runStackPolicy, UNKNOWN } from "../../harness";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k1";
const instance = (props: Record<string, unknown>) => ({ type: "aws:rds/instance:Instance", name: "orders", props: { identifier: "orders", instanceClass: "db.t4g.micro", ...props } });
const snapshot = (props: Record<string, unknown> = {}, deps = true) => ({
    type: "aws:rds/snapshot:Snapshot",
    name: "orders-snap",
    props: { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-1", ...props },
    ...(deps ? { propertyDependencies: { dbInstanceIdentifier: ["orders"] } } : {}),
});
const copy = (name: string, source: string, props: Record<string, unknown> = {}) => ({
    type: "aws:rds/snapshotCopy:SnapshotCopy",
    name,
    props: { sourceDbSnapshotIdentifier: source, targetDbSnapshotIdentifier: name, ...props },
});
const cluster = (props: Record<string, unknown>) => ({ type: "aws:rds/cluster:Cluster", name: "ledger", props: { clusterIdentifier: "ledger", engine: "aurora-postgresql", ...props } });
const clusterSnapshot = (props: Record<string, unknown> = {}) => ({
    type: "aws:rds/clusterSnapshot:ClusterSnapshot",
    name: "ledger-snap",
    props: { dbClusterIdentifier: "ledger", dbClusterSnapshotIdentifier: "ledger-1", ...props },
});

describe("aws-rds-snapshot-require-encryption", () => {
    describe("passes", () => {
        it.each([
            ["a snapshot of an encrypted instance", [instance({ storageEncrypted: true }), snapshot()]],
            ["a snapshot of a read replica (the replica's own policy judges it)", [instance({ replicateSourceDb: "primary" }), snapshot()]],
            ["a snapshot of an instance outside the stack", [snapshot({ dbInstanceIdentifier: "elsewhere" }, false)]],
            ["a cluster snapshot of an encrypted cluster", [cluster({ storageEncrypted: true }), clusterSnapshot()]],
            ["a cluster snapshot of an Aurora Serverless v1 cluster", [cluster({ engineMode: "serverless" }), clusterSnapshot()]],
            ["a copy without a key of a snapshot of an encrypted instance", [instance({ storageEncrypted: true }), snapshot(), copy("orders-2", "orders-1")]],
        ])("%s", async (_, resources) => {
            expect((await runStackPolicy(policy, resources)).violating).toEqual([]);
        });
    });

    describe("fails", () => {
        it("a snapshot of an instance that leaves `storageEncrypted` unset", async () => {
            const r = await runStackPolicy(policy, [instance({}), snapshot()]);
            expect(r.violating).toEqual(["orders-snap"]);
            expect(r.diagnostics[0]?.message).toContain("the snapshot is taken of orders, whose storage is not encrypted");
        });

        it("a cluster snapshot of an unencrypted cluster, joined by identifier", async () => {
            expect((await runStackPolicy(policy, [cluster({ storageEncrypted: false }), clusterSnapshot()])).violating).toEqual(["ledger-snap"]);
        });

        it("the unencrypted original, not its copy with a KMS key", async () => {
            expect((await runStackPolicy(policy, [instance({}), snapshot(), copy("orders-enc", "orders-1", { kmsKeyId: KEY })])).violating).toEqual(["orders-snap"]);
        });

        it("a keyless copy of a keyless copy of a snapshot of an unencrypted instance", async () => {
            const r = await runStackPolicy(policy, [instance({}), snapshot(), copy("c1", "orders-1"), copy("c2", "c1")]);
            expect(r.violating).toEqual(["c1", "c2", "orders-snap"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the instance's flag is unknown", async () => {
            const r = await runStackPolicy(policy, [instance({ storageEncrypted: UNKNOWN }), snapshot()]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`storageEncrypted` of orders");
        });

        it("cannot decide a copy while its key is unknown", async () => {
            expect((await runStackPolicy(policy, [instance({}), copy("c1", "orders-1", { kmsKeyId: UNKNOWN })])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [snapshot({}, false)], { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
