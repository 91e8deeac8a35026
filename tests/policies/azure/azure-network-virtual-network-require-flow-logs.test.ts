import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-network-virtual-network-require-flow-logs";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const VNET = "azure-native:network:VirtualNetwork";
const FLOW_LOG = "azure-native:network:FlowLog";
const WORKSPACE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs";
const ANALYTICS = { networkWatcherFlowAnalyticsConfiguration: { enabled: true, workspaceResourceId: WORKSPACE } };
const vnet = (name: string, extra: Record<string, unknown> = {}, type = VNET): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", addressSpace: { addressPrefixes: ["10.0.0.0/16"] }, ...extra } });
const flowLog = (name: string, props: Record<string, unknown>, target?: string): StackResourceInput => ({
    type: FLOW_LOG,
    name,
    props: { resourceGroupName: "NetworkWatcherRG", networkWatcherName: "nw", storageId: "/subscriptions/s/x", targetResourceId: UNKNOWN, enabled: true, flowAnalyticsConfiguration: ANALYTICS, ...props },
    ...(target ? { propertyDependencies: { targetResourceId: [target] } } : {}),
});
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-network-virtual-network-require-flow-logs", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the network's flow log sends flows to Log Analytics", async () => {
            expect((await runStackPolicy(policy, [vnet("vnet"), flowLog("flows", {}, "vnet")])).verdict).toBe("pass");
        });

        it("when the flow log names the network by id", async () => {
            const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";
            expect((await runStackPolicy(policy, [vnet("vnet", { id }), flowLog("flows", { targetResourceId: id.toUpperCase() })])).verdict).toBe("pass");
        });

        it.each(versionedTokens(VNET))("for the versioned token %s", async (type) => {
            expect((await runStackPolicy(policy, [vnet("vnet", {}, type), flowLog("flows", {}, "vnet")])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a network has no flow log", async () => {
            const r = await runStackPolicy(policy, [vnet("vnet")]);
            expect(r.violating).toEqual(["vnet"]);
            expect(messages(r)).toContain("no FlowLog");
        });

        it("when the flow log has no traffic analytics", async () => {
            const r = await runStackPolicy(policy, [vnet("vnet"), flowLog("flows", { flowAnalyticsConfiguration: undefined }, "vnet")]);
            expect([...r.violating].sort()).toEqual(["flows", "vnet"]);
            expect(messages(r)).toContain("not sent to Log Analytics");
        });

        it("when the flow log is disabled", async () => {
            const r = await runStackPolicy(policy, [vnet("vnet"), flowLog("flows", { enabled: false }, "vnet")]);
            expect(messages(r)).toContain("captures nothing");
        });

        it("when an NSG flow log has no workspace", async () => {
            const r = await runStackPolicy(policy, [flowLog("nsg-flows", { targetResourceId: "/subscriptions/s/nsg", flowAnalyticsConfiguration: { networkWatcherFlowAnalyticsConfiguration: { enabled: true } } })]);
            expect(r.violating).toEqual(["nsg-flows"]);
            expect(messages(r)).toContain("workspaceResourceId` is not set");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a flow log's target is unknown", async () => {
            const r = await runStackPolicy(policy, [vnet("vnet"), flowLog("flows", {})]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });

        it("cannot decide while the workspace is unknown", async () => {
            const r = await runStackPolicy(policy, [vnet("vnet"), flowLog("flows", { flowAnalyticsConfiguration: { networkWatcherFlowAnalyticsConfiguration: { enabled: true, workspaceResourceId: UNKNOWN } } }, "vnet")]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runStackPolicy(policy, [vnet("vnet")], { targets: [] })).rejects.toThrow("config key 'targets'");
        });
    });
});
