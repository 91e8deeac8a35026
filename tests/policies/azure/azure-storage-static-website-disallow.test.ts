import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-static-website-disallow";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccountStaticWebsite";
const site = (props: Record<string, unknown>) => ({ type: TYPE, props: { resourceGroupName: "rg", accountName: "stwebsite01", indexDocument: "index.html", ...props } });

describe("azure-storage-static-website-disallow", () => {
    describe("passes", () => {
        it("when the account is allowed to publish a site", async () => {
            expect((await runResourcePolicy(policy, site({}), { allowedAccountNames: ["stwebsite01"] })).verdict).toBe("pass");
        });

        it("when the allowed account's name is a secret", async () => {
            expect((await runResourcePolicy(policy, site({ accountName: secret("stwebsite01") }), { allowedAccountNames: ["stwebsite01"] })).verdict).toBe("pass");
        });

        it("ignores blob containers", async () => {
            expect((await runResourcePolicy(policy, { type: "azure-native:storage:BlobContainer", props: { accountName: "x" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when static websites are not allowed at all (the default)", async () => {
            const r = await runResourcePolicy(policy, site({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("serves the `$web` container to anyone");
        });

        it("when the account is not among the allowed ones, without printing its name", async () => {
            const r = await runResourcePolicy(policy, site({ accountName: "stprivatedata9" }), { allowedAccountNames: ["stwebsite01"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`accountName` is not one of the accounts allowed");
            expect(r.messages.join()).not.toContain("stprivatedata9");
        });

        it("even while the account name is unknown, when no account is allowed", async () => {
            expect((await runResourcePolicy(policy, site({ accountName: UNKNOWN }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the account name is unknown and some accounts are allowed", async () => {
            const r = await runResourcePolicy(policy, site({ accountName: UNKNOWN }), { allowedAccountNames: ["stwebsite01"] });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".accountName");
        });
    });

    describe("config", () => {
        it("rejects a malformed account name, naming the key", async () => {
            await expect(runResourcePolicy(policy, site({}), { allowedAccountNames: ["Web_Site"] })).rejects.toThrow("config key 'allowedAccountNames[0]'");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, site({}), { allowed: ["stwebsite01"] })).rejects.toThrow("config key 'allowed'");
        });
    });
});
