import { defineResourcePolicy } from "../core/policy";
import { isUnsetFlag } from "../core/encryption";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-elasticache-replication-group-require-encryption-at-rest",
    title: "ElastiCache replication groups are encrypted at rest",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "ElastiCache (Redis OSS / Valkey) replication groups must encrypt at rest. `atRestEncryptionEnabled` defaults to " +
        "false for the redis engine (the default engine) and to true for valkey; a secondary group of a global datastore " +
        "(`globalReplicationGroupId`) takes the global datastore's setting.",
    remediation:
        "Set `atRestEncryptionEnabled: true` (optionally with `kmsKeyId` for a customer managed key). It cannot be changed " +
        "on an existing group: create an encrypted group from a backup and switch over.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "ElastiCache.4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    config: {},
    examples: {
        pass: [
            { title: "encryption at rest enabled", type: "aws:elasticache/replicationGroup:ReplicationGroup", props: { description: "cache", atRestEncryptionEnabled: true } },
            { title: "a valkey group (encrypted by default)", type: "aws:elasticache/replicationGroup:ReplicationGroup", props: { description: "cache", engine: "valkey" } },
        ],
        fail: [
            { title: "encryption at rest turned off", type: "aws:elasticache/replicationGroup:ReplicationGroup", props: { description: "cache", atRestEncryptionEnabled: false } },
            { title: "a redis group that leaves it unset", type: "aws:elasticache/replicationGroup:ReplicationGroup", props: { description: "cache", engine: "redis" } },
        ],
    },
    check({ props }) {
        const encrypted = props.get("atRestEncryptionEnabled");
        if (encrypted.isTrue()) return pass;
        if (encrypted.isUnknown) return unknown(encrypted);
        if (!isUnsetFlag(encrypted)) return fail("`atRestEncryptionEnabled` is not true; set it to true.");
        const global = props.get("globalReplicationGroupId");
        if (global.isUnknown) return unknown(global);
        if (global.isText()) return pass; // the global datastore's setting applies
        const engine = props.get("engine");
        if (engine.isUnknown) return unknown(engine);
        if (engine.isOneOf("valkey")) return pass;
        return fail("`atRestEncryptionEnabled` is not set and the redis engine does not encrypt at rest by default; set it to true.");
    },
});
