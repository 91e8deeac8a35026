import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-cosmosdb-account-require-private-endpoint";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const TYPE = "azure-native:cosmosdb:DatabaseAccount";
const PE = "azure-native:network:PrivateEndpoint";
const ID = "/subscriptions/0000/resourceGroups/RG/providers/Microsoft.X/things/data";
const BASE = { resourceGroupName: "rg", databaseAccountOfferType: "Standard", locations: [{ locationName: "japaneast" }] };
const target = (props: Record<string, unknown>, type = TYPE): StackResourceInput => ({ type, name: "data", props });
const endpoint = (connection: Record<string, unknown>, deps?: readonly string[], property = "privateLinkServiceConnections"): StackResourceInput => ({
    type: PE,
    name: "data-pe",
    props: { resourceGroupName: "rg", subnet: { id: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe" }, [property]: [{ name: "c", ...connection }] },
    ...(deps ? { propertyDependencies: { [property]: deps } } : {}),
});
const other: StackResourceInput = { type: "azure-native:sql:Server", name: "sql", props: { resourceGroupName: "rg" } };

describe("azure-cosmosdb-account-require-private-endpoint", () => {
    describe("passes", () => {
        it("public network access off and no private endpoint in this stack", async () => {
            expect((await runStackPolicy(policy, [target({ ...BASE, publicNetworkAccess: "SecuredByPerimeter" })])).verdict).toBe("pass");
        });
        it("a private endpoint joined by property dependency (the id unknown in a preview)", async () => {
            expect((await runStackPolicy(policy, [target({ ...BASE, publicNetworkAccess: "Enabled", ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }] }), endpoint({ privateLinkServiceId: UNKNOWN }, ["data"])])).verdict).toBe("pass");
        });
        it("a manual private endpoint connection joined by dependency", async () => {
            expect((await runStackPolicy(policy, [target(BASE), endpoint({ privateLinkServiceId: UNKNOWN }, ["data"], "manualPrivateLinkServiceConnections")])).verdict).toBe("pass");
        });
        it("a private endpoint that names the literal id in another case", async () => {
            const t = { ...target(BASE), props: { ...BASE, id: ID } };
            expect((await runStackPolicy(policy, [t, endpoint({ privateLinkServiceId: ID.toLowerCase() })])).verdict).toBe("pass");
        });
        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runStackPolicy(policy, [target(BASE, type), endpoint({ privateLinkServiceId: UNKNOWN }, ["data"])])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a public endpoint, even firewalled, and no private endpoint: advisory", async () => {
            const r = await runStackPolicy(policy, [target({ ...BASE, publicNetworkAccess: "Enabled", ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }] })]);
            expect(r.violating).toEqual(["data"]);
            expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
            expect(r.diagnostics[0]?.message).toContain("`publicNetworkAccess` is not Disabled and no private endpoint in this stack connects to");
        });
        it("a private endpoint built from another resource is not this one's", async () => {
            const r = await runStackPolicy(policy, [target(BASE), other, endpoint({ privateLinkServiceId: UNKNOWN }, ["sql"])]);
            expect(r.violating).toEqual(["data"]);
        });
        it("a private endpoint that names another literal id", async () => {
            const r = await runStackPolicy(policy, [target({ ...BASE, id: ID }), endpoint({ privateLinkServiceId: ID + "-other" })]);
            expect(r.violating).toEqual(["data"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while public network access is unknown", async () => {
            const r = await runStackPolicy(policy, [target({ ...BASE, publicNetworkAccess: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });
        it("cannot decide while a private endpoint's target is unknown and comes from no resource of the stack", async () => {
            const r = await runStackPolicy(policy, [target(BASE), endpoint({ privateLinkServiceId: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("has no config: any key is refused", async () => {
            await expect(runStackPolicy(policy, [target(BASE)], { allowPublicNetworkAccess: true })).rejects.toThrow("config key 'allowPublicNetworkAccess'");
        });
        it("reports at the advisory level by default", () => {
            expect(policy.enforcementLevel).toBe("advisory");
        });
    });
});
