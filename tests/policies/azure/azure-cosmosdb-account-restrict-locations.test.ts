import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-cosmosdb-account-restrict-locations";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:cosmosdb:DatabaseAccount";
interface Account {
    location?: unknown;
    locations?: unknown;
    backupPolicy?: unknown;
}
const base: Account = {
    location: "japaneast",
    locations: [
        { locationName: "Japan East", failoverPriority: 0 },
        { locationName: "Japan West", failoverPriority: 1 },
    ],
};
const account = (props: Account, type = TYPE) => ({
    type,
    props: { resourceGroupName: "rg", databaseAccountOfferType: "Standard", ...base, ...props } as Record<string, unknown>,
});
const periodic = (backupStorageRedundancy?: string) => ({ type: "Periodic", periodicModeProperties: { backupIntervalInMinutes: 240, ...(backupStorageRedundancy ? { backupStorageRedundancy } : {}) } });

describe("azure-cosmosdb-account-restrict-locations", () => {
    describe("passes", () => {
        it("replicating japaneast ↔ japanwest with default (geo-redundant periodic) backups", async () => {
            expect((await runResourcePolicy(policy, account({}))).verdict).toBe("pass");
        });

        it("a single-region account in any spelling", async () => {
            expect((await runResourcePolicy(policy, account({ locations: [{ locationName: "japaneast" }] }))).verdict).toBe("pass");
        });

        it("continuous backups in a region whose pair is not allowed", async () => {
            const r = await runResourcePolicy(policy, account({ locations: [{ locationName: "japaneast", failoverPriority: 0 }], backupPolicy: { type: "Continuous" } }), {
                allowedLocations: ["japaneast"],
            });
            expect(r.verdict).toBe("pass");
        });

        it("local or zone-redundant periodic backups in a region whose pair is not allowed", async () => {
            for (const redundancy of ["Local", "zone"]) {
                const r = await runResourcePolicy(policy, account({ locations: [{ locationName: "japaneast" }], backupPolicy: periodic(redundancy) }), { allowedLocations: ["japaneast"] });
                expect(r.verdict, redundancy).toBe("pass");
            }
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, account({ locations: [{ locationName: "eastus" }] }, "azure-native:cosmosdb:SqlResourceSqlDatabase"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a replica in a region that is not allowed, naming the entry but not the region", async () => {
            const r = await runResourcePolicy(policy, account({ locations: [{ locationName: "japaneast", failoverPriority: 0 }, { locationName: "East US", failoverPriority: 1 }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toEqual([expect.stringContaining("`locations[1].locationName` is not an allowed region (allowed: japaneast, japanwest)")]);
            expect(r.messages.join()).not.toContain("East US");
        });

        it("an entry without a location name", async () => {
            expect((await runResourcePolicy(policy, account({ locations: [{ failoverPriority: 0 }] }))).messages.join()).toContain("`locations[0].locationName` is not set");
        });

        it("default geo-redundant periodic backups whose paired region is not allowed", async () => {
            const r = await runResourcePolicy(policy, account({ locations: [{ locationName: "japaneast" }] }), { allowedLocations: ["japaneast"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`backupPolicy.periodicModeProperties.backupStorageRedundancy` is geo-redundant (the default)");
        });

        it("explicitly geo-redundant periodic backups taken in the write region, not the first entry", async () => {
            const locations = [
                { locationName: "japanwest", failoverPriority: 1 },
                { locationName: "polandcentral", failoverPriority: 0 },
            ];
            const r = await runResourcePolicy(policy, account({ locations, backupPolicy: periodic("Geo") }), { allowedLocations: ["japanwest", "japaneast", "polandcentral"] });
            expect(r.messages.join()).toContain("the write region has no known region pair");
        });

        it("through the documentdb (v1) and versioned token spellings", async () => {
            for (const type of ["azure-native:documentdb:DatabaseAccount", "azure-native:cosmosdb/v20240815:DatabaseAccount", "azure-native_cosmosdb_v20240815:cosmosdb:DatabaseAccount"]) {
                expect((await runResourcePolicy(policy, account({ locations: [{ locationName: "eastus" }] }, type))).verdict, type).toBe("fail");
            }
        });

        it("a secret location name, without printing it", async () => {
            const r = await runResourcePolicy(policy, account({ locations: [{ locationName: secret("brazilsouth") }] }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("brazil");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a location name is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ locations: [{ locationName: "japaneast" }, { locationName: UNKNOWN }] }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("locationName");
        });

        it("still fails a known disallowed entry next to an unknown one", async () => {
            expect((await runResourcePolicy(policy, account({ locations: [{ locationName: UNKNOWN }, { locationName: "westeurope" }] }))).verdict).toBe("fail");
        });

        it("cannot decide while the whole list is unknown", async () => {
            expect((await runResourcePolicy(policy, account({ locations: UNKNOWN }))).verdict).toBe("unknown");
        });

        // Found by tests/fuzz: a single location object (not a list) whose name is unknown threw a TypeError.
        it("cannot decide while the name of a single location object (not a list) is unknown", async () => {
            const r = await runResourcePolicy(policy, account({ locations: { locationName: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".locations.locationName");
        });
    });

    describe("config", () => {
        it("allows the configured regions", async () => {
            const r = await runResourcePolicy(policy, account({ locations: [{ locationName: "westeurope", failoverPriority: 0 }, { locationName: "northeurope", failoverPriority: 1 }] }), {
                allowedLocations: ["westeurope", "northeurope"],
            });
            expect(r.verdict).toBe("pass");
        });

        it("rejects a display name and an unknown key, naming them", async () => {
            await expect(runResourcePolicy(policy, account({}), { allowedLocations: ["Japan East"] })).rejects.toThrow("config key 'allowedLocations[0]'");
            await expect(runResourcePolicy(policy, account({}), { regions: [] })).rejects.toThrow("config key 'regions'");
        });
    });
});
