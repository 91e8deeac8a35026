// The gate's contract with @pulumi/pulumi internals (gate/sdk-contract.ts): one test per assumption, against the SDK
// version srguard pins, and the fallbacks say what is off.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installMonitor, type RecordedRun } from "../../gate/mock-monitor";
import type { RunJob } from "../../gate/runner-protocol";
import {
    MONITOR_METHODS,
    DEBUGGABLE,
    SdkContractError,
    VENDORED_TYPESCRIPT,
    loadAnalyzerProtocol,
    loadProgramRuntime,
    loadTypeScript,
    policyPackRunner,
    programSdkRoot,
    sdkVersion,
    skipPromiseStacks,
} from "../../gate/sdk-contract";
import { formatProgramStacks } from "../../gate/stack-traces";
import type { GateStack } from "../../gate/model";
import { planPreview } from "../../gate/preview";
import { ROOT, ensureBuilt, fixture } from "./helpers";

const SDK_ROOT = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const outside = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-sdk-contract-"));
afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

function noter() {
    const notes: string[] = [];
    return { notes, note: (what: string, why: string) => notes.push(`${what} is off: ${why}`) };
}

describe("1. the program's @pulumi/pulumi", () => {
    it("is the one the program's folder resolves, without a note", () => {
        const { notes, note } = noter();
        expect(programSdkRoot(path.join(ROOT, "stacks", "aws-baseline"), note)).toBe(SDK_ROOT);
        expect(notes).toEqual([]);
    });

    it("falls back to srguard's, saying so, when the folder has none", () => {
        const { notes, note } = noter();
        expect(programSdkRoot(outside, note)).toBe(SDK_ROOT);
        expect(notes).toEqual([`the program's own @pulumi/pulumi is off: none is installed for ${outside}; the program runs on srguard's (${sdkVersion(SDK_ROOT)})`]);
    });
});

describe("2–5. the runtime a program runs on", () => {
    const { notes, note } = noter();
    const runtime = loadProgramRuntime(SDK_ROOT, note);

    it("loads runtime/settings.js, runtime/stack.js and proto/resource_pb.js with the shapes the runner uses", () => {
        expect(typeof runtime.pulumi.runtime.setMocks).toBe("function");
        expect(typeof runtime.runInPulumiStack).toBe("function");
        expect(typeof runtime.resproto.RegisterResourceResponse).toBe("function");
        expect(runtime.fromStruct(runtime.toStruct({ a: [1, "x", { b: true }] }))).toEqual({ a: [1, "x", { b: true }] });
    });

    it("after setMocks, getMonitor() is the MockMonitor, whose replaced methods the SDK calls (register and read)", async () => {
        await runtime.pulumi.runtime.setMocks({ newResource: () => ({ id: undefined, state: {} }), call: () => ({}) }, "proj", "dev", true, "org");
        const monitor = runtime.mockMonitor() as unknown as Record<string, unknown>;
        for (const m of MONITOR_METHODS) expect(typeof monitor[m], m).toBe("function");
        const run: RecordedRun = {
            registrations: [],
            warnings: [],
            warn(m) {
                this.warnings.push(m);
            },
        };
        // A preview's job (the fields the monitor reads; others default).
        const job: Partial<RunJob> = { kind: "run", programDir: outside, entry: "", typescript: false, project: "proj", stack: "dev", organization: "org", config: {}, secretKeys: [] };
        installMonitor(runtime, job as RunJob, run);
        class Thing extends runtime.pulumi.CustomResource {
            constructor(name: string, props: Record<string, unknown>, opts?: { id: string }) {
                super("test:index:Thing", name, props, opts);
            }
        }
        await runtime.runInPulumiStack(async () => {
            new Thing("made", { size: 3 });
            new Thing("read", {}, { id: "abc" }); // an id: the SDK reads it (readResource)
        });
        await runtime.waitForRPCs();
        // The two resources register concurrently: their order is the SDK's.
        expect(run.registrations.map((r) => `${r.type}::${r.name}${r.external ? " (read)" : ""}`).sort()).toEqual([
            "pulumi:providers:test::default",
            "pulumi:pulumi:Stack::proj-dev",
            "test:index:Thing::made",
            "test:index:Thing::read (read)",
        ]);
        const made = run.registrations.find((r) => r.name === "made");
        expect(made?.inputs).toEqual({ size: 3 });
        // runInPulumiStack makes the root stack every resource's parent.
        expect(made?.parent).toBe(run.registrations.find((r) => r.type === "pulumi:pulumi:Stack")?.urn);
        expect(notes).toEqual([]);
    });
});

describe("2–4. without the internals", () => {
    /** A fake @pulumi/pulumi with only the files given (google-protobuf from the real one). */
    function fakeSdk(files: Record<string, string>): string {
        const dir = fs.mkdtempSync(path.join(outside, "sdk-"));
        const all: Record<string, string> = {
            "package.json": JSON.stringify({ name: "@pulumi/pulumi", version: "0.0.0-fake" }),
            "index.js": "exports.runtime = {};",
            "proto/resource_pb.js": "for (const c of ['RegisterResourceResponse','ReadResourceResponse','RegisterPackageResponse']) exports[c] = class {};",
            ...files,
        };
        for (const [f, text] of Object.entries(all)) {
            fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
            fs.writeFileSync(path.join(dir, f), text);
        }
        fs.mkdirSync(path.join(dir, "node_modules"));
        fs.symlinkSync(path.dirname(require.resolve("google-protobuf/package.json", { paths: [SDK_ROOT] })), path.join(dir, "node_modules", "google-protobuf"));
        return dir;
    }

    it("without runtime/settings.js getMonitor, stops with one line naming the assumption", () => {
        const sdk = fakeSdk({ "runtime/settings.js": "", "runtime/stack.js": "exports.runInPulumiStack = async (f) => f();" });
        expect(() => loadProgramRuntime(sdk, noter().note)).toThrow(SdkContractError);
        expect(() => loadProgramRuntime(sdk, noter().note)).toThrow(/^@pulumi\/pulumi runtime\/settings\.js: has no getMonitor\(\) \(srguard's gate was written against/);
    });

    it("without runtime/stack.js runInPulumiStack, stops with one line naming the assumption", () => {
        const sdk = fakeSdk({ "runtime/settings.js": "exports.getMonitor = () => ({});", "runtime/stack.js": "" });
        expect(() => loadProgramRuntime(sdk, noter().note)).toThrow(/^@pulumi\/pulumi runtime\/stack\.js: has no runInPulumiStack\(\)/);
    });

    it("a MockMonitor without the methods the gate replaces is refused by name", () => {
        const sdk = fakeSdk({ "runtime/settings.js": "exports.getMonitor = () => ({ registerResource() {} });", "runtime/stack.js": "exports.runInPulumiStack = async (f) => f();" });
        expect(() => loadProgramRuntime(sdk, noter().note).mockMonitor()).toThrow(/the MockMonitor has no readResource, registerResourceOutputs, registerPackage/);
    });

    it("without waitForRPCs, falls back to runInPulumiStack's own settling, and says so", async () => {
        const sdk = fakeSdk({ "runtime/settings.js": "exports.getMonitor = () => ({});", "runtime/stack.js": "exports.runInPulumiStack = async (f) => f();" });
        const { notes, note } = noter();
        await loadProgramRuntime(sdk, note).waitForRPCs();
        expect(notes).toEqual([
            "waiting for outstanding registrations is off: runtime/settings.js has no waitForRPCs(); the runner relies on runInPulumiStack settling after them",
        ]);
    });
});

describe("6. a TypeScript compiler", () => {
    it("is srguard's when the program has none of its own", () => {
        const { notes, note } = noter();
        expect(loadTypeScript(outside, SDK_ROOT, note).version).toBe((require("typescript") as { version: string }).version);
        expect(notes).toEqual([]);
    });

    it("the SDK's vendored compiler, the last resort, is where the contract says", () => {
        const vendored = require(path.join(SDK_ROOT, VENDORED_TYPESCRIPT)) as { version: string; transpileModule: unknown };
        expect(vendored.version).toBe("3.8.3");
        expect(typeof vendored.transpileModule).toBe("function");
    });
});

describe("9. the SDK's promise stacks, taken without frames", () => {
    const debuggablePath = require.resolve(path.join(SDK_ROOT, DEBUGGABLE.file));
    type Debuggable = { debuggablePromise: (p: Promise<unknown>, ctx: string) => Promise<unknown> };
    /**
     * Runs `f` with the SDK's debuggablePromise as skipPromiseStacks leaves it and the runner's stack format (over V8's
     * own, as in a fresh process), then puts the SDK's function and the test's format back.
     */
    function withSkipped<T>(f: (skipped: boolean, debuggable: Debuggable) => T): T {
        const debuggable = require(debuggablePath) as Debuggable;
        const own = debuggable.debuggablePromise;
        const format = Error.prepareStackTrace;
        try {
            delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
            formatProgramStacks(outside, { mapProgramFrames: false });
            return f(skipPromiseStacks(SDK_ROOT, (what, why) => expect.fail(`${what} is off: ${why}`)), debuggable);
        } finally {
            debuggable.debuggablePromise = own;
            Error.prepareStackTrace = format;
        }
    }

    it("debuggablePromise stores a stack on every promise it wraps, and only promiseDebugString reads it", () => {
        const source = fs.readFileSync(debuggablePath, "utf8");
        expect(source).toContain('Object.defineProperty(p, "_debugStackTrace", { writable: true, value: new Error().stack });');
        // Read in one place: the leaked-promise report, printed only with PULUMI_DEBUG_PROMISE_LEAKS.
        expect(source.match(/_debugStackTrace/g)).toHaveLength(2);
        expect(source).toMatch(/if \(exports\.debugPromiseLeaks\) \{\s*for \(const leak of leaked\) \{\s*console\.error\("Promise leak detected:"\);\s*console\.error\(promiseDebugString\(leak\)\);/);
    });

    it("every SDK module calls it through debuggable.js's exports, so that all of them get the replacement", () => {
        const calls: string[] = [];
        const walk = (dir: string): void => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                const f = path.join(dir, e.name);
                if (e.isDirectory()) {
                    if (e.name !== "node_modules" && e.name !== "vendor") walk(f);
                } else if (e.name.endsWith(".js")) {
                    for (const m of fs.readFileSync(f, "utf8").matchAll(/[\w$.]*debuggablePromise\(/g)) calls.push(`${path.relative(SDK_ROOT, f)}: ${m[0]}`);
                }
            }
        };
        walk(SDK_ROOT);
        const direct = calls.filter((c) => !c.endsWith(": debuggable_1.debuggablePromise(") && c !== `${DEBUGGABLE.file}: debuggablePromise(`);
        expect(direct).toEqual([]);
        expect(calls.length).toBeGreaterThan(20);
    });

    it("the replacement's promises carry the stack \"Error\", every other stack keeps its frames, and the limit is restored", () => {
        const limit = Error.stackTraceLimit;
        const { skipped, wrapped, settled, other } = withSkipped((skipped, { debuggablePromise }) => {
            const p = Promise.resolve(1);
            const settled = debuggablePromise(p, "ctx");
            return { skipped, wrapped: (p as unknown as { _debugStackTrace: unknown })._debugStackTrace, settled, other: new Error("boom").stack };
        });
        expect(skipped).toBe(true);
        expect(wrapped).toBe("Error");
        expect(other).toMatch(/^Error: boom\n {4}at .*sdk-contract\.test\.ts:\d+:\d+/);
        expect(Error.stackTraceLimit).toBe(limit);
        return expect(settled).resolves.toBe(1);
    });

    it("the limit is restored when the SDK's function throws", () => {
        const limit = Error.stackTraceLimit;
        withSkipped((skipped, debuggable) => {
            expect(skipped).toBe(true);
            expect(() => debuggable.debuggablePromise(undefined as unknown as Promise<unknown>, "ctx")).toThrow();
        });
        expect(Error.stackTraceLimit).toBe(limit);
    });

    it("with PULUMI_DEBUG_PROMISE_LEAKS (the SDK prints them), the SDK's own is left in place", () => {
        process.env["PULUMI_DEBUG_PROMISE_LEAKS"] = "1";
        try {
            const own = (require(debuggablePath) as Debuggable).debuggablePromise;
            expect(skipPromiseStacks(SDK_ROOT, noter().note)).toBe(false);
            expect((require(debuggablePath) as Debuggable).debuggablePromise).toBe(own);
        } finally {
            delete process.env["PULUMI_DEBUG_PROMISE_LEAKS"];
        }
    });

    it.each([
        ["has no debuggablePromise", "exports.somethingElse = () => undefined;"],
        ["exports it as a getter", 'Object.defineProperty(exports, "debuggablePromise", { enumerable: true, get: () => function debuggablePromise(p) { return p; } });'],
    ])("when debuggable.js %s, every stack is taken in full, and it says so", (_, source) => {
        const sdk = fs.mkdtempSync(path.join(outside, "sdk-"));
        fs.writeFileSync(path.join(sdk, "package.json"), JSON.stringify({ name: "@pulumi/pulumi", version: "0.0.0" }));
        fs.mkdirSync(path.join(sdk, "runtime"));
        fs.writeFileSync(path.join(sdk, "runtime", "debuggable.js"), source);
        const { notes, note } = noter();
        expect(skipPromiseStacks(sdk, note)).toBe(false);
        expect(notes).toEqual([
            "taking the SDK's promise stacks without frames is off: runtime/debuggable.js has no replaceable debuggablePromise(); every stack is taken in full",
        ]);
    });
});

describe("7–8. starting a pack and speaking pulumirpc.Analyzer", () => {
    it("cmd/run-policy-pack resolves from a pack folder, and is undefined where @pulumi/pulumi is not installed", () => {
        const runner = policyPackRunner(path.join(ROOT, "policies"));
        expect(runner && fs.existsSync(runner)).toBe(true);
        expect(policyPackRunner(outside)).toBeUndefined();
    });

    it("the generated stubs serialise the message classes loaded beside them", () => {
        const { analyzerGrpc, pb, Struct, Empty, grpc } = loadAnalyzerProtocol();
        expect(typeof analyzerGrpc.AnalyzerClient).toBe("function");
        expect(typeof grpc.credentials.createInsecure).toBe("function");
        const req = new pb.AnalyzeRequest();
        req.setProperties(Struct.fromJavaScript({ a: 1 }));
        expect(Buffer.isBuffer(analyzerGrpc.AnalyzerService.analyze.requestSerialize(req))).toBe(true);
        expect(Buffer.isBuffer(analyzerGrpc.AnalyzerService.getAnalyzerInfo.requestSerialize(new Empty()))).toBe(true);
        expect([pb.EnforcementLevel.ADVISORY, pb.EnforcementLevel.MANDATORY, pb.EnforcementLevel.DISABLED, pb.EnforcementLevel.REMEDIATE].every((l) => typeof l === "number")).toBe(true);
    });
});

describe("10. what a program run does not reach, loaded on first use", () => {
    /** The `closures` program through the runner (its preview pass), with SRGUARD_DEFER_SDK_MODULES as given. */
    async function runClosures(defer: string): Promise<{ tags: unknown; warnings: readonly string[] }> {
        const saved = process.env["SRGUARD_DEFER_SDK_MODULES"];
        process.env["SRGUARD_DEFER_SDK_MODULES"] = defer;
        let run: Promise<GateStack>;
        try {
            // fork copies the environment before run() first waits.
            run = planPreview(fixture("programs", "ordinary", "closures")).run();
        } finally {
            if (saved === undefined) delete process.env["SRGUARD_DEFER_SDK_MODULES"];
            else process.env["SRGUARD_DEFER_SDK_MODULES"] = saved;
        }
        const stack = await run;
        return { tags: stack.resources.find((r) => r.type === "aws:s3/bucket:Bucket")?.inputs["tags"], warnings: stack.warnings };
    }

    it("a program that serializes a closure and reaches the automation API sees what it sees with everything loaded", async () => {
        ensureBuilt();
        const [deferred, whole] = await Promise.all([runClosures(""), runClosures("off")]);
        expect(deferred.tags).toEqual({ serialized: "true", codePaths: expect.stringMatching(/^[1-9][0-9]*$/), automation: "function" });
        expect(deferred).toEqual(whole);
        expect(deferred.warnings.filter((w) => w.startsWith("deferring"))).toEqual([]);
    }, 120_000);
});
