import { flag, isSet, known } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";
import { lower } from "../core/values";

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
    check({ props }, _config, report) {
        switch (flag(props, "atRestEncryptionEnabled")) {
            case "on":
                return;
            case "unknown":
                void props["atRestEncryptionEnabled"];
                return;
            case "off":
            case "invalid":
                report("`atRestEncryptionEnabled` is not true; set it to true.");
                return;
        }
        const global = known(props, "globalReplicationGroupId");
        if (!global.known) return void global.read();
        if (isSet(global.value)) return; // the global datastore's setting applies
        const engine = known(props, "engine");
        if (!engine.known) return void engine.read();
        if (lower(engine.value)?.trim() === "valkey") return;
        report("`atRestEncryptionEnabled` is not set and the redis engine does not encrypt at rest by default; set it to true.");
    },
});
