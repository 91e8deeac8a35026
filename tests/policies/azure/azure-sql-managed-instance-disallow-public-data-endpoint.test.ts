import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-managed-instance-disallow-public-data-endpoint";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:sql:ManagedInstance";
const instance = (props: Record<string, unknown> = {}, type = TYPE) => ({ type, props: { resourceGroupName: "rg", subnetId: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/mi", ...props } });

describe("azure-sql-managed-instance-disallow-public-data-endpoint", () => {
    describe("passes", () => {
        it.each([["leaves the endpoint unset (off by default)", {}], ["turns it off", { publicDataEndpointEnabled: false }], ["turns it off as a string", { publicDataEndpointEnabled: "false" }]])(
            "an instance that %s",
            async (_, props) => {
                expect((await runResourcePolicy(policy, instance(props))).verdict).toBe("pass");
            },
        );
        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, instance({}, type))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each([true, "True"])("an instance with publicDataEndpointEnabled %s", async (v) => {
            const r = await runResourcePolicy(policy, instance({ publicDataEndpointEnabled: v }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicDataEndpointEnabled` is true");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the endpoint setting is unknown", async () => {
            const r = await runResourcePolicy(policy, instance({ publicDataEndpointEnabled: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("publicDataEndpointEnabled");
        });
    });

    describe("config", () => {
        it("allows the endpoint when allowPublicDataEndpoint is true", async () => {
            expect((await runResourcePolicy(policy, instance({ publicDataEndpointEnabled: true }), { allowPublicDataEndpoint: true })).verdict).toBe("pass");
        });
        it("rejects a non-boolean allowPublicDataEndpoint", async () => {
            await expect(runResourcePolicy(policy, instance(), { allowPublicDataEndpoint: "yes" })).rejects.toThrow("config key 'allowPublicDataEndpoint' must be a boolean");
        });
    });
});
