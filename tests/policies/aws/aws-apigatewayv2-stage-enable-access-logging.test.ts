import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-apigatewayv2-stage-enable-access-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const stage = (accessLogSettings?: unknown) => ({ type: "aws:apigatewayv2/stage:Stage", props: { apiId: "a1b2c3", name: "$default", ...(accessLogSettings === undefined ? {} : { accessLogSettings }) } });
const FORMAT = '{"requestId":"$context.requestId"}';

describe("aws-apigatewayv2-stage-enable-access-logging", () => {
    it("is advisory by default (FSBP-only; many APIs legitimately run without access logs)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("a stage with access logs", async () => {
            expect((await runResourcePolicy(policy, stage({ destinationArn: "arn:aws:logs:eu-west-1:111122223333:log-group:api", format: FORMAT }))).verdict).toBe("pass");
        });

        it("a stage whose log group ARN is unknown during preview (a log group of the stack)", async () => {
            expect((await runResourcePolicy(policy, stage({ destinationArn: UNKNOWN, format: FORMAT }))).verdict).toBe("pass");
        });

        it("a REST API (v1) stage is not judged", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:apigateway/stage:Stage", props: { restApi: "r", stageName: "prod", deployment: "d" } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a stage without access logs (the default)", async () => {
            const r = await runResourcePolicy(policy, stage());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`accessLogSettings.destinationArn` is not set");
        });

        it("a stage with a blank destination", async () => {
            expect((await runResourcePolicy(policy, stage({ destinationArn: "", format: FORMAT }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole access-log block is unknown", async () => {
            const r = await runResourcePolicy(policy, stage(UNKNOWN));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("accessLogSettings");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, stage(), { format: "x" })).rejects.toThrow("config key 'format' is not a setting of this policy (it takes none)");
        });
    });
});
