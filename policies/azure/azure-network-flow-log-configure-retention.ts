import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

export default defineResourcePolicy({
    name: "azure-network-flow-log-configure-retention",
    title: "Flow logs are kept at least 90 days",
    cloud: "azure",
    control: "log-retention",
    severity: "medium",
    description:
        "A network (NSG or virtual network) flow log with a retention policy deletes its records from the storage account " +
        "after `retentionPolicy.days`; 0 keeps them forever, and without an enabled retention policy nothing is deleted. " +
        "An enabled retention policy must keep them at least the configured minimum (default 90 days).",
    remediation: "Set `retentionPolicy.days` to at least the minimum (or 0 to keep flow logs forever).",
    frameworks: [
        { framework: "cis-azure", version: "2.1.0", id: "6.5" },
        { framework: "iso27001", version: "2022", id: "A.8.15" },
    ],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:network:FlowLog"],
    config: {
        minimumRetentionDays: { type: "integer", minimum: 1, default: 90, description: "The fewest days a flow log's retention policy may keep records (0 = forever always passes)." },
    },
    catalogue: ["azure-log-nsg-flow-log-retention"],
    examples: {
        pass: [
            {
                title: "a flow log kept 365 days",
                type: "azure-native:network:FlowLog",
                props: { resourceGroupName: "NetworkWatcherRG", networkWatcherName: "NetworkWatcher_westeurope", storageId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flowlogs", targetResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", enabled: true, retentionPolicy: { enabled: true, days: 365 } },
            },
        ],
        fail: [
            {
                title: "a flow log kept 30 days",
                type: "azure-native:network:FlowLog",
                props: { resourceGroupName: "NetworkWatcherRG", networkWatcherName: "NetworkWatcher_westeurope", storageId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flowlogs", targetResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", enabled: true, retentionPolicy: { enabled: true, days: 30 } },
            },
        ],
    },
    check({ props }, config) {
        const policy = props.get("retentionPolicy");
        const enabled = policy.get("enabled");
        const days = policy.get("days");
        if (days.isUnknown) return unknown(days);
        const n = days.number();
        if (days.isUnset || n === 0 || (n !== undefined && n >= config.minimumRetentionDays)) return pass;
        if (enabled.isUnknown) return unknown(enabled);
        // A retention policy that is not enabled deletes nothing.
        if (!enabled.isTrue()) return pass;
        return fail(`\`retentionPolicy.days\` keeps flow logs ${n ?? "an unreadable number of"} days, fewer than ${config.minimumRetentionDays}; set it to at least ${config.minimumRetentionDays}, or 0 to keep them forever.`);
    },
});
