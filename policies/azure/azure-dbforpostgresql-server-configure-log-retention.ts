import { ServerParameters } from "../core/azure-server-parameters";
import { defineStackPolicy } from "../core/policy";
import type { Value } from "../core/read";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const SERVER = "azure-native:dbforpostgresql:Server";
const CONFIGURATION = "azure-native:dbforpostgresql:Configuration";
const PARAMETER = "logfiles.retention_days";
const DEFAULT_DAYS = 3;

export default defineStackPolicy({
    name: "azure-dbforpostgresql-server-configure-log-retention",
    title: "PostgreSQL flexible servers keep server log files more than 3 days",
    cloud: "azure",
    control: "log-retention",
    severity: "low",
    description:
        `A PostgreSQL flexible server deletes its server log files after \`${PARAMETER}\` days (default ${DEFAULT_DAYS}, at most 7). ` +
        "CIS asks for more than 3 days. Logs a diagnostic setting sends to Log Analytics or storage are kept there " +
        "instead (see the diagnostic-setting policies), which is why this policy is advisory: without a Configuration " +
        "the server keeps the 3-day default.",
    remediation: `Add an \`${CONFIGURATION}\` for the server with \`configurationName: "${PARAMETER}"\`, \`value: "7"\` and \`source: "user-override"\`.`,
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.3.6" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [SERVER, CONFIGURATION],
    config: {
        minimumDays: { type: "integer", minimum: 1, maximum: 7, default: 4, description: `The fewest days ${PARAMETER} may keep server logs (the service allows 1–7).` },
    },
    catalogue: ["azure-log-postgresql-log-retention"],
    examples: {
        pass: [
            {
                title: "a server that keeps logs 7 days",
                resources: [
                    { type: SERVER, name: "pg", props: { resourceGroupName: "rg", serverName: "pg-app" } },
                    { type: CONFIGURATION, name: "pg-log-retention", props: { resourceGroupName: "rg", serverName: "pg-app", configurationName: PARAMETER, value: "7", source: "user-override" } },
                ],
            },
        ],
        fail: [{ title: "a server with the 3-day default", resources: [{ type: SERVER, name: "pg", props: { resourceGroupName: "rg", serverName: "pg-app" } }] }],
    },
    *check(stack, config) {
        const parameters = new ServerParameters(stack.ofType(SERVER), stack.ofType(CONFIGURATION));
        const judge = (values: readonly Value[], undecided: boolean): Verdict => {
            const last = values[values.length - 1];
            if (last?.isUnknown) return unknown(`the \`value\` of the ${PARAMETER} Configuration`);
            const days = last && !last.isUnset ? last.number() : DEFAULT_DAYS;
            if (days !== undefined && days >= config.minimumDays) return pass;
            if (undecided) return unknown(`the \`configurationName\` or \`serverName\` of a Configuration`);
            return fail(
                last && !last.isUnset
                    ? `the ${PARAMETER} Configuration keeps server logs ${days ?? "an unreadable number of"} days, fewer than ${config.minimumDays}; set \`value\` to at least ${config.minimumDays} (at most 7).`
                    : `no Configuration sets ${PARAMETER}, so the server keeps its logs ${DEFAULT_DAYS} days; add one with \`value\` at least ${config.minimumDays}.`,
            );
        };
        for (const server of stack.ofType(SERVER)) {
            const set = parameters.of(server);
            yield { urn: server.urn, verdict: judge(set.values(PARAMETER), set.undecided.length > 0) };
        }
    },
});
