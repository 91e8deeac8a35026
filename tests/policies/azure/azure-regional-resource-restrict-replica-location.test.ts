import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-regional-resource-restrict-replica-location";
import { versionedTokens } from "../../azure-tokens";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const ALLOWED = "(allowed: japaneast, japanwest)";
const HSM = "azure-native:keyvault:ManagedHsm";
const hsm = (...regions: unknown[]) => ({ type: HSM, props: { resourceGroupName: "rg", location: "japaneast", properties: { enablePurgeProtection: true, regions: regions.map((name) => ({ name })) } } });
const CACHE_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Cache/Redis/secondary";
const linked = (linkedRedisCacheLocation: unknown, type = "azure-native:redis:LinkedServer") => ({
    type,
    props: { resourceGroupName: "rg", name: "primary", linkedRedisCacheId: CACHE_ID, linkedRedisCacheLocation, serverRole: "Secondary" },
});
const failoverGroup = (...locations: unknown[]) => ({
    type: "azure-native:sql:InstanceFailoverGroup",
    props: { resourceGroupName: "rg", locationName: "japaneast", managedInstancePairs: [], readWriteEndpoint: { failoverPolicy: "Manual" }, partnerRegions: locations.map((location) => ({ location })) },
});
const backupVault = (...replicatedRegions: unknown[]) => ({
    type: "azure-native:dataprotection:BackupVault",
    props: { resourceGroupName: "rg", properties: { storageSettings: [{ datastoreType: "VaultStore", type: "LocallyRedundant" }], replicatedRegions } },
});
const imageVersion = (...names: unknown[]) => ({
    type: "azure-native:compute:GalleryImageVersion",
    props: { resourceGroupName: "rg", galleryName: "g", galleryImageName: "i", storageProfile: {}, publishingProfile: { targetRegions: names.map((name) => ({ name })) } },
});

describe("azure-regional-resource-restrict-replica-location", () => {
    describe("passes", () => {
        it.each([
            ["a Managed HSM replicates to Japan West", hsm("japanwest")],
            ["a Managed HSM has no replica regions", { type: HSM, props: { resourceGroupName: "rg", properties: { enablePurgeProtection: true } } }],
            ["a Redis geo-replica is in Japan West, written as Azure displays it", linked("Japan West")],
            ["a Redis geo-replica (RedisLinkedServer) is in Japan East", linked("japaneast", "azure-native:redis:RedisLinkedServer")],
            ["a SQL MI failover group's partner is in Japan West", failoverGroup("JapanWest")],
            ["a backup vault replicates to Japan West", backupVault("japanwest")],
            ["a gallery image version is replicated across Japan", imageVersion("japaneast", "Japan West")],
        ])("when %s", async (_, input) => {
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });

        it.each(versionedTokens("azure-native:redis:LinkedServer"))("for the versioned token %s", async (type) => {
            expect((await runResourcePolicy(policy, linked("japanwest", type))).verdict).toBe("pass");
        });

        it("does not judge the resource's own location (the placement policy does)", async () => {
            const input = { type: HSM, props: { resourceGroupName: "rg", location: "eastus", properties: { regions: [{ name: "japanwest" }] } } };
            expect((await runResourcePolicy(policy, input)).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when a Managed HSM replica region is outside Japan, naming the entry and not the region", async () => {
            const r = await runResourcePolicy(policy, hsm("japanwest", "eastus"));
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(1);
            expect(r.messages.join()).toContain(`\`properties.regions[1].name\` is not an allowed region ${ALLOWED}`);
            expect(r.messages.join()).not.toContain("eastus");
        });

        it.each([
            ["a Redis geo-replication link", linked("East US"), "`linkedRedisCacheLocation`"],
            ["a Redis geo-replication link (RedisLinkedServer)", linked("westeurope", "azure-native:redis:RedisLinkedServer"), "`linkedRedisCacheLocation`"],
            ["a SQL MI failover partner", failoverGroup("japanwest", "koreacentral"), "`partnerRegions[1].location`"],
            ["a backup vault replica", backupVault("eastasia"), "`properties.replicatedRegions[0]`"],
            ["a gallery image target region", imageVersion("japaneast", "westus"), "`publishingProfile.targetRegions[1].name`"],
        ])("when %s is in a disallowed region", async (_, input, path) => {
            const r = await runResourcePolicy(policy, input);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain(`${path} is not an allowed region ${ALLOWED}`);
        });

        it("when the replica location is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, linked(secret("brazilsouth")));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("brazilsouth");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the linked cache's location is unknown", async () => {
            const r = await runResourcePolicy(policy, linked(UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("linkedRedisCacheLocation");
        });

        it("cannot decide while a Managed HSM replica region is unknown", async () => {
            expect((await runResourcePolicy(policy, hsm("japanwest", UNKNOWN))).verdict).toBe("unknown");
        });

        it("cannot decide while the Managed HSM properties are unknown", async () => {
            expect((await runResourcePolicy(policy, { type: HSM, props: { resourceGroupName: "rg", properties: UNKNOWN } })).verdict).toBe("unknown");
        });

        it("still fails when a known replica is disallowed and another is unknown", async () => {
            expect((await runResourcePolicy(policy, imageVersion(UNKNOWN, "westus"))).verdict).toBe("fail");
        });
    });

    describe("config", () => {
        it("allows the configured locations instead of the default ones", async () => {
            const config = { allowedLocations: ["westeurope", "northeurope"] };
            expect((await runResourcePolicy(policy, linked("North Europe"), config)).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, linked("japanwest"), config);
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("(allowed: westeurope, northeurope)");
        });

        it("rejects a location Azure does not have, naming the key", async () => {
            await expect(runResourcePolicy(policy, linked("japanwest"), { allowedLocations: ["japanest"] })).rejects.toThrow("config key 'allowedLocations[0]'");
        });
    });
});
