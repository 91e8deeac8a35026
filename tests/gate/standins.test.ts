// Stand-ins for computed values (gate/standins.ts) and offline data-source answers (gate/invokes.ts): pure, no pack.

import { describe, expect, it } from "vitest";
import { answerInvoke, policyDocument, readAnswersFile } from "../../gate/invokes";
import { PLACEHOLDER_ACCOUNT, standIn, standInContext } from "../../gate/standins";
import { UNKNOWN } from "../../gate/wire";
import { fixture } from "./helpers";

const ctx = standInContext({ "aws:region": "ap-northeast-1" }, { "aws-iam-role-restrict-msp-trust": { organizationAccountIds: ["111111111111"] } });
const urn = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;

describe("stand-in context", () => {
    it("takes the account the provider is pinned to, else the organisation's first, else a placeholder", () => {
        expect(standInContext({ "aws:allowedAccountIds": '["999999999999"]' }, { x: { organizationAccountIds: ["111111111111"] } }).account).toBe("999999999999");
        expect(ctx.account).toBe("111111111111");
        expect(standInContext({}, undefined).account).toBe(PLACEHOLDER_ACCOUNT);
    });

    it("takes the region from aws:region and the subscription from azure-native:subscriptionId", () => {
        expect(ctx.region).toBe("ap-northeast-1");
        expect(standInContext({ "azure-native:subscriptionId": "33333333-3333-3333-3333-333333333333" }, undefined).subscriptionId).toBe(
            "33333333-3333-3333-3333-333333333333",
        );
    });
});

describe("AWS stand-ins", () => {
    it("gives an autonamed bucket its name, id and global S3 ARN, the same every time", () => {
        const t = "aws:s3/bucket:Bucket";
        const a = standIn(t, "site", urn(t, "site"), {}, undefined, ctx);
        expect(a?.id).toMatch(/^site-[0-9a-f]{7}$/);
        expect(a?.outputs["bucket"]).toBe(a?.id);
        expect(a?.outputs["arn"]).toBe(`arn:aws:s3:::${a?.id}`);
        expect(standIn(t, "site", urn(t, "site"), {}, undefined, ctx)).toEqual(a);
    });

    it("keeps a name the program gave", () => {
        const t = "aws:s3/bucket:Bucket";
        const a = standIn(t, "site", urn(t, "site"), { bucket: "my-site" }, undefined, ctx);
        expect(a).toMatchObject({ id: "my-site", outputs: { arn: "arn:aws:s3:::my-site" } });
        expect(a?.outputs["bucket"]).toBeUndefined();
    });

    it("puts a role in the stack's account, with its path", () => {
        const t = "aws:iam/role:Role";
        expect(standIn(t, "app", urn(t, "app"), { name: "app", path: "/svc/" }, undefined, ctx)?.outputs["arn"]).toBe("arn:aws:iam::111111111111:role/svc/app");
    });

    it("puts a regional resource in its own region, else its provider's, else the stack's", () => {
        const t = "aws:sqs/queue:Queue";
        expect(standIn(t, "q", urn(t, "q"), { name: "q", region: "eu-west-1" }, "us-west-2", ctx)?.outputs["arn"]).toBe("arn:aws:sqs:eu-west-1:111111111111:q");
        expect(standIn(t, "q", urn(t, "q"), { name: "q" }, "us-west-2", ctx)?.outputs["arn"]).toBe("arn:aws:sqs:us-west-2:111111111111:q");
        expect(standIn(t, "q", urn(t, "q"), { name: "q" }, undefined, ctx)?.id).toBe("https://sqs.ap-northeast-1.amazonaws.com/111111111111/q");
    });

    it("gives a KMS key a key id and an ARN naming it", () => {
        const t = "aws:kms/key:Key";
        const k = standIn(t, "k", urn(t, "k"), {}, undefined, ctx);
        expect(k?.outputs["arn"]).toBe(`arn:aws:kms:ap-northeast-1:111111111111:key/${k?.id}`);
        expect(k?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it("does not stand in for a name the program computed from an unknown", () => {
        const t = "aws:iam/role:Role";
        expect(standIn(t, "r", urn(t, "r"), { name: UNKNOWN }, undefined, ctx)?.outputs["name"]).toBeUndefined();
    });
});

describe("Azure stand-ins", () => {
    const az = standInContext({ "azure-native:subscriptionId": "33333333-3333-3333-3333-333333333333" }, undefined);
    it("gives a resource group the subscription-level id", () => {
        const t = "azure-native:resources:ResourceGroup";
        expect(standIn(t, "rg", urn(t, "rg"), { resourceGroupName: "app" }, undefined, az)?.id).toBe("/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/app");
    });

    it("gives a management group the tenant-level id", () => {
        const t = "azure-native:management:ManagementGroup";
        expect(standIn(t, "mg", urn(t, "mg"), { groupId: "platform" }, undefined, az)?.id).toBe("/providers/Microsoft.Management/managementGroups/platform");
    });

    it("puts a resource in its resource group and a child under its parent", () => {
        const sa = "azure-native:storage:StorageAccount";
        expect(standIn(sa, "data", urn(sa, "data"), { resourceGroupName: "app", accountName: "appdata" }, undefined, az)?.id).toBe(
            "/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/appdata",
        );
        const c = "azure-native:storage:BlobContainer";
        expect(standIn(c, "c", urn(c, "c"), { resourceGroupName: "app", accountName: "appdata", containerName: "logs" }, undefined, az)?.id).toBe(
            "/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/appdata/blobServices/default/containers/logs",
        );
    });

    it("puts an extension resource under its scope, named by a GUID", () => {
        const t = "azure-native:authorization:RoleAssignment";
        const id = standIn(t, "ra", urn(t, "ra"), { scope: "/subscriptions/s/resourceGroups/app" }, undefined, az)?.id;
        expect(id).toMatch(/^\/subscriptions\/s\/resourceGroups\/app\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}$/);
    });
});

describe("aws.iam.getPolicyDocument offline", () => {
    it("renders as the provider does: Allow by default, one value as a string, several sorted in reverse, 2-space JSON", () => {
        const r = policyDocument({
            statements: [
                { actions: ["s3:GetObject", "s3:ListBucket", "s3:GetObject"], resources: ["arn:aws:s3:::b/*"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:root"] }] },
            ],
        });
        expect(JSON.parse(String(r["json"]))).toEqual({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: "arn:aws:s3:::b/*", Principal: { AWS: "arn:aws:iam::111111111111:root" } }],
        });
        expect(String(r["json"])).toContain('\n  "Statement": [\n    {\n      "Effect": "Allow",');
        expect(r["minifiedJson"]).toBe(JSON.stringify(JSON.parse(String(r["json"]))));
        expect(r["id"]).toMatch(/^[0-9]+$/);
    });

    it("writes a principal of type * with identifier * as \"*\", conditions by test and variable, &{} as ${}", () => {
        const r = policyDocument({
            statements: [
                {
                    effect: "Deny",
                    sid: "NoInsecure",
                    actions: ["s3:*"],
                    resources: ["arn:aws:s3:::b/&{aws:username}"],
                    principals: [{ type: "*", identifiers: ["*"] }],
                    conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
                },
            ],
        });
        expect(JSON.parse(String(r["json"])).Statement).toEqual([
            { Sid: "NoInsecure", Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::b/${aws:username}", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ]);
    });

    it("merges source documents, then the statements, then overrides by Sid", () => {
        const src = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
        const over = JSON.stringify({ Statement: [{ Sid: "A", Effect: "Deny", Action: "s3:*", Resource: "*" }] });
        const r = policyDocument({ sourcePolicyDocuments: [src], statements: [{ sid: "B", actions: ["sqs:SendMessage"], resources: ["*"] }], overridePolicyDocuments: [over] });
        expect(JSON.parse(String(r["json"])).Statement.map((s: { Sid: string; Effect: string }) => `${s.Sid}:${s.Effect}`)).toEqual(["A:Deny", "B:Allow"]);
    });
});

describe("data-source answers", () => {
    it("answers the common look-ups in the stack's account and region", () => {
        expect(answerInvoke("aws:index/getCallerIdentity:getCallerIdentity", {}, undefined, ctx)).toEqual({
            source: "stand-in",
            result: { accountId: "111111111111", arn: "arn:aws:iam::111111111111:root", id: "111111111111", userId: "111111111111" },
        });
        expect(answerInvoke("aws:index/getAvailabilityZones:getAvailabilityZones", {}, "eu-west-1", ctx)?.result["names"]).toEqual(["eu-west-1a", "eu-west-1c", "eu-west-1d"]);
    });

    it("prefers the user's answer, matched on the args it names", () => {
        const user = readAnswersFile(fixture("programs", "ordinary", "data-sources", "data-sources.json"));
        expect(answerInvoke("aws:ec2/getAmi:getAmi", { owners: ["amazon"], mostRecent: true }, undefined, ctx, user)).toEqual({
            source: "user",
            result: { id: "ami-0123456789abcdef0", imageId: "ami-0123456789abcdef0", architecture: "arm64" },
        });
        expect(answerInvoke("aws:ec2/getAmi:getAmi", { owners: ["self"] }, undefined, ctx, user)?.source).toBe("stand-in");
    });

    it("answers nothing for a data source it does not know", () => {
        expect(answerInvoke("aws:rds/getEngineVersion:getEngineVersion", {}, undefined, ctx)).toBeUndefined();
    });

    it("refuses an answers file that is not token → object, naming the entry", () => {
        expect(() => readAnswersFile(fixture("programs", "ordinary", "data-sources", "Pulumi.yaml"))).toThrow(/malformed JSON/);
    });
});
