import { flag, isSet, known } from "../core/encryption";
import { defineResourcePolicy } from "../core/policy-legacy";
import { lower } from "../core/values";

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
    check({ props }, _config, report) {
        const encrypted = flag(props, "storageEncrypted");
        if (encrypted === "on") return;

        const engine = known(props, "engine");
        if (!engine.known) {
            engine.read(); // can't tell an Aurora instance (whose cluster decides) from the rest
            return;
        }
        if (lower(engine.value)?.trim().startsWith("aurora")) return;

        if (encrypted === "off" || encrypted === "invalid") {
            report("`storageEncrypted` is not true; set it to true.");
            return;
        }
        const source = known(props, "replicateSourceDb");
        if (!source.known) {
            source.read();
            return;
        }
        if (isSet(source.value)) {
            // A replica that leaves storageEncrypted unset has its source's encryption (the source is checked itself).
            if (encrypted === "unknown") void props["storageEncrypted"];
            return;
        }
        if (encrypted === "unknown") {
            void props["storageEncrypted"];
            return;
        }
        report("`storageEncrypted` is not set and RDS does not encrypt DB instances by default; set it to true.");
    },
});
