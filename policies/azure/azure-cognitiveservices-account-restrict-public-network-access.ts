import { exposureVerdict } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { pass } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-cognitiveservices-account-restrict-public-network-access",
    title: "Azure AI services accounts are not reachable from every network",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "An Azure AI services (Cognitive Services, Azure OpenAI) account accepts traffic from every network unless " +
        "told otherwise. An account must either turn public network access off (`properties.publicNetworkAccess` " +
        "Disabled; unset means Enabled) or deny by default (`properties.networkAcls.defaultAction` Deny) and admit " +
        "only listed networks, with no IP rule that admits every address.",
    remediation:
        "Set `properties.publicNetworkAccess` to Disabled and use private endpoints, or set " +
        "`properties.networkAcls.defaultAction` to Deny with `ipRules` / `virtualNetworkRules` for the networks " +
        "that need access. Set the config `allowPublicNetworkAccess` to true only for stacks whose accounts must " +
        "be public.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    catalogue: ["azure-public-cognitive"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Azure AI services accounts with a public endpoint (turns this policy's check off).",
        },
    },
    examples: {
        pass: [
            { title: "an account with public network access disabled", type: "azure-native:cognitiveservices:Account", props: { kind: "OpenAI", properties: { publicNetworkAccess: "Disabled" } } },
            { title: "an account whose firewall denies by default", type: "azure-native:cognitiveservices:Account", props: { kind: "OpenAI", properties: { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24" }] } } } },
        ],
        fail: [
            { title: "an account that says nothing about network access", type: "azure-native:cognitiveservices:Account", props: { kind: "OpenAI", properties: {} } },
            { title: "a firewall that allows by default", type: "azure-native:cognitiveservices:Account", props: { kind: "OpenAI", properties: { networkAcls: { defaultAction: "Allow" } } } },
        ],
    },
    check({ props }, config) {
        if (config.allowPublicNetworkAccess) return pass;
        const acl = props.get("properties").get("networkAcls");
        return exposureVerdict(
            { access: props.get("properties").get("publicNetworkAccess"), firewall: { defaultAction: acl.get("defaultAction"), ipRules: acl.get("ipRules"), valueKey: "value" }, noun: "the account" },
            { acceptSelected: true },
        );
    },
});
