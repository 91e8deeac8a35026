import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-storage-account-restrict-geo-replication";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:storage:StorageAccount";
interface Account {
    location?: unknown;
    sku?: unknown;
}
const base: Account = { location: "japaneast", sku: { name: "Standard_GRS" } };
const account = (props: Account, type = TYPE, providerLocation?: string) => ({
    type,
    props: { resourceGroupName: "rg", kind: "StorageV2", ...base, ...props } as Record<string, unknown>,
    ...(providerLocation ? { provider: { props: { location: providerLocation } } } : {}),
});

describe("azure-storage-account-restrict-geo-replication", () => {
    describe("passes", () => {
        it.each([["Standard_GRS"], ["Standard_RAGRS"], ["Standard_GZRS"], ["Standard_RAGZRS"], ["StandardV2_GZRS"], ["standard_ragrs"]])(
            "a %s account in japaneast, whose pair japanwest is allowed",
            async (name) => {
                expect((await runResourcePolicy(policy, account({ sku: { name } }))).verdict).toBe("pass");
            },
        );

        it("a geo-redundant account in Japan West (display name)", async () => {
            expect((await runResourcePolicy(policy, account({ location: "Japan West" }))).verdict).toBe("pass");
        });

        it("a geo-redundant account placed by its provider in japanwest", async () => {
            expect((await runResourcePolicy(policy, account({ location: undefined }, TYPE, "japanwest"))).verdict).toBe("pass");
        });

        it.each([["Standard_LRS"], ["Standard_ZRS"], ["Premium_LRS"], ["Premium_ZRS"], ["StandardV2_ZRS"]])("a %s account anywhere (no secondary region)", async (name) => {
            expect((await runResourcePolicy(policy, account({ location: "eastus", sku: { name } }))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, account({ location: "eastus" }, "azure-native:storage:BlobContainer"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a geo-redundant account whose pair is not allowed, without printing either region", async () => {
            const r = await runResourcePolicy(policy, account({ location: "eastus" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("replicates to the paired region of `location`, and that region is not an allowed region (allowed: japaneast, japanwest)");
            expect(r.messages.join()).not.toContain("eastus");
            expect(r.messages.join()).not.toContain("westus");
        });

        it("a geo-redundant account in a region without a known pair", async () => {
            const r = await runResourcePolicy(policy, account({ location: "Poland Central" }), { allowedLocations: ["polandcentral"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("has no known region pair");
        });

        // Found by tests/fuzz (values that name Object.prototype members): the pair table lookup found `constructor`.
        it("a geo-redundant account whose location names an Object.prototype member, which has no known pair", async () => {
            const r = await runResourcePolicy(policy, account({ location: "constructor" }), { allowedLocations: ["japaneast"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("has no known region pair");
        });

        it("a geo-redundant account without any location", async () => {
            const r = await runResourcePolicy(policy, account({ location: undefined }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("set `location` so the paired region can be checked");
        });

        it("through the versioned token spellings", async () => {
            for (const type of ["azure-native:storage/v20230101:StorageAccount", "azure-native_storage_v20230101:storage:StorageAccount"]) {
                expect((await runResourcePolicy(policy, account({ location: "westeurope" }, type))).verdict, type).toBe("fail");
            }
        });

        it("a secret location, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ location: secret("brazilsouth") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("brazil");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a geo-redundant account while its location is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ location: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("location");
        });

        it("passes a locally redundant account whose location is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ location: UNKNOWN, sku: { name: "Standard_LRS" } }))).verdict).toBe("pass");
        });

        it("cannot decide while the SKU is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ sku: { name: UNKNOWN } }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("fails japaneast GRS when only japaneast is allowed (its copy goes to japanwest)", async () => {
            expect((await runResourcePolicy(policy, account({}), { allowedLocations: ["japaneast"] })).verdict).toBe("fail");
        });

        it("passes a pair that is allowed, including one-way pairs (westus3 → eastus)", async () => {
            expect((await runResourcePolicy(policy, account({ location: "westus3" }), { allowedLocations: ["westus3", "eastus"] })).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, account({ location: "eastus" }), { allowedLocations: ["westus3", "eastus"] })).verdict).toBe("fail");
        });

        it("rejects an unknown region and an unknown key, naming them", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowedLocations: ["mars"] })).rejects.toThrow("config key 'allowedLocations[0]'");
            await expect(runResourcePolicy(policy, account({}), { allowed: ["japaneast"] })).rejects.toThrow("config key 'allowed'");
        });
    });
});
