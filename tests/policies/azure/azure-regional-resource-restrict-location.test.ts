import { describe, expect, it } from "vitest";
import policy from "../../../policies/azure/azure-regional-resource-restrict-location";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const SA = "azure-native:storage:StorageAccount";
/** A type the installed SDK does not have (SAP HANA on Azure, retired): only a parameterised package generates it. */
const UNKNOWN_TYPE = "azure-native_hanaonazure_v20200207preview:hanaonazure:SapMonitor";
const resource = (props: Record<string, unknown>, type = SA, providerLocation?: unknown) => ({
    type,
    props: { resourceGroupName: "rg", ...props },
    ...(providerLocation === undefined ? {} : { provider: { props: { location: providerLocation } } }),
});

describe("azure-regional-resource-restrict-location", () => {
    describe("passes", () => {
        it.each([["japaneast"], ["japanwest"], ["Japan East"], ["JapanWest"], ["japan-east"], [" japaneast "]])("a resource in %j", async (location) => {
            expect((await runResourcePolicy(policy, resource({ location }))).verdict).toBe("pass");
        });

        it("a global resource", async () => {
            expect((await runResourcePolicy(policy, resource({ location: "Global" }, "azure-native:network:FrontDoor"))).verdict).toBe("pass");
        });

        it("a resource without a location, placed by its provider in an allowed region", async () => {
            expect((await runResourcePolicy(policy, resource({}, SA, "Japan East"))).verdict).toBe("pass");
        });

        it("a child resource that takes no location, even without one anywhere", async () => {
            for (const type of ["azure-native:storage:BlobContainer", "azure-native:authorization:RoleAssignment", "azure-native:keyvault:Secret"]) {
                expect((await runResourcePolicy(policy, resource({ accountName: "sa" }, type))).verdict, type).toBe("pass");
            }
        });

        it("a resource of a type the SDK does not know, in an allowed region or without a location of its own", async () => {
            expect((await runResourcePolicy(policy, resource({ location: "Japan West" }, UNKNOWN_TYPE, "eastus"))).verdict).toBe("pass");
            expect((await runResourcePolicy(policy, resource({}, UNKNOWN_TYPE, "eastus"))).verdict).toBe("pass");
        });

        it("resources of other clouds", async () => {
            expect((await runResourcePolicy(policy, resource({ location: "eastus" }, "aws:s3/bucket:Bucket"))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a resource in another region, without printing it", async () => {
            const r = await runResourcePolicy(policy, resource({ location: "eastus" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`location` is not an allowed region (allowed: japaneast, japanwest)");
            expect(r.messages.join()).not.toContain("eastus");
        });

        it("a resource whose own location overrides an allowed provider location", async () => {
            expect((await runResourcePolicy(policy, resource({ location: "West Europe" }, SA, "japaneast"))).verdict).toBe("fail");
        });

        it("a resource placed by its provider in another region", async () => {
            const r = await runResourcePolicy(policy, resource({}, SA, "westeurope"));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("the provider's `location` (stack config `azure-native:location`) is not an allowed region");
        });

        it("a located resource without any location (fails closed, saying how to pin one)", async () => {
            const r = await runResourcePolicy(policy, resource({ location: "" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("pulumi config set azure-native:location");
        });

        it.each([
            ["a resource group", "azure-native:resources:ResourceGroup"],
            ["a Key Vault", "azure-native:keyvault:Vault"],
            ["a Log Analytics workspace", "azure-native:operationalinsights:Workspace"],
            ["a versioned (v2) token", "azure-native:storage/v20230101:StorageAccount"],
            ["a parameterised (v3) token", "azure-native_storage_v20230101:storage:StorageAccount"],
            ["a renamed module's old name", "azure-native:insights:Component"],
        ])("%s in another region", async (_, type) => {
            expect((await runResourcePolicy(policy, resource({ location: "eastus" }, type))).verdict).toBe("fail");
        });

        it("a resource of a type the SDK does not know (a retired API's parameterised package) that states another region", async () => {
            const r = await runResourcePolicy(policy, resource({ location: "eastus" }, UNKNOWN_TYPE));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`location` is not an allowed region");
        });

        it("a secret location, without printing it", async () => {
            const r = await runResourcePolicy(policy, resource({ location: secret("brazilsouth") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("brazilsouth");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the location is unknown", async () => {
            const r = await runResourcePolicy(policy, resource({ location: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("location");
        });

        it("cannot decide while the location a resource of an unknown type states is unknown", async () => {
            expect((await runResourcePolicy(policy, resource({ location: UNKNOWN }, UNKNOWN_TYPE))).verdict).toBe("unknown");
        });

        it("cannot decide while the provider's location is unknown", async () => {
            expect((await runResourcePolicy(policy, resource({}, SA, UNKNOWN))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("allows the configured regions only", async () => {
            expect((await runResourcePolicy(policy, resource({ location: "West Europe" }), { allowedLocations: ["westeurope", "northeurope"] })).verdict).toBe("pass");
            const r = await runResourcePolicy(policy, resource({ location: "japanwest" }), { allowedLocations: ["japaneast"] });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("(allowed: japaneast)");
        });

        it("accepts regions the SDK's enumeration lacks but the region-pair table lists", async () => {
            expect((await runResourcePolicy(policy, resource({ location: "West US 3" }), { allowedLocations: ["westus3"] })).verdict).toBe("pass");
        });

        it("rejects a display name or an unknown region, naming the key", async () => {
            await expect(runResourcePolicy(policy, resource({}), { allowedLocations: ["Japan East"] })).rejects.toThrow("config key 'allowedLocations[0]' must be one of");
            await expect(runResourcePolicy(policy, resource({}), { allowedLocations: ["japaneats"] })).rejects.toThrow("config key 'allowedLocations[0]'");
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, resource({}), { regions: ["japaneast"] })).rejects.toThrow("config key 'regions'");
        });
    });
});
