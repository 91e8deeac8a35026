import { ipRangeRuleVerdict, isPublicNetworkAccessOff } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

const WORKSPACE = "azure-native:synapse:Workspace";
const FIREWALL_RULE = "azure-native:synapse:IpFirewallRule";

export default defineResourcePolicy({
    name: "azure-synapse-workspace-restrict-public-network-access",
    title: "Synapse workspaces are not reachable from the internet",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A Synapse workspace's SQL and development endpoints are public unless `publicNetworkAccess` is Disabled (unset " +
        "means Enabled); what reaches them is then decided by the workspace firewall (IpFirewallRule resources). " +
        "Workspaces must turn public network access off, and no workspace firewall rule may admit more than a bounded " +
        "range (0.0.0.0–255.255.255.255, \"allow all\", or the internet in halves) or every Azure datacenter (0.0.0.0–0.0.0.0).",
    remediation:
        "Set `publicNetworkAccess` to Disabled and connect through private endpoints (a managed virtual network); remove " +
        "internet-wide IpFirewallRule resources. To keep a public endpoint limited by firewall rules to known networks, " +
        "set the config `allowSelectedNetworks` to true; `allowPublicNetworkAccess` turns the check off.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [WORKSPACE, FIREWALL_RULE],
    catalogue: ["azure-public-synapse"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Synapse workspaces with a public endpoint and any firewall rule (turns this policy's check off).",
        },
        allowSelectedNetworks: {
            type: "boolean",
            default: false,
            description: "Accept a public endpoint whose firewall rules admit only bounded ranges (the benchmark asks for public network access Disabled).",
        },
    },
    examples: {
        pass: [
            { title: "a workspace with public network access disabled", type: WORKSPACE, props: { publicNetworkAccess: "Disabled" } },
            { title: "a firewall rule for one office range", type: FIREWALL_RULE, props: { workspaceName: "ws", startIpAddress: "203.0.113.0", endIpAddress: "203.0.113.255" } },
        ],
        fail: [
            { title: "a workspace that leaves public network access unset (Enabled)", type: WORKSPACE, props: { managedVirtualNetwork: "default" } },
            { title: "the \"allow all\" firewall rule", type: FIREWALL_RULE, props: { workspaceName: "ws", ruleName: "allowAll", startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" } },
        ],
    },
    check(resource, config) {
        if (config.allowPublicNetworkAccess) return pass;
        if (resource.canonicalType === FIREWALL_RULE) {
            const { props } = resource;
            return ipRangeRuleVerdict(props.get("startIpAddress"), props.get("endIpAddress"), "The workspace firewall rule");
        }
        // The workspace firewall lives in IpFirewallRule resources, judged one by one above.
        if (config.allowSelectedNetworks) return pass;
        const access = resource.props.get("publicNetworkAccess");
        if (access.isUnknown) return unknown(access);
        if (isPublicNetworkAccessOff(access)) return pass;
        return fail(
            "`publicNetworkAccess` is not Disabled (unset means Enabled), so the workspace keeps a public endpoint that its firewall rules open; set it to " +
                "Disabled and use private endpoints, or set the config `allowSelectedNetworks` to true to accept a public endpoint limited by firewall rules.",
        );
    },
});
