import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-apigateway-stage-require-cache-encryption";
import { runStackPolicy, UNKNOWN } from "../../harness";

const stage = (props: Record<string, unknown>, name = "prod") => ({
    type: "aws:apigateway/stage:Stage",
    name,
    props: { restApi: "a1b2c3", stageName: name, deployment: "d1", ...props },
});
const settings = (name: string, methodPath: string, s: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
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
