import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-lambda-function-disallow-public-access";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const PERMISSION = "aws:lambda/permission:Permission";
const URL = "aws:lambda/functionUrl:FunctionUrl";
const permission = (props: Record<string, unknown>) => runResourcePolicy(policy, { type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "api", ...props } });
const url = (props: Record<string, unknown>) => runResourcePolicy(policy, { type: URL, props: { functionName: "api", ...props } });

describe("aws-lambda-function-disallow-public-access", () => {
    describe("passes", () => {
        it.each([
            ["a service principal pinned by sourceArn", { principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:ap-northeast-1:111122223333:abc/*" }],
            ["an EventBridge rule without a source (not an any-account service)", { principal: "events.amazonaws.com" }],
            ["another account", { principal: "444455556666" }],
            ["`*` pinned to the organisation", { principal: "*", principalOrgId: "o-a1b2c3d4e5" }],
            ["`*` pinned to one account", { principal: "*", sourceAccount: "111122223333" }],
            ["S3 with sourceAccount", { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: "111122223333" }],
        ])("a permission for %s", async (_, props) => {
            expect((await permission(props)).verdict).toBe("pass");
        });

        it("a function URL that needs IAM auth", async () => {
            expect((await url({ authorizationType: "AWS_IAM" })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a permission for `*` with no source, saying which properties restrict it", async () => {
            const r = await permission({ principal: "*" });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`sourceArn`, `sourceAccount`, `principalOrgId`");
        });

        it("a permission for every account's root written as an ARN", async () => {
            expect((await permission({ principal: "arn:aws:iam::*:root" })).verdict).toBe("fail");
        });

        it("a permission for S3 pinned by bucket ARN only (bucket ARNs name no account), in upper case", async () => {
            const r = await permission({ principal: "S3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`sourceAccount`");
        });

        it("a function URL with authorizationType NONE, in any case", async () => {
            expect((await url({ authorizationType: "none" })).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the principal is unknown", async () => {
            expect((await permission({ principal: UNKNOWN })).verdict).toBe("unknown");
        });

        it("cannot decide `*` while its source account is unknown", async () => {
            const r = await permission({ principal: "*", sourceAccount: UNKNOWN });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("sourceAccount");
        });

        it("passes `*` whose sourceArn is known although the account is unknown", async () => {
            expect((await permission({ principal: "*", sourceArn: "arn:aws:sns:ap-northeast-1:111122223333:t", sourceAccount: UNKNOWN })).verdict).toBe("pass");
        });

        it("cannot decide a function URL whose authorization type is unknown", async () => {
            expect((await url({ authorizationType: UNKNOWN })).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("takes no settings: an unknown key is refused, naming it", async () => {
            await expect(runResourcePolicy(policy, { type: URL, props: { authorizationType: "NONE" } }, { allowPublicUrls: true })).rejects.toThrow("config key 'allowPublicUrls'");
        });
    });
});
