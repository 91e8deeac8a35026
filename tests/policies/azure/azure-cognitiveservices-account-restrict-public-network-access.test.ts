import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-cognitiveservices-account-restrict-public-network-access";
import { publicNetworkAccessCases } from "../../azure-public-network";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const TYPE = "azure-native:cognitiveservices:Account";
const account = (properties: Record<string, unknown>) => ({ type: TYPE, props: { resourceGroupName: "rg", kind: "OpenAI", sku: { name: "S0" }, properties } });

describe("azure-cognitiveservices-account-restrict-public-network-access", () => {
    publicNetworkAccessCases({
        policy,
        type: TYPE,
        props: (access) => account(access === undefined ? {} : { publicNetworkAccess: access }).props,
        accessPath: "properties.publicNetworkAccess",
    });

    describe("passes", () => {
        it("when the network ACL denies by default and admits one range", async () => {
            expect((await runResourcePolicy(policy, account({ networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.7" }] } }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when the ACL allows by default", async () => {
            const r = await runResourcePolicy(policy, account({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`properties.networkAcls.defaultAction` is not Deny");
        });
        it("when an IP rule admits a quarter of the internet", async () => {
            const r = await runResourcePolicy(policy, account({ networkAcls: { defaultAction: "Deny", ipRules: [{ value: "64.0.0.0/2" }] } }));
            expect(r.messages.join()).toContain("`properties.networkAcls.ipRules` admits every address");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole properties block is unknown", async () => {
            expect((await runResourcePolicy(policy, { type: TYPE, props: { resourceGroupName: "rg", kind: "OpenAI", properties: UNKNOWN } })).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("passes an open account when allowPublicNetworkAccess is true", async () => {
            expect((await runResourcePolicy(policy, account({}), { allowPublicNetworkAccess: true })).verdict).toBe("pass");
        });
    });
});
