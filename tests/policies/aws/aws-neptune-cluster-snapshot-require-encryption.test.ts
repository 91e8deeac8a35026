import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-neptune-cluster-snapshot-require-encryption";
import { runStackPolicy, UNKNOWN } from "../../harness";

const CLUSTER = "aws:neptune/cluster:Cluster";
const SNAPSHOT = "aws:neptune/clusterSnapshot:ClusterSnapshot";
const cluster = (props: Record<string, unknown>) => ({ type: CLUSTER, name: "graph", props: { clusterIdentifier: "graph", ...props } });
const snapshot = (props: Record<string, unknown> = {}, deps = true) => ({
    type: SNAPSHOT,
    name: "graph-snap",
    props: { dbClusterIdentifier: "graph", dbClusterSnapshotIdentifier: "graph-1", ...props },
    ...(deps ? { propertyDependencies: { dbClusterIdentifier: ["graph"] } } : {}),
});

describe("aws-neptune-cluster-snapshot-require-encryption", () => {
    describe("passes", () => {
        it("a snapshot of an encrypted cluster", async () => {
            expect((await runStackPolicy(policy, [cluster({ storageEncrypted: true }), snapshot()])).verdict).toBe("pass");
        });

        it("a snapshot of a cluster outside the stack (not judged here)", async () => {
            expect((await runStackPolicy(policy, [snapshot({ dbClusterIdentifier: "elsewhere" }, false)])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a snapshot of an unencrypted cluster, joined by property dependency", async () => {
            const r = await runStackPolicy(policy, [cluster({ storageEncrypted: false }), snapshot()]);
            expect(r.violating).toEqual(["graph-snap"]);
            expect(r.diagnostics[0]?.message).toContain("taken of cluster graph, whose storage is not encrypted");
        });

        it("a snapshot of a cluster that leaves `storageEncrypted` unset, joined by identifier", async () => {
            expect((await runStackPolicy(policy, [cluster({}), snapshot({}, false)])).violating).toEqual(["graph-snap"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the cluster's flag is unknown", async () => {
            const r = await runStackPolicy(policy, [cluster({ storageEncrypted: UNKNOWN }), snapshot()]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("`storageEncrypted` of cluster graph");
        });

        it("cannot decide while the snapshot's cluster is unknown and has no dependency", async () => {
            const r = await runStackPolicy(policy, [cluster({}), snapshot({ dbClusterIdentifier: UNKNOWN }, false)]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("graph-snap");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [snapshot({}, false)], { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
