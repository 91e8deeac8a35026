import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import {
    ALLOWED_AWS_REGIONS_CONFIG,
    AWS_REGION_PATTERN,
    AWS_REGIONS,
    awsPlacement,
    isAllowedAwsRegion,
    regionOfTarget,
} from "../../../policies/core/aws-regions";
import { Value } from "../../../policies/core/read";
import { isGlobalAwsType } from "../../../policies/core/region";
import { UNKNOWN } from "../../harness";

const AWS_SDK = path.dirname(require.resolve("@pulumi/aws/package.json"));

/** Every resource type of the installed `@pulumi/aws`, with whether its Args take a per-resource `region`. */
function sdkResourceTypes(): Array<{ readonly type: string; readonly regional: boolean }> {
    const out: Array<{ type: string; regional: boolean }> = [];
    for (const mod of fs.readdirSync(AWS_SDK)) {
        const dir = path.join(AWS_SDK, mod);
        if (["types", "config", "node_modules"].includes(mod) || !fs.statSync(dir).isDirectory()) continue;
        for (const file of fs.readdirSync(dir)) {
            if (!file.endsWith(".js") || file === "index.js") continue;
            const type = /static __pulumiType = '([^']+)'/.exec(fs.readFileSync(path.join(dir, file), "utf8"))?.[1];
            if (!type) continue;
            const dts = fs.readFileSync(path.join(dir, file.replace(/\.js$/, ".d.ts")), "utf8");
            const args = /export interface \w+Args \{([\s\S]*?)\n\}/.exec(dts)?.[1] ?? "";
            out.push({ type, regional: /\n {4}region\?: /.test(args) });
        }
    }
    return out;
}

/** Regional in AWS although the provider gives these no per-resource `region` (they follow the provider's). */
const REGIONAL_WITHOUT_REGION_ARGUMENT = /^aws:rolesanywhere\//;

describe("AWS regions", () => {
    it("lists exactly the regions of the installed provider's Region enum", () => {
        const { Region } = require("@pulumi/aws/types/enums") as { Region: Record<string, string> };
        expect([...AWS_REGIONS].sort()).toEqual(Object.values(Region).sort());
    });

    it("has a name pattern that every known region matches and typos do not", () => {
        const re = new RegExp(AWS_REGION_PATTERN);
        for (const r of AWS_REGIONS) expect(r).toMatch(re);
        for (const bad of ["ap_northeast_1", "AP-NORTHEAST-1", "ap-northeast", "tokyo", "ap-northeast-1 ", "", "ap-northeast-123"]) {
            expect(bad).not.toMatch(re);
        }
    });

    it("defaults the allowed regions to Tokyo and Osaka", () => {
        expect(ALLOWED_AWS_REGIONS_CONFIG.default).toEqual(["ap-northeast-1", "ap-northeast-3"]);
    });

    it("answers whether a region is allowed, for each config array", () => {
        const japan = ["ap-northeast-1", "ap-northeast-3"];
        const europe = ["eu-central-1"];
        expect(isAllowedAwsRegion("ap-northeast-1", japan)).toBe(true);
        expect(isAllowedAwsRegion("ap-northeast-2", japan)).toBe(false);
        expect(isAllowedAwsRegion("eu-central-1", europe)).toBe(true);
        expect(isAllowedAwsRegion("ap-northeast-1", europe)).toBe(false);
        expect(isAllowedAwsRegion("ap-northeast-1", [])).toBe(false);
    });

    it.each([
        ["a region name", "ap-northeast-3", "ap-northeast-3"],
        ["an upper-case region name", "AP-NORTHEAST-3", "ap-northeast-3"],
        ["a backup vault ARN", "arn:aws:backup:eu-west-1:123456789012:backup-vault:v", "eu-west-1"],
        ["a GovCloud Outpost ARN", "arn:aws-us-gov:outposts:us-gov-west-1:123456789012:outpost/op-1", "us-gov-west-1"],
        ["an ARN without a region", "arn:aws:backup::123456789012:backup-vault:v", undefined],
        ["a truncated ARN", "arn:aws:backup", undefined],
        ["an empty string", "", undefined],
        ["a number", 3, undefined],
    ])("reads the region of %s", (_, value, region) => {
        expect(regionOfTarget(value)).toBe(region);
    });

    it("resolves a stack resource's region only when it is known", () => {
        const provider = (region: unknown) => ({ type: "pulumi:providers:aws", name: "p", urn: "urn:p", props: { region } });
        const placement = (props: Record<string, unknown>, p: ReturnType<typeof provider> | undefined) => awsPlacement(Value.root(props), p);
        expect(placement({ region: UNKNOWN }, provider("ap-northeast-1"))).toMatchObject({ kind: "unknown" });
        expect(placement({}, provider(UNKNOWN))).toMatchObject({ kind: "unknown" });
        expect(placement({ region: "ap-northeast-3" }, provider(UNKNOWN))).toEqual({ found: true, region: "ap-northeast-3", from: "resource" });
        expect(placement({}, provider("AP-NORTHEAST-1"))).toEqual({ found: true, region: "ap-northeast-1", from: "provider" });
        expect(placement({}, undefined)).toEqual({ found: false });
    });
});

describe("global AWS types", () => {
    const types = sdkResourceTypes();

    it("finds the provider's resource types", () => {
        expect(types.length).toBeGreaterThan(1000);
    });

    it("are exactly the types to which the provider gives no per-resource region", () => {
        const wrong = types
            .filter(({ type }) => !REGIONAL_WITHOUT_REGION_ARGUMENT.test(type))
            .filter(({ type, regional }) => isGlobalAwsType(type) === regional)
            .map(({ type, regional }) => `${type} (${regional ? "regional, but treated as global" : "global, but treated as regional"})`);
        expect(wrong).toEqual([]);
    });

    it("treats IAM Roles Anywhere as regional although the provider has no per-resource region for it", () => {
        expect(isGlobalAwsType("aws:rolesanywhere/trustAnchor:TrustAnchor")).toBe(false);
    });

    it("folds aliases before deciding", () => {
        expect(isGlobalAwsType("aws:s3/bucketV2:BucketV2")).toBe(false);
        expect(isGlobalAwsType("aws:alb/loadBalancer:LoadBalancer")).toBe(false);
    });
});
