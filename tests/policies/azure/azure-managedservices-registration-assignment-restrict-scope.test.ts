import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-managedservices-registration-assignment-restrict-scope";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";
import { ASSIGNMENT, RG_SCOPE, SUBSCRIPTION, SUB_SCOPE } from "../../lighthouse";

const rg = (name = "managed"): StackResourceInput => ({ type: "azure-native:resources:ResourceGroup", name, props: { resourceGroupName: name, location: "japaneast" } });
const alias = (): StackResourceInput => ({ type: "azure-native:subscription:Alias", name: "newSub", props: { aliasName: "msp-run", properties: { workload: "Production" } } });
const definitionId = `${SUB_SCOPE}/providers/Microsoft.ManagedServices/registrationDefinitions/0d1e2f3a-0000-4000-8000-000000000001`;
const assignment = (name: string, scope: unknown, from: readonly string[] = [], type = ASSIGNMENT): StackResourceInput => ({
    type,
    name,
    props: { scope, properties: { registrationDefinitionId: definitionId } },
    ...(from.length ? { propertyDependencies: { scope: from } } : {}),
});

describe("azure-managedservices-registration-assignment-restrict-scope", () => {
    describe("passes", () => {
        it("an assignment at a resource group written out", async () => {
            expect((await runStackPolicy(policy, [assignment("rgScope", RG_SCOPE)])).verdict).toBe("pass");
        });

        it("an assignment whose scope is a resource group of this stack (unknown id during preview)", async () => {
            expect((await runStackPolicy(policy, [rg(), assignment("rgScope", UNKNOWN, ["managed"])])).verdict).toBe("pass");
        });

        it("a scope written in another case with a trailing slash", async () => {
            expect((await runStackPolicy(policy, [assignment("rgScope", `${RG_SCOPE.toUpperCase()}/`)])).verdict).toBe("pass");
        });

        it("a stack without registration assignments", async () => {
            expect((await runStackPolicy(policy, [rg()])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a whole subscription is delegated", async () => {
            const r = await runStackPolicy(policy, [assignment("whole", SUB_SCOPE), assignment("rgScope", RG_SCOPE)]);
            expect(r.violating).toEqual(["whole"]);
            expect(r.diagnostics[0]?.message).toContain("`scope` is a whole subscription");
            expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
        });

        it("when the subscription scope has a trailing slash or another case", async () => {
            expect((await runStackPolicy(policy, [assignment("whole", `${SUB_SCOPE.toUpperCase()}/`)])).violating).toEqual(["whole"]);
        });

        it("when the scope is a management group", async () => {
            const r = await runStackPolicy(policy, [assignment("mg", "/providers/Microsoft.Management/managementGroups/platform")]);
            expect(r.diagnostics[0]?.message).toContain("`scope` is broader than a subscription");
        });

        it("when the scope is a subscription this stack creates", async () => {
            expect((await runStackPolicy(policy, [alias(), assignment("whole", UNKNOWN, ["newSub"])])).violating).toEqual(["whole"]);
        });

        it("through the versioned token spellings", async () => {
            for (const type of versionedTokens(ASSIGNMENT, "v20221001")) {
                expect((await runStackPolicy(policy, [assignment("whole", SUB_SCOPE, [], type)])).violating, type).toEqual(["whole"]);
            }
        });

        it("without printing a secret scope", async () => {
            const r = await runStackPolicy(policy, [assignment("whole", secret(SUB_SCOPE))]);
            expect(r.violating).toEqual(["whole"]);
            expect(r.diagnostics.map((d) => d.message).join()).not.toContain(SUBSCRIPTION);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the scope is computed from something that is not a resource group of this stack", async () => {
            const r = await runStackPolicy(policy, [assignment("pending", UNKNOWN), assignment("whole", SUB_SCOPE)]);
            expect(r.violating).toEqual(["whole"]);
            expect(r.diagnostics.find((d) => d.resource === "pending")).toEqual(expect.objectContaining({ kind: "unknown", enforcementLevel: "advisory" }));
            expect(r.diagnostics.find((d) => d.resource === "pending")?.message).toContain("`scope` is unknown");
        });

        it("cannot decide when the scope mixes a resource group and a new subscription while subscriptions are allowed", async () => {
            const r = await runStackPolicy(policy, [alias(), rg(), assignment("pending", UNKNOWN, ["newSub", "managed"])], { allowedSubscriptionIds: [SUBSCRIPTION] });
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("lets an allowed subscription (any case) be delegated whole", async () => {
            const r = await runStackPolicy(policy, [assignment("whole", SUB_SCOPE)], { allowedSubscriptionIds: [SUBSCRIPTION.toUpperCase()] });
            expect(r.verdict).toBe("pass");
        });

        it("still reports a subscription that is not allowed", async () => {
            const r = await runStackPolicy(policy, [assignment("whole", SUB_SCOPE)], { allowedSubscriptionIds: ["55555555-5555-5555-5555-555555555555"] });
            expect(r.violating).toEqual(["whole"]);
        });

        it("rejects a malformed subscription id and an unknown key, naming them", async () => {
            await expect(runStackPolicy(policy, [], { allowedSubscriptionIds: [SUB_SCOPE] })).rejects.toThrow("config key 'allowedSubscriptionIds[0]' has a malformed value");
            await expect(runStackPolicy(policy, [], { allowSubscriptionScope: true })).rejects.toThrow("config key 'allowSubscriptionScope'");
        });
    });
});
