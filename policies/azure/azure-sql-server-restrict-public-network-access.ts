import { isPublicNetworkAccessOff } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-sql-server-restrict-public-network-access",
    title: "SQL servers turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure SQL server's public endpoint is enabled unless `publicNetworkAccess` says otherwise, leaving the " +
        "databases one firewall rule away from the internet. Servers must set `publicNetworkAccess` to Disabled (or " +
        "SecuredByPerimeter) and be reached through private endpoints.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through a private endpoint. Set the config " +
        "`allowPublicNetworkAccess` to true only for stacks whose servers must keep a public endpoint.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:sql:Server"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow SQL servers with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "a server with public network access disabled", type: "azure-native:sql:Server", props: { publicNetworkAccess: "Disabled" } },
            { title: "any server while public endpoints are allowed", type: "azure-native:sql:Server", props: {}, config: { allowPublicNetworkAccess: true } },
        ],
        fail: [{ title: "a server that leaves public network access unset (Enabled)", type: "azure-native:sql:Server", props: {} }],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const access = props.get("publicNetworkAccess");
        if (access.isUnknown) return unknown(access);
        return isPublicNetworkAccessOff(access) ? pass : fail("`publicNetworkAccess` is not Disabled (unset means Enabled); set it to Disabled and use a private endpoint.");
    },
});
