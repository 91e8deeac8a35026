import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy, type PropsOf } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-eventgrid-topic-restrict-public-network-access",
    title: "Event Grid topics and domains turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Event Grid topic or domain accepts published events from every network unless `publicNetworkAccess` is " +
        "Disabled (unset means Enabled) or `inboundIpRules` lists the networks allowed. Topics and domains must " +
        "set `publicNetworkAccess` to Disabled and be reached through private endpoints; with the config " +
        "`allowSelectedNetworks`, inbound IP rules without one that admits every address are accepted instead.",
    remediation:
        "Set `publicNetworkAccess` to Disabled and publish through a private endpoint. To keep a public endpoint " +
        "limited to known networks, list them in `inboundIpRules` and set the config `allowSelectedNetworks` to " +
        "true; `allowPublicNetworkAccess` turns the check off.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:eventgrid:Topic", "azure-native:eventgrid:Domain"],
    catalogue: ["azure-public-eventgrid"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Event Grid topics and domains with a public endpoint (turns this policy's check off).",
        },
        allowSelectedNetworks: {
            type: "boolean",
            default: false,
            description: "Accept a public endpoint whose firewall admits only listed networks (the benchmark asks for public network access Disabled).",
        },
    },
    examples: {
        pass: [
            { title: "a topic with public network access disabled", type: "azure-native:eventgrid:Topic", props: { publicNetworkAccess: "Disabled" } },
            { title: "a domain with public network access disabled", type: "azure-native:eventgrid:Domain", props: { publicNetworkAccess: "Disabled" } },
        ],
        fail: [
            { title: "a topic that leaves public network access unset (Enabled)", type: "azure-native:eventgrid:Topic", props: { inputSchema: "CloudEventSchemaV1_0" } },
            { title: "an inbound rule that admits every address, even with allowSelectedNetworks", type: "azure-native:eventgrid:Domain", props: { publicNetworkAccess: "Enabled", inboundIpRules: [{ ipMask: "0.0.0.0/1", action: "Allow" }, { ipMask: "128.0.0.0/1", action: "Allow" }] }, config: { allowSelectedNetworks: true } },
        ],
    },
    check(resource, config) {
        const props: PropsOf<"azure-native:eventgrid:Topic" | "azure-native:eventgrid:Domain"> = resource.props;
        if (config.allowPublicNetworkAccess) return pass;
        return exposureVerdict(
            { access: props.get("publicNetworkAccess"), firewall: { ipRules: props.get("inboundIpRules"), valueKey: "ipMask" }, noun: "the topic or domain" },
            {
                acceptSelected: config.allowSelectedNetworks,
                selectedRemedy: "set the config `allowSelectedNetworks` to true to accept a firewalled public endpoint",
            },
        );
    },
});
