import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-sql-database-restrict-backup-redundancy";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "azure-native:sql:Database";
interface Db {
    location?: unknown;
    requestedBackupStorageRedundancy?: unknown;
}
const database = (props: Db, type = TYPE) => ({
    type,
    props: { resourceGroupName: "rg", serverName: "sql1", location: "japaneast", ...props } as Record<string, unknown>,
});

describe("azure-sql-database-restrict-backup-redundancy", () => {
    describe("passes", () => {
        it.each([
            ["default (geo) backups in japaneast, paired with japanwest", {}],
            ["geo-zone backups in Japan West", { location: "Japan West", requestedBackupStorageRedundancy: "GeoZone" }],
            ["local backups anywhere", { location: "eastus", requestedBackupStorageRedundancy: "Local" }],
            ["zone backups anywhere", { location: "eastus", requestedBackupStorageRedundancy: "zone" }],
        ])("%s", async (_, props) => {
            expect((await runResourcePolicy(policy, database(props))).verdict).toBe("pass");
        });

        it("a managed instance with local backups", async () => {
            expect((await runResourcePolicy(policy, database({ location: "eastus", requestedBackupStorageRedundancy: "Local" }, "azure-native:sql:ManagedInstance"))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, database({ location: "eastus" }, "azure-native:sql:Server"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("default (geo) backups whose paired region is not allowed, without printing a region", async () => {
            const r = await runResourcePolicy(policy, database({ location: "eastus" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`requestedBackupStorageRedundancy` is geo-redundant (the default when unset)");
            expect(r.messages.join()).not.toContain("eastus");
        });

        it("geo backups of a managed instance in a region without a known pair", async () => {
            const r = await runResourcePolicy(policy, database({ location: "italynorth", requestedBackupStorageRedundancy: "geo" }, "azure-native:sql:ManagedInstance"), {
                allowedLocations: ["italynorth"],
            });
            expect(r.messages.join()).toContain("no known region pair");
        });

        it("geo backups without any location", async () => {
            expect((await runResourcePolicy(policy, database({ location: undefined }))).messages.join()).toContain("set `location`");
        });

        it("through the versioned token spelling", async () => {
            expect((await runResourcePolicy(policy, database({ location: "westeurope" }, "azure-native:sql/v20230801preview:Database"))).verdict).toBe("fail");
        });

        it("a secret location, without printing it", async () => {
            const r = await runResourcePolicy(policy, database({ location: secret("brazilsouth") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("brazil");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the redundancy is unknown", async () => {
            const r = await runResourcePolicy(policy, database({ requestedBackupStorageRedundancy: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("requestedBackupStorageRedundancy");
        });

        it("passes local backups whose location is unknown", async () => {
            expect((await runResourcePolicy(policy, database({ location: UNKNOWN, requestedBackupStorageRedundancy: "Local" }))).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("fails default backups in japaneast when only japaneast is allowed", async () => {
            expect((await runResourcePolicy(policy, database({}), { allowedLocations: ["japaneast"] })).verdict).toBe("fail");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, database({}), { redundancy: "Local" })).rejects.toThrow("config key 'redundancy'");
        });
    });
});
