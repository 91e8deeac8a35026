import { describe, expect, it } from "vitest";
import { canonicalType } from "../../../policies/core/tokens";

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
