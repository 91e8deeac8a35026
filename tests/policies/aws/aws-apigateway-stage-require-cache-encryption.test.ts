import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-apigateway-stage-require-cache-encryption";
import { runStackPolicy, UNKNOWN } from "../../harness";

const stage = (props: Record<string, unknown>, name = "prod") => ({
    type: "aws:apigateway/stage:Stage",
    name,
    props: { restApi: "a1b2c3", stageName: name, deployment: "d1", ...props },
});
const settings = (name: string, methodPath: string, s: unknown, extra: Record<string, unknown> = {}) => ({
    type: "aws:apigateway/methodSettings:MethodSettings",
    name,
    props: { restApi: "a1b2c3", stageName: "prod", methodPath, settings: s, ...extra },
});
const CACHING = { cacheClusterEnabled: true, cacheClusterSize: "0.5" };

describe("aws-apigateway-stage-require-cache-encryption", () => {
    describe("passes", () => {
        it.each([
            ["a stage without a cache", [stage({})]],
            ["a caching stage whose */* settings encrypt the cache", [stage(CACHING), settings("all", "*/*", { cachingEnabled: true, cacheDataEncrypted: true })]],
            ["a caching stage whose */* settings turn caching off", [stage(CACHING), settings("all", "*/*", { cachingEnabled: false })]],
            ["method settings that do not cache", [settings("logs", "*/*", { metricsEnabled: true })]],
            ["a caching stage whose */* settings name no REST API", [stage(CACHING), settings("all", "*/*", { cachingEnabled: false }, { restApi: UNKNOWN })]],
            ["a caching stage that names no REST API, with */* settings of any API of its name", [stage({ ...CACHING, restApi: UNKNOWN }), settings("all", "*/*", { cachingEnabled: false }, { restApi: "zzz999" })]],
            [
                "a caching stage whose */* settings are joined by property dependency",
                [stage(CACHING), { ...settings("all", "*/*", { cachingEnabled: true, cacheDataEncrypted: true }, { stageName: UNKNOWN }), propertyDependencies: { stageName: ["prod"] } }],
            ],
            [
                "each caching stage of a shared name, with the */* settings of its own REST API",
                [
                    stage(CACHING),
                    { ...stage({ ...CACHING, restApi: "zzz999" }), name: "prod-2" },
                    settings("all", "*/*", { cachingEnabled: true, cacheDataEncrypted: true }),
                    settings("all-2", "*/*", { cachingEnabled: false }, { restApi: "zzz999" }),
                ],
            ],

        ])("%s", async (_, resources) => {
            expect((await runStackPolicy(policy, resources)).violating).toEqual([]);
        });
    });

    describe("fails", () => {
        it("a caching stage without method settings", async () => {
            const r = await runStackPolicy(policy, [stage(CACHING)]);
            expect(r.violating).toEqual(["prod"]);
            expect(r.diagnostics[0]?.message).toContain("no MethodSettings for `methodPath: \"*/*\"`");
        });

        it("method settings that cache without encryption", async () => {
            const r = await runStackPolicy(policy, [settings("orders-get", "orders/GET", { cachingEnabled: true })]);
            expect(r.violating).toEqual(["orders-get"]);
        });

        it("a caching stage whose encrypting settings, joined by property dependency, belong to another REST API", async () => {
            const r = await runStackPolicy(policy, [
                stage(CACHING),
                { ...settings("other", "*/*", { cachingEnabled: true, cacheDataEncrypted: true }, { restApi: "zzz999", stageName: UNKNOWN }), propertyDependencies: { stageName: ["prod"] } },
            ]);
            expect(r.violating).toEqual(["prod"]);
        });

        it("only the caching stage of a shared name whose REST API has no encrypting */* settings", async () => {
            const r = await runStackPolicy(policy, [
                stage(CACHING),
                { ...stage({ ...CACHING, restApi: "zzz999" }), name: "prod-2" },
                settings("all", "*/*", { cachingEnabled: true, cacheDataEncrypted: true }),
            ]);
            expect(r.violating).toEqual(["prod-2"]);
        });

        it("a caching stage whose encrypting settings belong to another API's stage of the same name", async () => {
            const r = await runStackPolicy(policy, [stage(CACHING), settings("other", "*/*", { cachingEnabled: true, cacheDataEncrypted: true }, { restApi: "zzz999" })]);
            expect(r.violating).toEqual(["prod"]);
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide a stage while its cache flag is unknown", async () => {
            const r = await runStackPolicy(policy, [stage({ cacheClusterEnabled: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.message).toContain("cacheClusterEnabled");
        });

        it("cannot decide a caching stage while its */* settings or a method path are unknown, naming each once", async () => {
            const r = await runStackPolicy(policy, [
                stage(CACHING),
                settings("a", "*/*", { cachingEnabled: UNKNOWN }),
                settings("b", UNKNOWN, { cachingEnabled: true, cacheDataEncrypted: true }),
                settings("c", "*/*", UNKNOWN),
            ]);
            expect(r.verdict).toBe("unknown");
            const onStage = r.diagnostics.filter((d) => d.resource === "prod").map((d) => d.message);
            expect(onStage).toHaveLength(1);
            expect(onStage[0]).toContain("`settings`, `methodPath` is unknown");
        });

        it("cannot decide method settings that cache while `cacheDataEncrypted` is unknown", async () => {
            const r = await runStackPolicy(policy, [settings("orders-get", "orders/GET", { cachingEnabled: true, cacheDataEncrypted: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.message).join()).toContain("settings.cacheDataEncrypted");
        });

        it("cannot decide a caching stage while method settings refer to an unknown stage", async () => {
            const r = await runStackPolicy(policy, [stage(CACHING), settings("all", "*/*", { cachingEnabled: true, cacheDataEncrypted: true }, { stageName: UNKNOWN })]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics.map((d) => d.resource)).toContain("prod");
        });
    });

    describe("config", () => {
        it("rejects any setting (the policy takes none)", async () => {
            await expect(runStackPolicy(policy, [stage({})], { x: 1 })).rejects.toThrow("it takes none");
        });
    });
});
