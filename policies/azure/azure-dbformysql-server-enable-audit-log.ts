import { isAzureText } from "../core/azure";
import { ServerParameters } from "../core/azure-server-parameters";
import { defineStackPolicy } from "../core/policy";
import type { Value } from "../core/read";
import { all, fail, pass, unknown, type Verdict } from "../core/verdict";

const SERVER = "azure-native:dbformysql:Server";
const CONFIGURATION = "azure-native:dbformysql:Configuration";

/** The last value the stack sets for a parameter (a later Configuration of the same name wins), if any. */
function lastOf(values: readonly Value[]): Value | undefined {
    return values[values.length - 1];
}

export default defineStackPolicy({
    name: "azure-dbformysql-server-enable-audit-log",
    title: "MySQL flexible servers audit connections",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A MySQL flexible server writes no audit log until the server parameter audit_log_enabled is ON (default OFF), " +
        "and then logs the events audit_log_events lists, which must include CONNECTION (the default) or CONNECTION_V2. Every MySQL " +
        "flexible server of the stack needs a Configuration that turns the audit log on; one that lists events without " +
        "CONNECTION fails. Send the MySQL Audit Logs category to a workspace with a diagnostic setting to keep them.",
    remediation:
        `Add an \`${CONFIGURATION}\` for the server with \`configurationName: "audit_log_enabled"\`, \`value: "ON"\` and ` +
        "`source: \"user-override\"`; if you set audit_log_events, include CONNECTION.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.4.3" },
        { framework: "cis-azure", version: "2.1.0", id: "4.4.4" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SERVER, CONFIGURATION],
    config: {},
    catalogue: ["azure-log-mysql-audit"],
    examples: {
        pass: [
            {
                title: "a server with the audit log on",
                resources: [
                    { type: SERVER, name: "mysql", props: { resourceGroupName: "rg", serverName: "mysql-app" } },
                    { type: CONFIGURATION, name: "audit", props: { resourceGroupName: "rg", serverName: "mysql-app", configurationName: "audit_log_enabled", value: "ON", source: "user-override" } },
                ],
            },
        ],
        fail: [{ title: "a server with the audit log off (the default)", resources: [{ type: SERVER, name: "mysql", props: { resourceGroupName: "rg", serverName: "mysql-app" } }] }],
    },
    *check(stack) {
        const parameters = new ServerParameters(stack.ofType(SERVER), stack.ofType(CONFIGURATION));
        for (const server of stack.ofType(SERVER)) {
            const set = parameters.of(server);
            const undecided = set.undecided.length > 0;
            const enabled = lastOf(set.values("audit_log_enabled"));
            let on: Verdict;
            if (enabled?.isUnknown) on = unknown(enabled);
            else if (enabled && isAzureText(enabled, "ON")) on = pass;
            else if (undecided) on = unknown("the `configurationName` or `serverName` of a Configuration");
            else on = fail(enabled?.isSet ? "the audit_log_enabled Configuration is not ON (the server writes no audit log); set `value` to \"ON\"." : "no Configuration sets audit_log_enabled ON, so the server writes no audit log (OFF by default); add one.");
            const events = lastOf(set.values("audit_log_events"));
            let connection: Verdict = pass;
            if (events?.isUnknown) connection = unknown(events);
            else if (events?.isSet) {
                const listed = (events.text() ?? "").split(",").map((e) => e.trim().toUpperCase());
                // CONNECTION_V2 logs the same connection events, with the error code of a failed attempt.
                if (!listed.includes("CONNECTION") && !listed.includes("CONNECTION_V2")) connection = fail("the audit_log_events Configuration does not include CONNECTION, so connection attempts are not audited; add CONNECTION to `value`.");
            }
            yield { urn: server.urn, verdict: all([on, connection]) };
        }
    },
});
