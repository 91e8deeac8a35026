import { describe, expect, it } from "vitest";
import { specFromSchema } from "../../../policies/core/config";
import { SHARED_SETTINGS, SettingsError, describeConflict, expandSettings, parseSettings, settingConflicts, takersOf } from "../../../policies/core/settings";
import { policies } from "../../../policies/registry";

const configurable = policies.map((p) => ({ name: p.name, spec: specFromSchema(p.configSchema) }));
const setting = (path: string) => {
    const s = SHARED_SETTINGS.find((x) => `${x.cloud}.${x.name}` === path);
    if (!s) throw new Error(path);
    return s;
};

describe("parseSettings", () => {
    it("takes the shared settings of each cloud", () => {
        const doc = { aws: { allowedRegions: ["eu-west-1"] }, azure: { allowedLocations: ["westeurope"] } };
        expect(parseSettings(doc)).toEqual(doc);
    });

    it.each([
        [[], "settings must be a JSON object"],
        [{ gcp: {} }, "settings 'gcp' is not a cloud of the shared settings (aws, azure)"],
        [{ aws: [] }, "settings 'aws' must be an object"],
        [{ aws: { allowedLocations: [] } }, "setting 'aws.allowedLocations' is not a shared setting (known: allowedRegions, organizationAccountIds, approvedMspPrincipals)"],
        [{ aws: { allowedRegions: "eu-west-1" } }, "setting 'aws.allowedRegions' must be a list of strings"],
        [{ aws: { allowedRegions: [1] } }, "setting 'aws.allowedRegions' must be a list of strings"],
    ])("refuses %j: %s", (doc, message) => {
        expect(() => parseSettings(doc)).toThrow(SettingsError);
        expect(() => parseSettings(doc)).toThrow(message);
    });
});

describe("expandSettings", () => {
    it("writes each setting into every policy whose config has its key", () => {
        const out = expandSettings({ aws: { allowedRegions: ["eu-west-1"], organizationAccountIds: ["111111111111"] } }, configurable);
        expect(Object.keys(out).filter((n) => out[n]?.["allowedRegions"]).sort()).toEqual(takersOf(setting("aws.allowedRegions"), configurable).sort());
        // every data-region and MSP policy takes its setting (the list grows with the pack; these must stay in it)
        expect(takersOf(setting("aws.allowedRegions"), configurable)).toEqual(
            expect.arrayContaining(["aws-regional-resource-restrict-region", "aws-regional-resource-restrict-target-region", "aws-regional-resource-restrict-delivery-region", "aws-s3-bucket-restrict-replication-region"]),
        );
        expect(takersOf(setting("aws.organizationAccountIds"), configurable)).toEqual(
            expect.arrayContaining(["aws-cloudtrail-trail-require-msp-audit-logging", "aws-iam-role-disallow-msp-admin-access", "aws-iam-role-require-msp-permissions-boundary", "aws-iam-role-require-msp-session-limits", "aws-iam-role-restrict-msp-trust"]),
        );
        expect(takersOf(setting("azure.allowedLocations"), configurable)).toEqual(
            expect.arrayContaining(["azure-cosmosdb-account-restrict-locations", "azure-regional-resource-restrict-location", "azure-regional-resource-restrict-replica-location", "azure-sql-database-restrict-backup-redundancy", "azure-storage-account-restrict-geo-replication"]),
        );
        expect(out["aws-iam-role-restrict-msp-trust"]).toEqual({ organizationAccountIds: ["111111111111"] });
        expect(Object.values(out).every((e) => !("allowedLocations" in e))).toBe(true);
    });

    it("maps azure.approvedMspTenantIds onto the policies' approvedTenantIds", () => {
        const out = expandSettings({ azure: { approvedMspTenantIds: ["00000000-0000-4000-8000-000000000001"] } }, configurable);
        expect(out).toEqual({ "azure-managedservices-registration-definition-restrict-tenant": { approvedTenantIds: ["00000000-0000-4000-8000-000000000001"] } });
    });

    it("validates each value with the policy's own spec", () => {
        expect(() => expandSettings({ aws: { organizationAccountIds: ["12345"] } }, configurable)).toThrow(
            /^setting 'aws\.organizationAccountIds' is refused by policy '[a-z-]+': config key 'organizationAccountIds\[0\]'/,
        );
    });

    it("nothing given, nothing written", () => {
        expect(expandSettings({}, configurable)).toEqual({});
    });
});

describe("settingConflicts", () => {
    it("finds policies that share a setting with different values, order and duplicates aside", () => {
        const config = new Map<string, Record<string, unknown>>([
            ["a", { allowedRegions: ["eu-west-1", "eu-central-1"] }],
            ["b", { allowedRegions: ["eu-central-1", "eu-west-1", "eu-west-1"] }],
            ["c", { allowedRegions: ["us-east-1"] }],
            ["d", { organizationAccountIds: ["111111111111"] }],
            ["e", { organizationAccountIds: ["111111111111"] }],
        ]);
        const conflicts = settingConflicts(config);
        expect(conflicts).toHaveLength(1);
        expect(describeConflict(conflicts[0]!)).toBe(
            "policies that share the setting 'aws.allowedRegions' (config key 'allowedRegions') are given different values — a, b: [eu-central-1, eu-west-1]; c: [us-east-1]",
        );
    });

    it("is empty at the pack's defaults", () => {
        const defaults = new Map(
            configurable.map((p) => [p.name, Object.fromEntries(Object.entries(p.spec).map(([k, v]) => [k, v.default]))] as const),
        );
        expect(settingConflicts(defaults)).toEqual([]);
    });
});
