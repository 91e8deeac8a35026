import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-eventhub-namespace-restrict-public-network-access";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const NAMESPACE = "azure-native:eventhub:Namespace";
const RULE_SET = "azure-native:eventhub:NamespaceNetworkRuleSet";
const ns = (props: Record<string, unknown> = {}, type = NAMESPACE): StackResourceInput => ({ type, name: "ns", props: { resourceGroupName: "rg", namespaceName: "ns", ...props } });
const rules = (props: Record<string, unknown>, linked = true): StackResourceInput => ({
    type: RULE_SET,
    name: "ns-network",
    props: { resourceGroupName: "rg", namespaceName: "ns", ...props },
    ...(linked ? { propertyDependencies: { namespaceName: ["ns"] } } : {}),
});
const DENY = { defaultAction: "Deny", ipRules: [{ ipMask: "203.0.113.0/24", action: "Allow" }] };
const SELECTED = { allowSelectedNetworks: true };

describe("azure-eventhub-namespace-restrict-public-network-access", () => {
    describe("passes", () => {
        it.each(["Disabled", "disabled", "SecuredByPerimeter"])("a namespace whose public network access is %s", async (v) => {
            expect((await runStackPolicy(policy, [ns({ publicNetworkAccess: v })])).verdict).toBe("pass");
        });
        it("a namespace whose rule set (joined by dependency) disables public network access", async () => {
            expect((await runStackPolicy(policy, [ns(), rules({ publicNetworkAccess: "Disabled" })])).verdict).toBe("pass");
        });
        it("a namespace whose rule set is joined by its literal name", async () => {
            expect((await runStackPolicy(policy, [ns(), rules({ publicNetworkAccess: "Disabled" }, false)])).verdict).toBe("pass");
        });
        it("a rule set that leaves access unset keeps the namespace's Disabled", async () => {
            expect((await runStackPolicy(policy, [ns({ publicNetworkAccess: "Disabled" }), rules({ defaultAction: "Allow" })])).verdict).toBe("pass");
        });
        it.each(versionedTokens(NAMESPACE))("for the aliased token %s", async (type) => {
            expect((await runStackPolicy(policy, [ns({ publicNetworkAccess: "Disabled" }, type)])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a namespace that leaves public network access unset (Enabled)", async () => {
            const r = await runStackPolicy(policy, [ns()]);
            expect(r.violating).toEqual(["ns"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`publicNetworkAccess` is not Disabled (unset means Enabled)");
        });
        it("a rule set that turns public access back on and allows by default", async () => {
            const r = await runStackPolicy(policy, [ns({ publicNetworkAccess: "Disabled" }), rules({ publicNetworkAccess: "Enabled", defaultAction: "Allow" })]);
            expect(r.violating).toEqual(["ns"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("`defaultAction` is not Deny");
        });
        it("a firewalled namespace without allowSelectedNetworks", async () => {
            const r = await runStackPolicy(policy, [ns(), rules(DENY)]);
            expect(r.violating).toEqual(["ns"]);
            expect(r.diagnostics.map((d) => d.message).join()).toContain("allowSelectedNetworks");
        });
        it("a rule set of a namespace outside the stack that opens it", async () => {
            const r = await runStackPolicy(policy, [{ ...rules({ publicNetworkAccess: "Enabled", defaultAction: "Allow" }, false), props: { resourceGroupName: "rg", namespaceName: "elsewhere", defaultAction: "Allow" } }]);
            expect(r.violating).toEqual(["ns-network"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the namespace's access is unknown", async () => {
            const r = await runStackPolicy(policy, [ns({ publicNetworkAccess: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });
        it("cannot decide an open namespace while a rule set's namespace is unknown", async () => {
            const r = await runStackPolicy(policy, [ns(), { type: RULE_SET, name: "other", props: { resourceGroupName: "rg", namespaceName: UNKNOWN, publicNetworkAccess: "Disabled" } }]);
            expect(r.violating).toEqual([]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("accepts a deny-by-default rule set with bounded ranges when allowSelectedNetworks is true", async () => {
            expect((await runStackPolicy(policy, [ns(), rules(DENY)], SELECTED)).verdict).toBe("pass");
        });
        it("still fails an IP rule that admits every address with allowSelectedNetworks", async () => {
            const r = await runStackPolicy(policy, [ns(), rules({ defaultAction: "Deny", ipRules: [{ ipMask: "0.0.0.0/0" }] })], SELECTED);
            expect(r.violating).toEqual(["ns"]);
        });
        it("turns the check off with allowPublicNetworkAccess", async () => {
            expect((await runStackPolicy(policy, [ns()], { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });
        it("rejects a non-boolean allowSelectedNetworks", async () => {
            await expect(runStackPolicy(policy, [ns()], { allowSelectedNetworks: "yes" })).rejects.toThrow("config key 'allowSelectedNetworks' must be a boolean");
        });
    });
});
