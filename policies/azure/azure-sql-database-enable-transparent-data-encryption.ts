import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import type { Value } from "../core/read";
import { fail, pass, unknown } from "../core/verdict";

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
        { framework: "mcsb", version: "v1", id: "DP-4" },
        { framework: "iso27001", version: "2022", id: "A.8.24" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:sql:TransparentDataEncryption"],
    config: {},
    examples: {
        pass: [
            {
                title: "transparent data encryption enabled",
                type: "azure-native:sql:TransparentDataEncryption",
                props: { resourceGroupName: "rg", serverName: "sql", databaseName: "db", tdeName: "current", state: "Enabled" },
            },
        ],
        fail: [
            {
                title: "transparent data encryption disabled",
                type: "azure-native:sql:TransparentDataEncryption",
                props: { resourceGroupName: "rg", serverName: "sql", databaseName: "db", tdeName: "current", state: "Disabled" },
            },
        ],
    },
    check({ props }) {
        // API 2014-04-01 (still reachable as a versioned token) calls the field `status`; later versions `state`
        // (which the installed SDK's Args know, so the old field is read through a type that names both).
        const legacy = props as unknown as Value<{ readonly state?: string; readonly status?: string }>;
        const state = legacy.get("state");
        if (state.isUnknown) return unknown(state);
        const status = legacy.get("status");
        if (state.isUnset && status.isUnknown) return unknown(status);
        const [key, value] = state.isUnset && status.isSet ? (["status", status] as const) : (["state", state] as const);
        return isAzureText(value, "Enabled") ? pass : fail(`\`${key}\` is not Enabled (transparent data encryption is off); set it to Enabled.`);
    },
});
