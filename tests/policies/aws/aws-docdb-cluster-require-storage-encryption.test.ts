import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-docdb-cluster-require-storage-encryption";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const CLUSTER = "aws:docdb/cluster:Cluster";
const GLOBAL = "aws:docdb/globalCluster:GlobalCluster";
const cluster = (props: Record<string, unknown>) => ({ type: CLUSTER, props: { masterUsername: "admin", ...props } });
const global = (props: Record<string, unknown>) => ({ type: GLOBAL, props: { globalClusterIdentifier: "g", ...props } });

describe("aws-docdb-cluster-require-storage-encryption", () => {
    describe("passes", () => {
        it.each([
            ["a cluster with encrypted storage", cluster({ storageEncrypted: true })],
            ["a cluster that joins a global cluster", cluster({ globalClusterIdentifier: "g" })],
            ["a global cluster with encrypted storage", global({ storageEncrypted: true })],
            ["a global cluster created from an existing cluster", global({ sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:docs" })],
        ])("%s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `storageEncrypted` is unset (the API default is false)", async () => {
            const r = await runResourcePolicy(policy, cluster({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("a DocumentDB cluster is not encrypted by default");
        });

        it("when `storageEncrypted` is false, whatever else is set", async () => {
            expect((await runResourcePolicy(policy, cluster({ storageEncrypted: false, globalClusterIdentifier: "g" }))).verdict).toBe("fail");
        });

        it("when a restored cluster leaves `storageEncrypted` unset, saying the snapshot's encryption cannot be seen", async () => {
            const r = await runResourcePolicy(policy, cluster({ snapshotIdentifier: "docs-1" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("which this policy cannot see");
        });

        it("when a global cluster without a source leaves `storageEncrypted` unset", async () => {
            expect((await runResourcePolicy(policy, global({}))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `storageEncrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ storageEncrypted: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("storageEncrypted");
        });

        it("cannot decide an unset flag while the global cluster it may join is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ globalClusterIdentifier: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("globalClusterIdentifier");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({}), { allow: true })).rejects.toThrow("it takes none");
        });
    });
});
