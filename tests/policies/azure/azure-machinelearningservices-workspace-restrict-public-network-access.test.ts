import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-machinelearningservices-workspace-restrict-public-network-access";
import { publicNetworkAccessCases } from "../../azure-public-network";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:machinelearningservices:Workspace";
const BASE = { resourceGroupName: "rg", friendlyName: "ml" };

describe("azure-machinelearningservices-workspace-restrict-public-network-access", () => {
    publicNetworkAccessCases({
        policy,
        type: TYPE,
        props: (access) => ({ ...BASE, ...(access === undefined ? {} : { publicNetworkAccess: access }) }),
        accessPath: "publicNetworkAccess",
    });

    describe("passes", () => {
        it("when public network access is disabled beside other settings", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { ...BASE, publicNetworkAccess: "Disabled", tags: { team: "data" } } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("says how to fix it", async () => {
            const r = await runResourcePolicy(policy, { type: TYPE, props: BASE });
            expect(r.messages.join()).toContain("set `publicNetworkAccess` to Disabled and use a private endpoint");
        });
        it("does not echo a secret switch value", async () => {
            const r = await runResourcePolicy(policy, { type: TYPE, props: { ...BASE, publicNetworkAccess: secret("Enabled") } });
            expect(r.verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the switch is unknown, even with other settings known", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { ...BASE, publicNetworkAccess: UNKNOWN, tags: { team: "data" } } })).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("fails an open resource with the default config", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: BASE }, { allowPublicNetworkAccess: false })).verdict).toBe("fail");
        });
    });
});
