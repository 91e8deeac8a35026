import { isAzureText } from "../core/azure";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

/** The logging parameters CIS 4.3.2–4.3.4 require on; a flexible server has each on unless a Configuration turns it off. */
const LOGGING = ["log_checkpoints", "log_connections", "log_disconnections"] as const;

export default defineResourcePolicy({
    name: "azure-dbforpostgresql-configuration-require-connection-logging",
    title: "PostgreSQL servers keep checkpoint, connection and disconnection logging on",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "The server parameters log_checkpoints, log_connections and log_disconnections record checkpoints, every " +
        "connection attempt and every session end. On Azure Database for PostgreSQL flexible servers they are on by " +
        "default (log_connections and log_disconnections are read-only on PostgreSQL 16), so only a Configuration that " +
        "sets one to off fails. Single servers (retired) are checked the same way; their log_disconnections default was off.",
    remediation: "Set the Configuration's `value` to \"on\", or remove the Configuration so the server keeps its default.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.3.2" },
        { framework: "cis-azure", version: "2.1.0", id: "4.3.3" },
        { framework: "cis-azure", version: "2.1.0", id: "4.3.4" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:dbforpostgresql:Configuration", "azure-native:dbforpostgresql:SingleServerConfiguration"],
    config: {},
    catalogue: ["azure-log-postgresql-connection-logging"],
    examples: {
        pass: [{ title: "log_disconnections on", type: "azure-native:dbforpostgresql:Configuration", props: { resourceGroupName: "rg", serverName: "pg-app", configurationName: "log_disconnections", value: "on", source: "user-override" } }],
        fail: [{ title: "log_connections off", type: "azure-native:dbforpostgresql:Configuration", props: { resourceGroupName: "rg", serverName: "pg-app", configurationName: "log_connections", value: "off", source: "user-override" } }],
    },
    check(resource) {
        const props: PropsOf<"azure-native:dbforpostgresql:Configuration" | "azure-native:dbforpostgresql:SingleServerConfiguration"> = resource.props;
        const name = props.get("configurationName");
        const value = props.get("value");
        if (value.isUnknown) return name.isUnknown || isAzureText(name, ...LOGGING) ? unknown(name, value) : pass;
        // Unset resets the parameter to its default (on); only an explicit value other than on fails.
        if (value.isUnset || isAzureText(value, "on")) return pass;
        if (name.isUnknown) return unknown(name);
        const parameter = LOGGING.find((p) => isAzureText(name, p));
        return parameter ? fail(`\`value\` turns ${parameter} off (the server stops logging ${parameter === "log_checkpoints" ? "checkpoints" : parameter === "log_connections" ? "connection attempts" : "session ends"}); set it to "on".`) : pass;
    },
});
