import { isAzureText } from "../core/azure";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { Companions, Join, texts } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const SERVER = "azure-native:sql:Server";
const AUDITING = "azure-native:sql:ServerBlobAuditingPolicy";
const EXTENDED = "azure-native:sql:ExtendedServerBlobAuditingPolicy";

type Auditing = StackResource<typeof AUDITING | typeof EXTENDED>;

function auditingVerdict(a: Auditing): Verdict {
    const state = a.props.get("state");
    if (state.isUnknown) return unknown(state);
    return isAzureText(state, "Enabled") ? pass : fail("a server auditing policy for this server sets `state` to Disabled; set it to Enabled with a storage account or Log Analytics destination.");
}

export default defineStackPolicy({
    name: "azure-sql-server-enable-auditing",
    title: "SQL servers have auditing on",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "Azure SQL server auditing is off until a server auditing policy (ServerBlobAuditingPolicy or " +
        "ExtendedServerBlobAuditingPolicy) sets `state` Enabled; server-level auditing then covers every database on " +
        "the server. Every SQL server of the stack needs one, and none may set it to Disabled.",
    remediation:
        "Add an `azure-native:sql:ServerBlobAuditingPolicy` with `serverName: <server>.name`, `state: \"Enabled\"` and a " +
        "destination (`storageEndpoint`, or `isAzureMonitorTargetEnabled: true` with a diagnostic setting on the master database).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "4.1.1" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SERVER, AUDITING, EXTENDED],
    config: {},
    catalogue: ["azure-log-sql-auditing"],
    examples: {
        pass: [
            {
                title: "a server with auditing to a storage account",
                resources: [
                    { type: SERVER, name: "sql", props: { resourceGroupName: "rg", serverName: "sql-app" } },
                    { type: AUDITING, name: "audit", props: { resourceGroupName: "rg", serverName: "sql-app", state: "Enabled", storageEndpoint: "https://auditlogs.blob.core.windows.net/", retentionDays: 0 } },
                ],
            },
        ],
        fail: [
            { title: "a server without an auditing policy (off by default)", resources: [{ type: SERVER, name: "sql", props: { resourceGroupName: "rg", serverName: "sql-app" } }] },
            {
                title: "a server whose auditing is Disabled",
                resources: [
                    { type: SERVER, name: "sql", props: { resourceGroupName: "rg", serverName: "sql-app" } },
                    { type: EXTENDED, name: "audit", props: { resourceGroupName: "rg", serverName: "sql-app", state: "Disabled" } },
                ],
            },
        ],
    },
    *check(stack) {
        const servers = stack.ofType(SERVER);
        const index = new Join(servers, (s) => texts(s.props.get("serverName")));
        const policies = new Companions(index, stack.ofType(AUDITING, EXTENDED) as readonly Auditing[], "serverName");
        for (const server of servers) {
            const own = policies.of(server).map(auditingVerdict);
            let verdict: Verdict;
            const off = own.find((v) => v.kind === "fail");
            if (off) verdict = off;
            else if (own.some((v) => v.kind === "pass")) verdict = pass;
            else if (own.length || policies.unresolved.length) verdict = own[0] ?? unknown("the `serverName` of a server auditing policy");
            else verdict = fail("no server auditing policy in this stack turns auditing on for this server (it is off by default); add a ServerBlobAuditingPolicy with `state: \"Enabled\"`.");
            yield { urn: server.urn, verdict };
        }
        for (const a of [...policies.unjoined, ...policies.unresolved]) {
            const v = auditingVerdict(a);
            if (v.kind !== "pass") yield { urn: a.urn, verdict: v };
        }
    },
});
