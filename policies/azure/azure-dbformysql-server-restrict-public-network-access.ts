import { flexibleServerExposureVerdict, ipRangeRuleVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

const SERVER = "azure-native:dbformysql:Server";
const FIREWALL_RULE = "azure-native:dbformysql:FirewallRule";

export default defineResourcePolicy({
    name: "azure-dbformysql-server-restrict-public-network-access",
    title: "MySQL flexible servers are not reachable from the internet",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure Database for MySQL flexible server keeps a public endpoint unless `network.publicNetworkAccess` is " +
        "Disabled or `network.delegatedSubnetResourceId` puts it in a virtual network (unset means Enabled). Servers " +
        "must turn public network access off; and no firewall rule may admit every Azure datacenter (0.0.0.0–0.0.0.0, " +
        "\"allow access from Azure services\") or more than a bounded range (0.0.0.0–255.255.255.255, or the internet in halves).",
    remediation:
        "Set `network.publicNetworkAccess` to Disabled and connect through a private endpoint, or create the server in a " +
        "delegated subnet; remove 0.0.0.0 and internet-wide FirewallRule resources. To keep a public endpoint limited by " +
        "firewall rules to known networks, set the config `allowSelectedNetworks` to true; `allowPublicNetworkAccess` " +
        "turns the check off.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [SERVER, FIREWALL_RULE],
    catalogue: ["azure-public-mysql-flexible"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow MySQL flexible servers with a public endpoint and any firewall rule (turns this policy's check off).",
        },
        allowSelectedNetworks: {
            type: "boolean",
            default: false,
            description: "Accept a public endpoint whose firewall rules admit only bounded ranges (the benchmark asks for public network access Disabled).",
        },
    },
    examples: {
        pass: [
            { title: "a server with public network access disabled", type: SERVER, props: { network: { publicNetworkAccess: "Disabled" } } },
            { title: "a server in a delegated subnet", type: SERVER, props: { network: { delegatedSubnetResourceId: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/db" } } },
            { title: "a firewall rule for one office range", type: FIREWALL_RULE, props: { serverName: "db", startIpAddress: "203.0.113.0", endIpAddress: "203.0.113.255" } },
        ],
        fail: [
            { title: "a server that leaves public network access unset (Enabled)", type: SERVER, props: { version: "16" } },
            { title: "the \"allow access from Azure services\" rule", type: FIREWALL_RULE, props: { serverName: "db", startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" } },
            { title: "a rule that admits every address", type: FIREWALL_RULE, props: { serverName: "db", startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" } },
        ],
    },
    check(resource, config) {
        if (config.allowPublicNetworkAccess) return pass;
        if (resource.canonicalType === FIREWALL_RULE) {
            const { props } = resource;
            return ipRangeRuleVerdict(props.get("startIpAddress"), props.get("endIpAddress"), "The firewall rule");
        }
        return flexibleServerExposureVerdict(resource.props, config.allowSelectedNetworks, "set the config `allowSelectedNetworks` to true to accept a public endpoint limited by firewall rules");
    },
});
