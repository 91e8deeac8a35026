import * as fs from "fs";
import { describe, expect, it } from "vitest";
import { LOCATION_TYPES_BY_MODULE, RENAMED_TYPES, SDK_REGION_NAMES } from "../../../policies/core/azure-location-types.generated";
import { AZURE_PAIRED_REGION, DEFAULT_ALLOWED_LOCATIONS, KNOWN_AZURE_REGIONS } from "../../../policies/core/azure-regions";
import { canonicalType } from "../../../policies/core/tokens";
import { LOCATION_TYPES_PATH, renderLocationTypes } from "../../../tools/gen-azure-location-types";

const located = (token: string) => {
    const [, module = "", resource = ""] = token.split(":");
    return (LOCATION_TYPES_BY_MODULE[module] ?? []).includes(resource);
};

describe("policies/core/azure-location-types.generated.ts", () => {
    it("matches the installed @pulumi/azure-native (run `npm run gen:azure-locations` when this fails)", () => {
        expect(fs.readFileSync(LOCATION_TYPES_PATH, "utf8")).toBe(renderLocationTypes());
    });

    it.each([
        "azure-native:storage:StorageAccount",
        "azure-native:resources:ResourceGroup",
        "azure-native:keyvault:Vault",
        "azure-native:cosmosdb:DatabaseAccount",
        "azure-native:sql:Database",
        "azure-native:operationalinsights:Workspace",
    ])("lists %s, whose Args take a location", (token) => {
        expect(located(token)).toBe(true);
    });

    it.each([
        "azure-native:storage:BlobContainer",
        "azure-native:authorization:RoleAssignment",
        "azure-native:keyvault:Secret",
        "azure-native:monitor:DiagnosticSetting",
        "azure-native:operationalinsights:Table",
    ])("leaves out %s, which takes no location", (token) => {
        expect(located(token)).toBe(false);
    });

    it("carries the SDK's region names, including the default allowed ones", () => {
        expect(SDK_REGION_NAMES).toContain("japaneast");
        for (const r of DEFAULT_ALLOWED_LOCATIONS) expect(KNOWN_AZURE_REGIONS).toContain(r);
        expect(KNOWN_AZURE_REGIONS).toContain("westus3"); // from the region-pair table, missing in the SDK's enum
        expect(KNOWN_AZURE_REGIONS).not.toContain("unknown");
    });

    it("pairs japaneast and japanwest, and knows only known regions in the pair table", () => {
        expect(AZURE_PAIRED_REGION["japaneast"]).toBe("japanwest");
        expect(AZURE_PAIRED_REGION["japanwest"]).toBe("japaneast");
        for (const [a, b] of Object.entries(AZURE_PAIRED_REGION)) {
            expect(KNOWN_AZURE_REGIONS).toContain(a);
            expect(KNOWN_AZURE_REGIONS).toContain(b);
        }
    });
});

describe("renamed Azure type tokens (core/tokens.ts)", () => {
    it.each([
        ["azure-native:insights:Component", "azure-native:applicationinsights:Component"],
        ["azure-native:insights/v20200202:Component", "azure-native:applicationinsights:Component"],
        ["azure-native:insights:DiagnosticSetting", "azure-native:monitor:DiagnosticSetting"],
        ["azure-native:documentdb:DatabaseAccount", "azure-native:cosmosdb:DatabaseAccount"],
        ["azure-native:cache:Redis", "azure-native:redis:Redis"],
        ["azure-native:network:PrivateZone", "azure-native:privatedns:PrivateZone"],
        ["azure-native:netapp:Volume", "azure-native:netapp:CapacityPoolVolume"],
        ["azure-native_storage_v20230101:storage:StorageAccount", "azure-native:storage:StorageAccount"],
    ])("folds %s to %s", (alias, token) => {
        expect(canonicalType(alias)).toBe(token);
    });

    it("never renames a token that is current", () => {
        const current = new Set(Object.entries(LOCATION_TYPES_BY_MODULE).flatMap(([m, rs]) => rs.map((r) => `azure-native:${m}:${r}`)));
        for (const alias of Object.keys(RENAMED_TYPES)) expect(current.has(alias), alias).toBe(false);
        expect(canonicalType("azure-native:network:VirtualNetwork")).toBe("azure-native:network:VirtualNetwork");
    });
});
