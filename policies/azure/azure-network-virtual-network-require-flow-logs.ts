import { azureIdKeys, resolveAzureId } from "../core/azure-ids";
import { defineStackPolicy, type StackResource } from "../core/policy";
import { Join } from "../core/stack";
import { fail, pass, unknown, type Verdict } from "../core/verdict";

const VNET = "azure-native:network:VirtualNetwork";
const FLOW_LOG = "azure-native:network:FlowLog";

/** Whether a flow log captures flows and sends them to Log Analytics (traffic analytics): what is missing, if anything. */
function flowLogVerdict(log: StackResource<typeof FLOW_LOG>): Verdict {
    const props = log.props;
    const enabled = props.get("enabled");
    const analytics = props.get("flowAnalyticsConfiguration").get("networkWatcherFlowAnalyticsConfiguration");
    const on = analytics.get("enabled");
    const workspace = analytics.get("workspaceResourceId");
    const problems: string[] = [];
    if (!enabled.isUnknown && !enabled.isTrue()) problems.push("`enabled` is not true (the flow log captures nothing)");
    if (!on.isUnknown && !on.isTrue()) problems.push("`flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.enabled` is not true (flows are not sent to Log Analytics)");
    if (!workspace.isUnknown && !workspace.isText()) problems.push("`flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.workspaceResourceId` is not set");
    if (problems.length) return fail(`a flow log ${problems.join("; ")}; capture flows with traffic analytics to a Log Analytics workspace.`);
    return enabled.isUnknown || on.isUnknown || workspace.isUnknown ? unknown(enabled, on, workspace) : pass;
}

export default defineStackPolicy({
    name: "azure-network-virtual-network-require-flow-logs",
    title: "Virtual networks have flow logs sent to Log Analytics",
    cloud: "azure",
    control: "log-retention",
    severity: "low",
    description:
        "Every virtual network of the stack needs a flow log (`targetResourceId` the network) that is enabled and sends " +
        "its flows to a Log Analytics workspace through traffic analytics, and every flow log of the stack (virtual " +
        "network or network security group) must do so. A virtual network flow log covers the traffic of the NSGs in " +
        "that network (new NSG flow logs can no longer be created). Advisory: flow logs are often managed centrally, " +
        "in the Network Watcher resource group of another stack.",
    remediation:
        "Add an `azure-native:network:FlowLog` with `targetResourceId: <vnet>.id`, `enabled: true`, `storageId`, and " +
        "`flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration` `{ enabled: true, workspaceResourceId, trafficAnalyticsInterval: 10 }`.",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "5.1.5" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "advisory",
    resourceTypes: [VNET, FLOW_LOG],
    config: {},
    catalogue: ["azure-log-nsg-flow-logs-analytics"],
    examples: {
        pass: [
            {
                title: "a virtual network with a flow log sent to Log Analytics",
                resources: [
                    { type: VNET, name: "vnet", props: { resourceGroupName: "rg", addressSpace: { addressPrefixes: ["10.0.0.0/16"] } } },
                    {
                        type: FLOW_LOG,
                        name: "vnet-flows",
                        props: {
                            resourceGroupName: "NetworkWatcherRG",
                            networkWatcherName: "NetworkWatcher_westeurope",
                            storageId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flowlogs",
                            targetResourceId: "(vnet id)",
                            enabled: true,
                            flowAnalyticsConfiguration: { networkWatcherFlowAnalyticsConfiguration: { enabled: true, workspaceResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs" } },
                        },
                        propertyDependencies: { targetResourceId: ["vnet"] },
                    },
                ],
            },
        ],
        fail: [{ title: "a virtual network without a flow log", resources: [{ type: VNET, name: "vnet", props: { resourceGroupName: "rg", addressSpace: { addressPrefixes: ["10.0.0.0/16"] } } }] }],
    },
    *check(stack) {
        const vnets = stack.ofType(VNET);
        const index = new Join(vnets, azureIdKeys);
        const coverage = new Map<string, Verdict[]>();
        let unplaced = false;
        for (const log of stack.ofType(FLOW_LOG)) {
            const verdict = flowLogVerdict(log);
            // Every flow log is judged on its own too (NSG flow logs, and networks outside the stack).
            if (verdict.kind === "fail") yield { urn: log.urn, verdict };
            const ref = resolveAzureId(index, log, "targetResourceId");
            if (ref.kind === "unknown") unplaced ||= verdict.kind !== "fail";
            if (ref.kind !== "resources") continue;
            for (const v of ref.targets) coverage.set(v.urn, [...(coverage.get(v.urn) ?? []), verdict]);
        }
        for (const vnet of vnets) {
            const own = coverage.get(vnet.urn) ?? [];
            let verdict: Verdict;
            if (own.some((v) => v.kind === "pass")) verdict = pass;
            else if (own.some((v) => v.kind === "unknown") || unplaced) verdict = unknown("whether a flow log of this network is enabled and sends flows to Log Analytics (`targetResourceId`, `enabled`, `flowAnalyticsConfiguration`)");
            else if (own.length) verdict = fail("its flow log does not capture flows and send them to Log Analytics; fix the FlowLog (see its own finding).");
            else verdict = fail("no FlowLog in this stack has a `targetResourceId` referring to this virtual network; add one that sends flows to Log Analytics (traffic analytics).");
            yield { urn: vnet.urn, verdict };
        }
    },
});
