import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-apigateway-stage-enable-execution-logging";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const REST_STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const V2_STAGE = "aws:apigatewayv2/stage:Stage";
const V2_API = "aws:apigatewayv2/api:Api";

const restStage = (name: string, restApi = "a1b2c3", stageName = name): StackResourceInput => ({ type: REST_STAGE, name, props: { restApi, stageName, deployment: "d1" } });
const methodSettings = (name: string, props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): StackResourceInput => ({
    type: METHOD_SETTINGS,
    name,
    props: { restApi: "a1b2c3", methodPath: "*/*", settings: { loggingLevel: "ERROR" }, ...props },
    ...(propertyDependencies ? { propertyDependencies } : {}),
});
const api = (name: string, protocolType: unknown): StackResourceInput => ({ type: V2_API, name, props: { protocolType } });
const v2Stage = (name: string, apiName: string | undefined, defaultRouteSettings?: unknown): StackResourceInput => ({
    type: V2_STAGE,
    name,
    props: { apiId: apiName ? UNKNOWN : "x9y8z7", name: "prod", ...(defaultRouteSettings === undefined ? {} : { defaultRouteSettings }) },
    ...(apiName ? { propertyDependencies: { apiId: [apiName] } } : {}),
});

describe("aws-apigateway-stage-enable-execution-logging", () => {
    describe("passes", () => {
        it.each([["ERROR"], ["INFO"]])("a REST stage whose */* method settings log at %s (joined by literal name and API)", async (loggingLevel) => {
            expect((await runStackPolicy(policy, [restStage("prod"), methodSettings("logs", { stageName: "prod", settings: { loggingLevel } })])).verdict).toBe("pass");
        });

        it("a REST stage joined by property dependency", async () => {
            expect((await runStackPolicy(policy, [restStage("prod"), methodSettings("logs", { stageName: UNKNOWN, restApi: UNKNOWN }, { stageName: ["prod"] })])).verdict).toBe("pass");
        });

        it("a WebSocket stage that logs errors; an HTTP API stage and a stage of an API outside the stack are not judged", async () => {
            const r = await runStackPolicy(policy, [api("chat", "WEBSOCKET"), v2Stage("chat-prod", "chat", { loggingLevel: "ERROR" }), api("web", "HTTP"), v2Stage("web-prod", "web"), v2Stage("other", undefined)]);
            expect(r.verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a REST stage without method settings", async () => {
            const r = await runStackPolicy(policy, [restStage("prod")]);
            expect(r.violating).toEqual(["prod"]);
            expect(r.diagnostics[0]?.message).toContain('no MethodSettings in this stack with `methodPath: "*/*"` refers to this stage');
        });

        it("a REST stage whose only method settings turn logging OFF", async () => {
            const r = await runStackPolicy(policy, [restStage("prod"), methodSettings("logs", { stageName: "prod", settings: { loggingLevel: "OFF" } })]);
            expect(r.diagnostics[0]?.message).toContain("MethodSettings logs sets `settings.loggingLevel` to OFF");
        });

        it("method settings of one method only, or of another API's stage of the same name, do not count", async () => {
            const r = await runStackPolicy(policy, [
                restStage("prod"),
                methodSettings("one-method", { stageName: "prod", methodPath: "orders/GET" }),
                methodSettings("other-api", { stageName: "prod", restApi: "zzz999" }),
            ]);
            expect(r.violating).toEqual(["prod"]);
        });

        it("a WebSocket stage without a logging level (OFF by default)", async () => {
            const r = await runStackPolicy(policy, [api("chat", "WEBSOCKET"), v2Stage("chat-prod", "chat")]);
            expect(r.violating).toEqual(["chat-prod"]);
            expect(r.diagnostics[0]?.message).toContain("`defaultRouteSettings.loggingLevel` is not ERROR or INFO");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a REST stage while a method settings' stage is unknown", async () => {
            const r = await runStackPolicy(policy, [restStage("prod"), methodSettings("logs", { stageName: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("MethodSettings logs");
        });

        it("cannot decide while the logging level is unknown", async () => {
            expect((await runStackPolicy(policy, [restStage("prod"), methodSettings("logs", { stageName: "prod", settings: { loggingLevel: UNKNOWN } })])).verdict).toBe("unknown");
        });

        it("cannot decide a v2 stage while its API's protocol is unknown", async () => {
            const r = await runStackPolicy(policy, [api("chat", UNKNOWN), v2Stage("chat-prod", "chat")]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("chat-prod");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [restStage("prod")], { level: "INFO" })).rejects.toThrow("config key 'level' is not a setting of this policy (it takes none)");
        });
    });
});
