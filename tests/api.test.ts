import { describe, expect, it } from "vitest";
import { SHARED_SETTINGS, packArgs, policies, selectPolicies, withConfigDefaults, withEnforcement } from "../policies/api";
import { requireCostCenterTag, teamPackArgs } from "../examples/team-pack/policies";
import { runResourcePolicy } from "./harness";

describe("selectPolicies", () => {
    it("selects by cloud", () => {
        const selected = selectPolicies({ clouds: ["aws"] });
        // The pack's own policies (srguard-exemptions) serve every cloud: a selection keeps them.
        expect(selected.filter((p) => p.meta.cloud === "any").map((p) => p.name)).toEqual(["srguard-exemptions"]);
        const aws = selected.filter((p) => p.meta.cloud !== "any");
        expect(aws.length).toBeGreaterThan(0);
        expect(aws.every((p) => p.meta.cloud === "aws")).toBe(true);
        expect(aws.length).toBe(policies.filter((p) => p.meta.cloud === "aws").length);
    });

    it("selects by control", () => {
        const picked = selectPolicies({ controls: ["log-retention"] });
        expect(picked.map((p) => p.name)).toContain("aws-cloudwatch-log-group-configure-retention");
        expect(picked.every((p) => p.meta.control === "log-retention" || p.meta.cloud === "any")).toBe(true);
    });

    it("selects by minimum severity", () => {
        const high = selectPolicies({ minSeverity: "high" });
        expect(high.every((p) => p.meta.severity === "high" || p.meta.severity === "critical")).toBe(true);
        expect(high.length).toBe(policies.filter((p) => p.meta.severity === "high" || p.meta.severity === "critical").length);
    });

    it("selects by framework", () => {
        const iso = selectPolicies({ frameworks: ["iso27001"] });
        expect(iso.length).toBeGreaterThan(0);
        expect(iso.every((p) => p.meta.cloud === "any" || p.meta.frameworks.some((f) => f.framework === "iso27001"))).toBe(true);
    });

    it("selects and excludes by name, rejecting names that are not srguard policies", () => {
        expect(selectPolicies({ names: ["aws-cloudwatch-log-group-configure-retention"] }).map((p) => p.name)).toEqual([
            "aws-cloudwatch-log-group-configure-retention",
        ]);
        expect(selectPolicies({ exclude: ["aws-cloudwatch-log-group-configure-retention"] }).map((p) => p.name)).not.toContain(
            "aws-cloudwatch-log-group-configure-retention",
        );
        expect(() => selectPolicies({ names: ["aws-typo"] })).toThrow("'aws-typo'");
    });
});

describe("packArgs", () => {
    it("overrides enforcement levels without changing the registry's policies", () => {
        const args = packArgs({ enforcement: { "aws-cloudwatch-log-group-configure-retention": "disabled" } });
        const p = args.policies.find((x) => x.name === "aws-cloudwatch-log-group-configure-retention");
        expect(p?.enforcementLevel).toBe("disabled");
        expect(policies.find((x) => x.name === "aws-cloudwatch-log-group-configure-retention")?.enforcementLevel).toBe("mandatory");
    });

    it("rejects an override for a policy that does not exist", () => {
        expect(() => packArgs({ enforcement: { "aws-nope": "advisory" } })).toThrow("'aws-nope'");
    });

    it("rejects an extra policy whose name collides with srguard's", () => {
        const clash = withEnforcement({ ...requireCostCenterTag, name: "aws-cloudwatch-log-group-configure-retention" }, "advisory");
        expect(() => packArgs({ extra: [clash] })).toThrow("two policies are named");
    });
});

describe("packArgs({ settings }): shared settings stated once", () => {
    const settings = {
        aws: { allowedRegions: ["eu-west-1"], organizationAccountIds: ["111111111111"] },
        azure: { allowedLocations: ["westeurope"], approvedMspTenantIds: ["00000000-0000-4000-8000-000000000001"] },
    };
    type WithSchema = { readonly name: string; readonly configSchema?: { readonly properties: Readonly<Record<string, unknown>> } };
    const defaultOf = (name: string, key: string, from: readonly WithSchema[] = packArgs({ settings }).policies) =>
        (from.find((p) => p.name === name)?.configSchema?.properties[key] as { default?: unknown } | undefined)?.default;
    const takers = (key: string) => policies.filter((p) => p.configSchema?.properties[key] !== undefined).map((p) => p.name);

    it("becomes the config default of every policy that takes the setting, and only of those", () => {
        expect(takers("allowedRegions")).toEqual(expect.arrayContaining(["aws-regional-resource-restrict-region", "aws-s3-bucket-restrict-replication-region"]));
        expect(takers("allowedLocations")).toEqual(expect.arrayContaining(["azure-regional-resource-restrict-location", "azure-cosmosdb-account-restrict-locations"]));
        expect(takers("organizationAccountIds")).toEqual(expect.arrayContaining(["aws-iam-role-restrict-msp-trust", "aws-cloudtrail-trail-require-msp-audit-logging"]));
        for (const n of takers("allowedRegions")) expect(defaultOf(n, "allowedRegions"), n).toEqual(["eu-west-1"]);
        for (const n of takers("allowedLocations")) expect(defaultOf(n, "allowedLocations"), n).toEqual(["westeurope"]);
        for (const n of takers("organizationAccountIds")) expect(defaultOf(n, "organizationAccountIds"), n).toEqual(["111111111111"]);
        expect(defaultOf("azure-managedservices-registration-definition-restrict-tenant", "approvedTenantIds")).toEqual(["00000000-0000-4000-8000-000000000001"]);
        // A setting not given leaves the policy's own default.
        expect(defaultOf("aws-iam-role-restrict-msp-trust", "approvedMspPrincipals")).toEqual([]);
    });

    it("leaves the registry's policies unchanged", () => {
        packArgs({ settings });
        for (const n of takers("allowedRegions")) expect(defaultOf(n, "allowedRegions", policies), n).toEqual(["ap-northeast-1", "ap-northeast-3"]);
    });

    it("applies to the selection only, and composes with enforcement overrides", () => {
        const args = packArgs({ clouds: ["aws"], settings, enforcement: { "aws-regional-resource-restrict-region": "advisory" } });
        const p = args.policies.find((x) => x.name === "aws-regional-resource-restrict-region");
        expect(p?.enforcementLevel).toBe("advisory");
        expect(defaultOf("aws-regional-resource-restrict-region", "allowedRegions", args.policies)).toEqual(["eu-west-1"]);
        expect(args.policies.some((x) => x.name.startsWith("azure-"))).toBe(false);
    });

    it("refuses a value a policy would refuse, naming the setting and the policy", () => {
        expect(() => packArgs({ settings: { aws: { allowedRegions: ["Europe"] } } })).toThrow(
            /^setting 'aws\.allowedRegions' is refused by policy 'aws-[a-z-]+': config key 'allowedRegions\[0\]'/,
        );
        expect(() => packArgs({ settings: { aws: { regions: ["eu-west-1"] } } as never })).toThrow("setting 'aws.regions' is not a shared setting");
    });

    it("every shared setting is taken by at least one registered policy", () => {
        for (const s of SHARED_SETTINGS) expect(takers(s.key).length, `${s.cloud}.${s.name}`).toBeGreaterThan(0);
    });

    it("withConfigDefaults refuses a key the policy does not have", () => {
        const p = policies.find((x) => x.name === "aws-regional-resource-restrict-region");
        expect(() => withConfigDefaults(p!, { allowedRegionz: [] })).toThrow("has no config key 'allowedRegionz'");
    });
});

describe("the example team pack", () => {
    it("takes srguard's AWS policies, one downgraded to advisory, and adds its own", () => {
        const names = teamPackArgs.policies.map((p) => p.name);
        expect(names).toContain("team-s3-bucket-require-cost-center-tag");
        expect(names).toHaveLength(selectPolicies({ clouds: ["aws"] }).length + 1);
        expect(names.some((n) => n.startsWith("azure-"))).toBe(false);
        expect(teamPackArgs.policies.find((p) => p.name === "aws-cloudwatch-log-group-configure-retention")?.enforcementLevel).toBe("advisory");
    });

    it("its own policy fails an untagged bucket and passes a tagged one", async () => {
        const policy = { ...requireCostCenterTag, meta: policies[0]!.meta };
        const untagged = await runResourcePolicy(policy, { type: "aws:s3/bucketV2:BucketV2", props: { tags: { team: "x" } } });
        expect(untagged.verdict).toBe("fail");
        const tagged = await runResourcePolicy(policy, { type: "aws:s3/bucket:Bucket", props: { tags: { "cost-center": "cc-1" } } });
        expect(tagged.verdict).toBe("pass");
    });
});
