import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-blob-container-disallow-public-access";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:BlobContainer";
const base = { resourceGroupName: "rg", accountName: "stapp001" };
const container = (props: Record<string, unknown>, type = TYPE) => ({ type, props: { ...base, ...props } });

describe("azure-storage-blob-container-disallow-public-access", () => {
    describe("passes", () => {
        it.each([
            ["leaves publicAccess unset", {}],
            ["sets it to None", { publicAccess: "None" }],
            ["sets it to none in lower case", { publicAccess: "none" }],
        ])("when the container %s", async (_, props) => {
            expect((await runResourcePolicy(policy, container(props))).verdict).toBe("pass");
        });

        it("ignores storage accounts", async () => {
            expect((await runResourcePolicy(policy, { type: "azure-native:storage:StorageAccount", props: { publicAccess: "Container" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it.each(["Container", "Blob", "container", "BLOB"])("when publicAccess is %s", async (publicAccess) => {
            const r = await runResourcePolicy(policy, container({ publicAccess }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`publicAccess` allows anonymous reads");
        });

        it.each(versionedTokens(TYPE))("for the aliased token %s", async (type) => {
            expect((await runResourcePolicy(policy, container({ publicAccess: "Blob" }, type))).verdict).toBe("fail");
        });

        it("when publicAccess is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, container({ publicAccess: secret("cOnTaInEr") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("cOnTaInEr");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while publicAccess is unknown", async () => {
            const r = await runResourcePolicy(policy, container({ publicAccess: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".publicAccess");
        });

        it("decides from publicAccess while the account name is unknown", async () => {
            expect((await runResourcePolicy(policy, container({ accountName: UNKNOWN, publicAccess: "Container" }))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, container({}), { allowBlob: true })).rejects.toThrow("config key 'allowBlob'");
        });
    });
});
