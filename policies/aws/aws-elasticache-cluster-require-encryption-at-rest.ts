import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const CLUSTER = "aws:elasticache/cluster:Cluster";

export default defineResourcePolicy({
    name: "aws-elasticache-cluster-require-encryption-at-rest",
    title: "ElastiCache Redis OSS / Valkey caches run in an encrypting replication group",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "A standalone ElastiCache cluster (aws.elasticache.Cluster without `replicationGroupId`) with the redis or valkey " +
        "engine cannot be encrypted at rest — ElastiCache encrypts at rest only replication groups (and serverless " +
        "caches) — so its backups, snapshots and swap are unencrypted: it fails. A cluster that joins a replication group " +
        "takes the group's setting (aws-elasticache-replication-group-require-encryption-at-rest). Memcached clusters keep " +
        "data in memory only (no backups or snapshots) and are not checked.",
    remediation:
        "Create the cache as an aws.elasticache.ReplicationGroup with `atRestEncryptionEnabled: true` (one node and no " +
        "replicas is allowed), or as an aws.elasticache.ServerlessCache, which always encrypts at rest.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.24" }],
    enforcementLevel: "mandatory",
    resourceTypes: [CLUSTER],
    config: {},
    examples: {
        pass: [
            { title: "a node of a replication group", type: CLUSTER, props: { replicationGroupId: "sessions" } },
            { title: "a memcached cluster", type: CLUSTER, props: { engine: "memcached", nodeType: "cache.t4g.micro", numCacheNodes: 1 } },
        ],
        fail: [{ title: "a standalone redis cluster", type: CLUSTER, props: { engine: "redis", nodeType: "cache.t4g.micro", numCacheNodes: 1 } }],
    },
    check({ props }) {
        const group = props.get("replicationGroupId");
        if (group.isText()) return pass; // the replication group's setting applies
        const engine = props.get("engine");
        if (group.isUnknown || engine.isUnknown) return unknown(group, engine);
        if (!engine.isOneOf("redis", "valkey")) return pass;
        return fail(
            `a standalone ${engine.text()?.toLowerCase() === "valkey" ? "valkey" : "redis"} cluster cannot be encrypted at rest (ElastiCache encrypts only replication groups and serverless caches); create it as an aws.elasticache.ReplicationGroup with \`atRestEncryptionEnabled: true\`.`,
        );
    },
});
