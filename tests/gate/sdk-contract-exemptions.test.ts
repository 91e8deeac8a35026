// The SDK contract for exemptions (policies/core/sdk-contract.ts §5, §6), against the @pulumi/policy the pack pins:
// the Configure tap sees every policy's entry as the SDK decodes it, the secret-tag tap tells a secret tag value from a
// plain one through the SDK's own decoder; and when either is off, the pack says so once on stderr and exempts nothing
// (or honours no tag) — never the reverse. In its own process (e2e project): the taps patch module state.

import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { exemptionSettings } from "../../policies/core/exemptions";
import {
    configuredPolicies,
    installConfigureTap,
    installSecretTagTap,
    resetSdkContractForTesting,
    secretTagsOfProps,
    setConfiguredForTesting,
} from "../../policies/core/sdk-contract";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import { ensureBuilt, fixture } from "./helpers";

const sdkRequire = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

afterAll(() => setConfiguredForTesting(undefined));

describe("the Configure tap", () => {
    it("hands every policy's entry, as the SDK decodes it, from a Configure the SDK's own handler also receives", () => {
        const grpc = sdkRequire("@grpc/grpc-js") as { Server: new () => { addService(s: unknown, i: unknown): void } };
        const stubs = sdkRequire("@pulumi/pulumi/proto/analyzer_grpc_pb") as { AnalyzerService: unknown };
        const pb = sdkRequire("@pulumi/pulumi/proto/analyzer_pb") as Record<string, new () => Record<string, (...a: unknown[]) => unknown>> & {
            EnforcementLevel: Record<string, number>;
        };
        const { Struct } = sdkRequire("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(o: unknown): unknown } };
        let sdkCalled = false;
        let wrapped: ((call: unknown, cb: () => void) => void) | undefined;
        const server = new grpc.Server();
        // Capture what grpc-js is handed once the tap (installed next, over this capture) has wrapped the handler.
        const proto = Object.getPrototypeOf(server) as { addService: (s: unknown, i: Record<string, unknown>) => void };
        const register = proto.addService;
        proto.addService = function (this: unknown, s: unknown, impl: Record<string, unknown>) {
            wrapped = impl["configure"] as typeof wrapped;
            return register.call(this, s, impl);
        };
        expect(installConfigureTap()).toBe(true);
        server.addService(stubs.AnalyzerService, { configure: () => (sdkCalled = true) });
        const request = new pb["ConfigureAnalyzerRequest"]!();
        const entry = new pb["PolicyConfig"]!();
        entry["setEnforcementlevel"]!(pb.EnforcementLevel["MANDATORY"]);
        entry["setProperties"]!(Struct.fromJavaScript({ maxDays: 30, exemptions: [] }));
        (request["getPolicyconfigMap"]!() as { set(k: string, v: unknown): void }).set("srguard-exemptions", entry);
        wrapped?.({ request }, () => undefined);
        expect(sdkCalled).toBe(true);
        const c = configuredPolicies();
        expect(typeof c === "object" && c.policies.get("srguard-exemptions")).toEqual({ enforcementLevel: "mandatory", properties: { maxDays: 30, exemptions: [] } });
    });
});

describe("the secret-tag tap", () => {
    it("tells secret tag values apart through the SDK's own decoder", () => {
        expect(installSecretTagTap()).toBe(true);
        const { Struct } = sdkRequire("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(o: unknown): unknown } };
        const deserialize = sdkRequire("./deserialize.js") as { deserializeProperties(s: unknown, keep: boolean): Record<string, unknown> };
        const plain = deserialize.deserializeProperties(Struct.fromJavaScript({ tags: { a: "1", b: { [SIG]: SECRET, value: "2" } } }), false);
        expect(plain["tags"]).toEqual({ a: "1", b: "2" });
        expect([...((secretTagsOfProps(plain) as ReadonlySet<string>) ?? [])]).toEqual(["b"]);
        const whole = deserialize.deserializeProperties(Struct.fromJavaScript({ tags: { [SIG]: SECRET, value: { a: "1" } } }), false);
        expect(secretTagsOfProps(whole)).toBe("all");
        // An object the SDK did not decode: the pack cannot tell.
        expect(secretTagsOfProps({ tags: { a: "1" } })).toBeUndefined();
    });
});

describe("the fallback", () => {
    it("says once on stderr that exemptions are off, and exempts nothing", () => {
        resetSdkContractForTesting();
        setConfiguredForTesting(undefined);
        const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
        try {
            // No tap: the pack was not built with packArgs.
            expect(exemptionSettings()).toBeUndefined();
            expect(exemptionSettings()).toBeUndefined();
            const notes = write.mock.calls.map((c) => String(c[0])).filter((s) => s.includes("exemption handling is off"));
            expect(notes).toHaveLength(1);
            expect(notes[0]).toContain("nothing is exempted");
        } finally {
            write.mockRestore();
        }
    });

    it("through the real pack: with the Configure tap off nothing is exempted; with the secret-tag tap off no tag is", async () => {
        ensureBuilt();
        const run = async (env: Record<string, string>) => {
            const s = await GateSession.open({ configFile: fixture("exemptions", "policy-config.json"), env: { SRGUARD_TODAY: "2026-06-15", ...env } });
            try {
                return (await s.evaluate(scanFile(fixture("exemptions", "export.json")))).findings.filter((f) => f.policyName !== "srguard-exemptions");
            } finally {
                s.close();
            }
        };
        const noConfig = await run({ SRGUARD_SDK_CONFIGURE_TAP: "off" });
        expect(noConfig.length).toBeGreaterThan(0);
        expect(noConfig.every((f) => f.enforcementLevel === "mandatory")).toBe(true);
        const noTags = await run({ SRGUARD_SDK_SECRET_TAGS: "off" });
        expect(noTags.find((f) => f.resourceName === "tagged-jobs")?.enforcementLevel).toBe("mandatory");
        expect(noTags.find((f) => f.resourceName === "jobs")?.enforcementLevel).toBe("advisory");
    }, 240_000);
});
