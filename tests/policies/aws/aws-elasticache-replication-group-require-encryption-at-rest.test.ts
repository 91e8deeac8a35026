import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-elasticache-replication-group-require-encryption-at-rest";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:elasticache/replicationGroup:ReplicationGroup";
const group = (props: Record<string, unknown>) => ({ type: TYPE, props: { description: "sessions", nodeType: "cache.t4g.small", ...props } });

describe("aws-elasticache-replication-group-require-encryption-at-rest", () => {
    describe("passes", () => {
        it.each([
            ["encrypts at rest", { atRestEncryptionEnabled: true }],
            ["encrypts at rest with a customer managed key", { atRestEncryptionEnabled: true, kmsKeyId: "arn:aws:kms:ap-northeast-1:111122223333:key/k1" }],
            ["runs valkey, which encrypts by default", { engine: "valkey" }],
            ["runs Valkey (any case)", { engine: "Valkey" }],
            ["is a secondary of a global datastore", { globalReplicationGroupId: "ldgnf-sessions" }],
        ])("when the group %s", async (_, props) => {
            expect((await runResourcePolicy(policy, group(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:elasticache/cluster:Cluster", props: { engine: "memcached" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when `atRestEncryptionEnabled` is false", async () => {
            const r = await runResourcePolicy(policy, group({ atRestEncryptionEnabled: false, engine: "valkey" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`atRestEncryptionEnabled` is not true; set it to true.");
        });

        it.each([["the default engine (redis)", {}], ["redis", { engine: "redis" }], ["REDIS", { engine: "REDIS" }]])(
            "when %s leaves `atRestEncryptionEnabled` unset",
            async (_, props) => {
                const r = await runResourcePolicy(policy, group(props));
                expect(r.verdict).toBe("fail");
                expect(r.messages.join()).toContain("the redis engine does not encrypt at rest by default");
            },
        );

        it("when `atRestEncryptionEnabled` is a secret false, without printing secrets", async () => {
            const r = await runResourcePolicy(policy, group({ atRestEncryptionEnabled: secret(false), authToken: secret("auth-token-secret") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("auth-token-secret");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while `atRestEncryptionEnabled` is unknown", async () => {
            const r = await runResourcePolicy(policy, group({ atRestEncryptionEnabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".atRestEncryptionEnabled");
        });

        it("cannot decide an unset flag while the engine is unknown", async () => {
            const r = await runResourcePolicy(policy, group({ engine: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".engine");
        });

        it("cannot decide an unset flag while the global datastore id is unknown", async () => {
            const r = await runResourcePolicy(policy, group({ globalReplicationGroupId: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".globalReplicationGroupId");
        });

        it("still fails an explicit false whatever the engine", async () => {
            expect((await runResourcePolicy(policy, group({ atRestEncryptionEnabled: false, engine: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, group({}), { engines: ["redis"] })).rejects.toThrow(
                "config key 'engines' is not a setting of this policy (it takes none)",
            );
        });
    });
});
