import { ServerParameters } from "../core/azure-server-parameters";
import { defineStackPolicy } from "../core/policy";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const SERVER = "azure-native:dbforpostgresql:Server";
const CONFIGURATION = "azure-native:dbforpostgresql:Configuration";

export default defineStackPolicy({
    name: "azure-dbforpostgresql-server-enable-pgaudit",
    title: "PostgreSQL flexible servers audit with pgaudit",
    cloud: "azure",
    control: "log-retention",
    severity: "low",
    description:
        "A PostgreSQL flexible server writes session and object audit records only with the pgaudit extension: " +
        "`shared_preload_libraries` must include pgaudit (it does not by default) and `pgaudit.log` must name classes " +
        "to log (default none). Advisory, like the Azure Policy built-in: pgaudit adds load and log volume.",
    remediation:
        "Add Configurations for the server: `shared_preload_libraries` with pgaudit added to its value, and `pgaudit.log` " +
        "(e.g. \"WRITE,DDL,ROLE\"), both with `source: \"user-override\"`; then CREATE EXTENSION pgaudit in the database.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.15" }],
    enforcementLevel: "advisory",
    resourceTypes: [SERVER, CONFIGURATION],
    config: {},
    catalogue: ["azure-log-postgresql-pgaudit"],
    examples: {
        pass: [
            {
                title: "a server with pgaudit loaded and logging writes and DDL",
                resources: [
                    { type: SERVER, name: "pg", props: { resourceGroupName: "rg", serverName: "pg-app" } },
                    { type: CONFIGURATION, name: "preload", props: { resourceGroupName: "rg", serverName: "pg-app", configurationName: "shared_preload_libraries", value: "pg_cron,pg_stat_statements,pgaudit", source: "user-override" } },
                    { type: CONFIGURATION, name: "pgaudit-log", props: { resourceGroupName: "rg", serverName: "pg-app", configurationName: "pgaudit.log", value: "WRITE,DDL", source: "user-override" } },
                ],
            },
        ],
        fail: [{ title: "a server without pgaudit", resources: [{ type: SERVER, name: "pg", props: { resourceGroupName: "rg", serverName: "pg-app" } }] }],
    },
    *check(stack) {
        const parameters = new ServerParameters(stack.ofType(SERVER), stack.ofType(CONFIGURATION));
        for (const server of stack.ofType(SERVER)) {
            const set = parameters.of(server);
            const pending = set.undecided.length > 0;
            const preload = set.values("shared_preload_libraries").at(-1);
            const log = set.values("pgaudit.log").at(-1);
            let loaded: Verdict;
            if (preload?.isUnknown) loaded = unknown(preload);
            else if ((preload?.text() ?? "").split(",").some((l) => l.trim().toLowerCase() === "pgaudit")) loaded = pass;
            else loaded = pending ? unknown("the `configurationName` or `serverName` of a Configuration") : fail("`shared_preload_libraries` does not load pgaudit; add pgaudit to its Configuration's `value`.");
            let logging: Verdict;
            if (log?.isUnknown) logging = unknown(log);
            else if (log?.isText() && !["none", ""].includes((log.text() ?? "").trim().toLowerCase())) logging = pass;
            else logging = pending ? unknown("the `configurationName` or `serverName` of a Configuration") : fail("`pgaudit.log` is none (the default), so pgaudit logs nothing; set its Configuration's `value` to the classes to audit, e.g. WRITE,DDL,ROLE.");
            yield { urn: server.urn, verdict: all([loaded, logging]) };
        }
    },
});
