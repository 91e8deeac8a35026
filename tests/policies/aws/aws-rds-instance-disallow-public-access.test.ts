import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-rds-instance-disallow-public-access";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const SHARD_GROUP = "aws:rds/shardGroup:ShardGroup";

const instance = (props: Record<string, unknown>, type = INSTANCE) => ({ type, props: { engine: "postgres", instanceClass: "db.t4g.micro", ...props } });

describe("aws-rds-instance-disallow-public-access", () => {
    describe("passes", () => {
        it.each([
            ["an instance that leaves publiclyAccessible out (defaults to false)", instance({})],
            ["an instance with publiclyAccessible false", instance({ publiclyAccessible: false })],
            ["an Aurora cluster instance with publiclyAccessible false", instance({ publiclyAccessible: false }, CLUSTER_INSTANCE)],
            ["a shard group with publiclyAccessible 'false'", instance({ publiclyAccessible: "false" }, SHARD_GROUP)],
        ])("for %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it("ignores other resource types (an RDS cluster has no such flag)", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:rds/cluster:Cluster", props: { publiclyAccessible: true } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([
            ["an instance", INSTANCE],
            ["an Aurora cluster instance", CLUSTER_INSTANCE],
            ["an Aurora Limitless shard group", SHARD_GROUP],
        ])("when %s is publicly accessible", async (_, type) => {
            const r = await runResourcePolicy(policy, instance({ publiclyAccessible: true }, type));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publiclyAccessible` is true");
        });

        it("when publiclyAccessible is the string 'True'", async () => {
            expect((await runResourcePolicy(policy, instance({ publiclyAccessible: "True" }))).verdict).toBe("fail");
        });

        it("when publiclyAccessible is a secret true, without printing other secrets", async () => {
            const r = await runResourcePolicy(policy, instance({ publiclyAccessible: secret(true), password: secret("hunter2-s3cr3t") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("hunter2");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while publiclyAccessible is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ publiclyAccessible: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publiclyAccessible");
        });

        it("decides while other values (the subnet group) are unknown", async () => {
            expect((await runResourcePolicy(policy, instance({ publiclyAccessible: true, dbSubnetGroupName: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("takes no settings: rejects any key, naming it", async () => {
            await expect(runResourcePolicy(policy, instance({}), { allowPublic: true })).rejects.toThrow("config key 'allowPublic'");
        });
    });
});
