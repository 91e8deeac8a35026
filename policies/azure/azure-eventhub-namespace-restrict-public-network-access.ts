import { namespaceExposureFindings } from "../core/azure-namespace-network";
import { defineStackPolicy } from "../core/policy";

const NAMESPACE = "azure-native:eventhub:Namespace";
const RULE_SET = "azure-native:eventhub:NamespaceNetworkRuleSet";

export default defineStackPolicy({
    name: "azure-eventhub-namespace-restrict-public-network-access",
    title: "Event Hubs namespaces turn public network access off",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A Event Hubs namespace accepts connections from every network unless public network access is Disabled — on the " +
        "namespace (`publicNetworkAccess`) or on its NamespaceNetworkRuleSet, whose stated value holds (unset means " +
        "Enabled on both). Namespaces must turn public network access off and be reached through private endpoints; with " +
        "the config `allowSelectedNetworks`, a rule set that denies by default and admits only bounded IP ranges is accepted instead.",
    remediation:
        "Set `publicNetworkAccess` to Disabled on the namespace (and on its NamespaceNetworkRuleSet, if it has one) and " +
        "connect through a private endpoint. To keep a public endpoint limited to known networks, give the namespace a " +
        "NamespaceNetworkRuleSet with `defaultAction` Deny and `ipRules` / `virtualNetworkRules`, and set the config " +
        "`allowSelectedNetworks` to true; `allowPublicNetworkAccess` turns the check off.",
    frameworks: [
        { framework: "mcsb", version: "v1", id: "NS-2" },
        { framework: "iso27001", version: "2022", id: "A.8.20" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: [NAMESPACE, RULE_SET],
    catalogue: ["azure-public-eventhub"],
    config: {
        allowPublicNetworkAccess: {
            type: "boolean",
            default: false,
            description: "Allow Event Hubs namespaces with a public endpoint (turns this policy's check off).",
        },
        allowSelectedNetworks: {
            type: "boolean",
            default: false,
            description: "Accept a public endpoint whose network rule set denies by default and admits only bounded ranges (the benchmark asks for public network access Disabled).",
        },
    },
    examples: {
        pass: [
            { title: "a namespace with public network access disabled", resources: [{ type: NAMESPACE, name: "events", props: { namespaceName: "events", publicNetworkAccess: "Disabled" } }] },
            {
                title: "a namespace whose network rule set disables public network access",
                resources: [
                    { type: NAMESPACE, name: "events", props: { namespaceName: "events" } },
                    { type: RULE_SET, name: "events-network", props: { namespaceName: "events", publicNetworkAccess: "Disabled", defaultAction: "Deny" }, propertyDependencies: { namespaceName: ["events"] } },
                ],
            },
        ],
        fail: [
            { title: "a namespace that leaves public network access unset (Enabled)", resources: [{ type: NAMESPACE, name: "events", props: { namespaceName: "events" } }] },
            {
                title: "a network rule set that turns public access back on and allows by default",
                resources: [
                    { type: NAMESPACE, name: "events", props: { namespaceName: "events", publicNetworkAccess: "Disabled" } },
                    { type: RULE_SET, name: "events-network", props: { namespaceName: "events", publicNetworkAccess: "Enabled", defaultAction: "Allow" }, propertyDependencies: { namespaceName: ["events"] } },
                ],
            },
        ],
    },
    *check(stack, config) {
        if (config.allowPublicNetworkAccess) return;
        yield* namespaceExposureFindings(stack, NAMESPACE, RULE_SET, config.allowSelectedNetworks);
    },
});
