import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-enable-service-logging";
import { versionedTokens } from "../../azure-tokens";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const ACCOUNT = "azure-native:storage:StorageAccount";
const SETTING = "azure-native:monitor:DiagnosticSetting";
const ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data";
const WORKSPACE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs";
const RWD = [{ category: "StorageRead", enabled: true }, { category: "StorageWrite", enabled: true }, { category: "StorageDelete", enabled: true }];
const account = (name = "data", props: Record<string, unknown> = { id: ID }, type = ACCOUNT): StackResourceInput => ({ type, name, props: { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, ...props } });
const setting = (name: string, resourceUri: unknown, logs: unknown = RWD, deps?: string[], extra: Record<string, unknown> = {}): StackResourceInput => ({
    type: SETTING,
    name,
    props: { resourceUri, workspaceId: WORKSPACE, logs, ...extra },
    ...(deps ? { propertyDependencies: { resourceUri: deps } } : {}),
});
const all3 = () => [setting("blob", `${ID}/blobServices/default`), setting("queue", `${ID}/queueServices/default`), setting("table", `${ID}/tableServices/default`)];
const messages = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.map((d) => d.message).join();

describe("azure-storage-account-enable-service-logging", () => {
    it("is advisory by default", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("when the blob, queue and table services each log reads, writes and deletes", async () => {
            expect((await runStackPolicy(policy, [account(), ...all3()])).verdict).toBe("pass");
        });

        it("when the settings keep the allLogs group, with the URI in another case", async () => {
            const logs = [{ categoryGroup: "allLogs", enabled: true }];
            const r = await runStackPolicy(policy, [account(), setting("b", `${ID.toUpperCase()}/BLOBSERVICES/default`, logs), setting("q", `${ID}/queueServices/default`, logs), setting("t", `${ID}/tableServices/default`, logs)]);
            expect(r.verdict).toBe("pass");
        });

        it("when a setting names the service through a QueueServiceProperties resource", async () => {
            const queue: StackResourceInput = { type: "azure-native:storage:QueueServiceProperties", name: "queueSvc", props: { resourceGroupName: "rg", accountName: UNKNOWN, queueServiceName: "default" }, propertyDependencies: { accountName: ["data"] } };
            const r = await runStackPolicy(policy, [account("data", { id: ID, accountName: "data" }), queue, setting("q", UNKNOWN, RWD, ["queueSvc"])], { services: ["queue"] });
            expect(r.verdict).toBe("pass");
        });

        it.each(versionedTokens(ACCOUNT))("for the versioned token %s", async (type) => {
            expect((await runStackPolicy(policy, [account("data", { id: ID }, type), ...all3()])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an account logs no service", async () => {
            const r = await runStackPolicy(policy, [account()]);
            expect(r.violating).toEqual(["data"]);
            expect(messages(r)).toContain("blob, queue, table services");
        });

        it("when the table service is missing", async () => {
            const r = await runStackPolicy(policy, [account(), setting("blob", `${ID}/blobServices/default`), setting("queue", `${ID}/queueServices/default`)]);
            expect(messages(r)).toContain("its table service");
        });

        it("when the blob setting leaves out StorageRead", async () => {
            const r = await runStackPolicy(policy, [account(), setting("blob", `${ID}/blobServices/default`, RWD.slice(1))], { services: ["blob"] });
            expect(r.violating).toEqual(["data"]);
        });

        it("when the setting is on the account, not a service", async () => {
            const r = await runStackPolicy(policy, [account(), setting("acct", ID, [{ category: "Transaction", enabled: true }])], { services: ["blob"] });
            expect(r.violating).toEqual(["data"]);
        });

        it("when the logs only stream to an event hub", async () => {
            const r = await runStackPolicy(policy, [account(), setting("blob", `${ID}/blobServices/default`, RWD, undefined, { workspaceId: undefined, eventHubAuthorizationRuleId: "/subscriptions/s/eh" })], { services: ["blob"] });
            expect(r.violating).toEqual(["data"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide which service a setting built from the account's unknown id names", async () => {
            const r = await runStackPolicy(policy, [account("data", {}), setting("blob", UNKNOWN, RWD, ["data"])], { services: ["blob"] });
            expect(r.verdict).toBe("unknown");
            expect(r.violating).toEqual([]);
        });

        it("cannot decide while a setting's resource is unknown", async () => {
            const r = await runStackPolicy(policy, [account(), setting("blob", UNKNOWN)], { services: ["blob"] });
            expect(r.verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("checks only the configured services", async () => {
            expect((await runStackPolicy(policy, [account(), setting("blob", `${ID}/blobServices/default`)], { services: ["blob"] })).verdict).toBe("pass");
        });

        it("rejects a service it does not know", async () => {
            await expect(runStackPolicy(policy, [account()], { services: ["file"] })).rejects.toThrow("services");
        });
    });
});
