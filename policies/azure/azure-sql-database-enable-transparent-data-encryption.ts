import { defineResourcePolicy } from "../core/policy-legacy";
import { sameText } from "../core/values";

export default defineResourcePolicy({
    name: "azure-sql-database-enable-transparent-data-encryption",
    title: "SQL databases keep transparent data encryption on",
    cloud: "azure",
    control: "encryption-at-rest",
    severity: "high",
    description:
        "Azure SQL databases are created with transparent data encryption (TDE) on; a TransparentDataEncryption " +
        "resource that sets its state to Disabled decrypts the database, its backups and its logs at rest. A database " +
        "without such a resource keeps the default (Enabled) and passes.",
    remediation: "Set `state` of the TransparentDataEncryption resource to Enabled, or remove the resource to keep the default.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.1.5" },
        { framework: "mcsb", version: "v2", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:sql:TransparentDataEncryption"],
    config: {},
    check({ props }, _config, report) {
        // API 2014-04-01 (still reachable as a versioned token) calls the field `status`; later versions `state`.
        const key = props.state === undefined && props.status !== undefined ? "status" : "state";
        if (!sameText(props[key], "Enabled")) {
            report(`\`${key}\` is not Enabled (transparent data encryption is off); set it to Enabled.`);
        }
    },
});
