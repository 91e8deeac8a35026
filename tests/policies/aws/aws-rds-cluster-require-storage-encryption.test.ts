import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-cluster-require-storage-encryption";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const CLUSTER = "aws:rds/cluster:Cluster";
const GLOBAL = "aws:rds/globalCluster:GlobalCluster";
type Props = Record<string, unknown>;
const cluster = (props: Props) => ({ type: CLUSTER, props: { engine: "aurora-postgresql", clusterIdentifier: "orders", ...props } });
const globalCluster = (props: Props) => ({ type: GLOBAL, props: { globalClusterIdentifier: "orders-global", engine: "aurora-postgresql", ...props } });

describe("aws-rds-cluster-require-storage-encryption", () => {
    describe("passes", () => {
        it("when an Aurora cluster's storage is encrypted", async () => {
            expect((await runResourcePolicy(policy, cluster({ storageEncrypted: true }))).verdict).toBe("pass");
        });

        it("when a Multi-AZ DB cluster's storage is encrypted with a customer managed key", async () => {
            const r = await runResourcePolicy(policy, cluster({ engine: "postgres", storageEncrypted: true, kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }));
            expect(r.verdict).toBe("pass");
        });

        it.each([["serverless"], ["SERVERLESS"]])("when a %s engine-mode cluster leaves `storageEncrypted` unset (encrypted by default)", async (engineMode) => {
            expect((await runResourcePolicy(policy, cluster({ engineMode }))).verdict).toBe("pass");
        });

        it("when a global cluster is encrypted", async () => {
            expect((await runResourcePolicy(policy, globalCluster({ storageEncrypted: true }))).verdict).toBe("pass");
        });

        it("when a global cluster created from an existing cluster leaves `storageEncrypted` unset (it takes the source's)", async () => {
            const r = await runResourcePolicy(policy, globalCluster({ sourceDbClusterIdentifier: "arn:aws:rds:ap-northeast-1:111122223333:cluster:orders" }));
            expect(r.verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:rds/clusterInstance:ClusterInstance", props: { storageEncrypted: false } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `storageEncrypted` is false", async () => {
            const r = await runResourcePolicy(policy, cluster({ storageEncrypted: false }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`storageEncrypted` is not true; set it to true.");
        });

        it.each([["provisioned (default)", {}], ["provisioned", { engineMode: "provisioned" }], ["Multi-AZ DB cluster", { engine: "mysql" }]])(
            "when a %s cluster leaves `storageEncrypted` unset",
            async (_, props) => {
                const r = await runResourcePolicy(policy, cluster(props));
                expect(r.verdict).toBe("fail");
                expect(r.messages.join()).toContain("a provisioned DB cluster is not encrypted by default");
            },
        );

        it("when a serverless cluster says `storageEncrypted: false`", async () => {
            expect((await runResourcePolicy(policy, cluster({ engineMode: "serverless", storageEncrypted: false }))).verdict).toBe("fail");
        });

        it("when a new global cluster leaves `storageEncrypted` unset", async () => {
            const r = await runResourcePolicy(policy, globalCluster({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("a global cluster is not encrypted by default");
        });

        it("when a global cluster says `storageEncrypted: false`", async () => {
            expect((await runResourcePolicy(policy, globalCluster({ storageEncrypted: false }))).verdict).toBe("fail");
        });

        it("when `storageEncrypted` is a secret false, without printing the secrets", async () => {
            const r = await runResourcePolicy(policy, cluster({ storageEncrypted: secret(false), masterPassword: secret("hunter2-secret") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("hunter2-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `storageEncrypted` is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ storageEncrypted: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".storageEncrypted");
        });

        it("cannot decide an unset `storageEncrypted` while the engine mode is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ engineMode: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".engineMode");
        });

        it("still fails `storageEncrypted: false` whatever the engine mode", async () => {
            expect((await runResourcePolicy(policy, cluster({ engineMode: UNKNOWN, storageEncrypted: false }))).verdict).toBe("fail");
        });

        it("cannot decide a global cluster's unset `storageEncrypted` while its source is unknown", async () => {
            const r = await runResourcePolicy(policy, globalCluster({ sourceDbClusterIdentifier: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".sourceDbClusterIdentifier");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({ storageEncrypted: true }), { engines: ["aurora"] })).rejects.toThrow(
                "config key 'engines' is not a setting of this policy (it takes none)",
            );
        });
    });
});
