import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { canonicalType, isAwsResourceType } from "../../../policies/core/tokens";

describe("canonicalType", () => {
    it.each([
        ["aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"],
        ["aws:s3/bucketAclV2:BucketAclV2", "aws:s3/bucketAcl:BucketAcl"],
        ["aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObject:BucketObject"],
        // BucketObjectv2's declared alias: old states and exports hold it (found by the evasion suite).
        ["aws:s3/BucketObject:BucketObject", "aws:s3/bucketObject:BucketObject"],
        ["aws:alb/loadBalancer:LoadBalancer", "aws:lb/loadBalancer:LoadBalancer"],
        ["aws:applicationloadbalancing/listener:Listener", "aws:lb/listener:Listener"],
        ["aws:elasticloadbalancingv2/targetGroup:TargetGroup", "aws:lb/targetGroup:TargetGroup"],
        ["aws:elasticloadbalancing/loadBalancer:LoadBalancer", "aws:elb/loadBalancer:LoadBalancer"],
    ])("folds the AWS alias %s onto %s", (alias, canonical) => {
        expect(canonicalType(alias)).toBe(canonical);
    });

    it.each([
        ["azure-native:storage/v20230101:StorageAccount", "azure-native:storage:StorageAccount"],
        ["azure-native_storage_v20230101:storage:StorageAccount", "azure-native:storage:StorageAccount"],
        ["azure-native:insights:DiagnosticSetting", "azure-native:monitor:DiagnosticSetting"],
        ["azure-native:documentdb:DatabaseAccount", "azure-native:cosmosdb:DatabaseAccount"],
    ])("folds the Azure spelling %s onto %s", (alias, canonical) => {
        expect(canonicalType(alias)).toBe(canonical);
    });

    it.each(["aws:s3/bucket:Bucket", "aws:lb/loadBalancer:LoadBalancer", "aws:elb/loadBalancer:LoadBalancer", "aws:iam/role:Role", "pulumi:providers:aws"])(
        "leaves the canonical token %s as it is",
        (token) => {
            expect(canonicalType(token)).toBe(token);
        },
    );
});

describe("isAwsResourceType", () => {
    const AWS_SDK = path.dirname(require.resolve("@pulumi/aws/package.json"));
    /** Every token `@pulumi/aws` registers: its resources' `__pulumiType` and its components' `super("aws:...")`. */
    function sdkTokens(): { readonly resources: string[]; readonly components: string[] } {
        const resources: string[] = [];
        const components: string[] = [];
        for (const mod of fs.readdirSync(AWS_SDK)) {
            const dir = path.join(AWS_SDK, mod);
            if (["types", "node_modules"].includes(mod) || !fs.statSync(dir).isDirectory()) continue;
            for (const file of fs.readdirSync(dir)) {
                if (!file.endsWith(".js")) continue;
                const text = fs.readFileSync(path.join(dir, file), "utf8");
                const type = /static __pulumiType = '([^']+)'/.exec(text)?.[1];
                if (type && type.startsWith("aws:")) resources.push(type);
                for (const m of text.matchAll(/super\("(aws:[^"]+)"/g)) if (m[1]) components.push(m[1]);
            }
        }
        return { resources, components };
    }

    it("recognises every resource of the installed provider and none of its components", () => {
        const { resources, components } = sdkTokens();
        expect(resources.length).toBeGreaterThan(1500);
        expect(resources.filter((t) => !isAwsResourceType(t))).toEqual([]);
        expect(components).toContain("aws:cloudwatch:EventRuleEventSubscription");
        expect(components).toContain("aws:cloudwatch:LogGroupEventSubscription");
        expect(components.filter((t) => isAwsResourceType(t))).toEqual([]);
    });

    it.each(["my:index:Website", "awsx:ec2:Vpc", "pulumi:providers:aws", "pulumi:pulumi:Stack", "aws:s3:BucketEventSubscription"])("is false for %s", (t) => {
        expect(isAwsResourceType(t)).toBe(false);
    });
});
