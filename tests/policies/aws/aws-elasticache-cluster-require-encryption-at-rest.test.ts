import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-elasticache-cluster-require-encryption-at-rest";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const cluster = (props: Record<string, unknown>) => ({ type: "aws:elasticache/cluster:Cluster", props });
const NODE = { nodeType: "cache.t4g.micro", numCacheNodes: 1 };

describe("aws-elasticache-cluster-require-encryption-at-rest", () => {
    describe("passes", () => {
        it.each([
            ["a node of a replication group (the group decides)", cluster({ replicationGroupId: "sessions" })],
            ["a memcached cluster (in-memory only)", cluster({ engine: "memcached", ...NODE })],
        ])("%s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["redis", "valkey", "Redis"])("a standalone %s cluster", async (engine) => {
            const r = await runResourcePolicy(policy, cluster({ engine, ...NODE }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("cannot be encrypted at rest");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the engine is unknown", async () => {
            const r = await runResourcePolicy(policy, cluster({ engine: UNKNOWN, ...NODE }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("engine");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, cluster({ engine: "redis" }), { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
