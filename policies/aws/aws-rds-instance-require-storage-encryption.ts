import { defineResourcePolicy } from "../core/policy";
import { isUnsetFlag } from "../core/encryption";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "aws-rds-instance-require-storage-encryption",
    title: "RDS DB instances encrypt their storage",
    cloud: "aws",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "RDS DB instances must set `storageEncrypted: true`: RDS does not encrypt an instance by default. Aurora instances " +
        "are skipped (the DB cluster's encryption applies, see aws-rds-cluster-require-storage-encryption), and a read " +
        "replica (`replicateSourceDb`) that leaves `storageEncrypted` unset inherits its source's encryption.",
    remediation:
        "Set `storageEncrypted: true` (optionally with `kmsKeyId` for a customer managed key). An existing unencrypted " +
        "instance cannot be encrypted in place: restore an encrypted copy of a snapshot and switch over.",
    frameworks: [
        { framework: "aws-fsbp", version: "1.0.0", id: "RDS.3" },
        { framework: "cis-aws", version: "3.0.0", id: "2.3.1" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:rds/instance:Instance"],
    config: {},
    examples: {
        pass: [
            { title: "an instance with encrypted storage", type: "aws:rds/instance:Instance", props: { instanceClass: "db.t4g.micro", engine: "postgres", storageEncrypted: true } },
            { title: "an Aurora instance (its cluster decides)", type: "aws:rds/instance:Instance", props: { instanceClass: "db.r6g.large", engine: "aurora-postgresql" } },
        ],
        fail: [
            { title: "an instance that leaves `storageEncrypted` unset", type: "aws:rds/instance:Instance", props: { instanceClass: "db.t4g.micro", engine: "postgres" } },
            { title: "an instance with unencrypted storage", type: "aws:rds/instance:Instance", props: { instanceClass: "db.t4g.micro", engine: "mysql", storageEncrypted: false } },
        ],
    },
    check({ props }) {
        const encrypted = props.get("storageEncrypted");
        if (encrypted.isTrue()) return pass;
        const engine = props.get("engine");
        if (engine.isUnknown) return unknown(engine); // can't tell an Aurora instance (whose cluster decides) from the rest
        if (engine.text()?.trim().toLowerCase().startsWith("aurora")) return pass;
        if (!encrypted.isUnknown && !isUnsetFlag(encrypted)) return fail("`storageEncrypted` is not true; set it to true.");
        const source = props.get("replicateSourceDb");
        if (source.isUnknown) return unknown(source);
        // A replica that leaves storageEncrypted unset has its source's encryption (the source is checked itself).
        if (source.isText()) return encrypted.isUnknown ? unknown(encrypted) : pass;
        if (encrypted.isUnknown) return unknown(encrypted);
        return fail("`storageEncrypted` is not set and RDS does not encrypt DB instances by default; set it to true.");
    },
});
