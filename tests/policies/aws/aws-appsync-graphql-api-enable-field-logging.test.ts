import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-appsync-graphql-api-enable-field-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const ROLE = "arn:aws:iam::111122223333:role/appsync-logs";
const api = (logConfig?: unknown) => ({ type: "aws:appsync/graphQLApi:GraphQLApi", props: { name: "orders", authenticationType: "AWS_IAM", ...(logConfig === undefined ? {} : { logConfig }) } });

describe("aws-appsync-graphql-api-enable-field-logging", () => {
    describe("passes", () => {
        it.each([["ERROR"], ["ALL"], ["all"]])("an API that logs fields at level %s", async (fieldLogLevel) => {
            expect((await runResourcePolicy(policy, api({ fieldLogLevel, cloudwatchLogsRoleArn: ROLE }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an API without a log configuration (the default)", async () => {
            const r = await runResourcePolicy(policy, api());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("declares no `logConfig`");
        });

        it("an API whose field logging is NONE", async () => {
            const r = await runResourcePolicy(policy, api({ fieldLogLevel: "NONE", cloudwatchLogsRoleArn: ROLE }));
            expect(r.messages.join()).toContain("`logConfig.fieldLogLevel` is NONE");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the level is unknown", async () => {
            const r = await runResourcePolicy(policy, api({ fieldLogLevel: UNKNOWN, cloudwatchLogsRoleArn: ROLE }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("logConfig.fieldLogLevel");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, api(), { level: "ALL" })).rejects.toThrow("config key 'level' is not a setting of this policy (it takes none)");
        });
    });
});
