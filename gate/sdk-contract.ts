// The gate's one contract with @pulumi/pulumi internals. Everything the gate (the CLI, the pack client and the program
// runner) needs from the SDK beyond its public API lives in this file, each assumption with its own contract test
// (tests/gate/sdk-contract.test.ts). Where a fallback exists it is never silent: it says on one line what is off and
// why (`Noter`); where none exists the gate stops with one line naming the assumption that broke.
//
// Program runner (runner.ts, mock-monitor.ts, typescript-loader.ts):
// 1. which @pulumi/pulumi a program uses: the one its folder resolves, else srguard's own (noted);
// 2. `runtime/settings.js` `getMonitor()` returns the MockMonitor that `runtime.setMocks` installed, and the SDK calls
//    its `registerResource` / `readResource` / `registerResourceOutputs` / `registerPackage` methods as
//    `(request, callback)` on that object, so replacing them on the instance makes the gate the resource monitor;
// 3. `runtime/settings.js` `waitForRPCs()` (marked internal) drains outstanding registrations (fallback: none needed
//    after `runInPulumiStack`, whose promise settles after the program's registrations; noted);
// 4. `runtime/stack.js` `runInPulumiStack(init)` registers the root `pulumi:pulumi:Stack` and runs the program in it,
//    as the language host does;
// 5. `proto/resource_pb.js` message classes, and google-protobuf's `Struct` loaded from beside the SDK (the generated
//    code checks `instanceof` against its own copy);
// 6. a TypeScript compiler: the program's own `typescript`, else srguard's, else the one the SDK vendors at
//    `vendor/typescript@3.8.3/typescript.js` (noted: it is old);
// 9. `runtime/debuggable.js` `debuggablePromise` stores `new Error().stack` on every promise it wraps (several per
//    resource), read only to print leaked promises when PULUMI_DEBUG_PROMISE_LEAKS is set, and every SDK module calls
//    it through the module's exports: the runner replaces that export with one that takes no frames
//    (`skipPromiseStacks`; fallback: every stack taken in full, noted);
// 10. at load time @pulumi/pulumi requires modules that a program reaches only when it drives the CLI or serializes a
//    closure (automation API, npm's arborist, TypeScript): the runner has them loaded on first use, as the pack does
//    (the list and its contract are the pack's: policies/core/sdk-contract.ts section 8; fallback: loaded with the
//    SDK, noted).
//
// Pack client (pack.ts):
// 7. `cmd/run-policy-pack` starts a Node.js pack as the Pulumi CLI does (`node run-policy-pack <engine> .`);
// 8. the pulumirpc.Analyzer stubs generated into `proto/analyzer_grpc_pb.js` / `analyzer_pb.js`, with the
//    `@grpc/grpc-js` and google-protobuf copies they resolve (the stubs' serialisers check `instanceof`).

import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as pulumiTypes from "@pulumi/pulumi";
import type * as analyzerGrpcTypes from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import type * as resourcePbTypes from "@pulumi/pulumi/proto/resource_pb";
import type * as emptyPbTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as structPbTypes from "google-protobuf/google/protobuf/struct_pb";
import type * as tsTypes from "typescript";
import type { DeferredModules } from "../policies/core/deferred-modules";
import { deferUnreachedSdkModules } from "../policies/core/sdk-contract";

export type { analyzerGrpcTypes, analyzerPbTypes, emptyPbTypes, grpcTypes, resourcePbTypes, structPbTypes, tsTypes };

/** Says that `what` is off and why, once: on stderr in the gate, among the stack's warnings in the runner. */
export type Noter = (what: string, why: string) => void;

/** The gate process's noter: one line on stderr per `what`, the first time only. */
export const noteOnStderr: Noter = (() => {
    const noted = new Set<string>();
    return (what: string, why: string) => {
        if (noted.has(what)) return;
        noted.add(what);
        process.stderr.write(`srguard: ${what} is off: ${why}\n`);
    };
})();

/** An assumption about the SDK that does not hold, and that has no fallback: one line, naming it. */
export class SdkContractError extends Error {
    constructor(assumption: string, problem: string) {
        super(`@pulumi/pulumi ${assumption}: ${problem} (srguard's gate was written against @pulumi/pulumi 3.248.0)`);
        this.name = "SdkContractError";
    }
}

function describe(e: unknown): string {
    return e instanceof Error ? e.message.split("\n")[0] ?? e.name : String(e);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Which @pulumi/pulumi a program uses

/** The root folder of the @pulumi/pulumi a program in `programDir` resolves, else srguard's own (noted). */
export function programSdkRoot(programDir: string, note: Noter): string {
    const own = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    try {
        return path.dirname(createRequire(path.join(programDir, "index.js")).resolve("@pulumi/pulumi/package.json"));
    } catch {
        note("the program's own @pulumi/pulumi", `none is installed for ${programDir}; the program runs on srguard's (${sdkVersion(own)})`);
        return own;
    }
}

export function sdkVersion(sdkRoot: string): string {
    try {
        const pkg = createRequire(path.join(sdkRoot, "package.json"))("./package.json") as { version?: unknown };
        return typeof pkg.version === "string" ? pkg.version : "unknown version";
    } catch {
        return "unknown version";
    }
}

// ---------------------------------------------------------------------------------------------------------------
// 2–5. The runtime a program runs on

export type MonitorCallback = (err: Error | null, res?: unknown) => void;

/** The resource monitor methods the gate replaces on the SDK's MockMonitor. */
export interface ResourceMonitor {
    registerResource(req: resourcePbTypes.RegisterResourceRequest, cb: MonitorCallback): void;
    readResource(req: resourcePbTypes.ReadResourceRequest, cb: MonitorCallback): void;
    registerResourceOutputs(req: resourcePbTypes.RegisterResourceOutputsRequest, cb: MonitorCallback): void;
    registerPackage(req: resourcePbTypes.RegisterPackageRequest, cb: MonitorCallback): void;
}

export const MONITOR_METHODS = ["registerResource", "readResource", "registerResourceOutputs", "registerPackage"] as const;

export interface ProgramRuntime {
    readonly root: string;
    readonly pulumi: typeof pulumiTypes;
    readonly resproto: typeof resourcePbTypes;
    toStruct(o: Record<string, unknown>): structPbTypes.Struct;
    fromStruct(s: structPbTypes.Struct | undefined): Record<string, unknown>;
    /** The MockMonitor `setMocks` installed: call after `pulumi.runtime.setMocks`. */
    mockMonitor(): ResourceMonitor;
    /** Runs the program as the language host does: inside the root stack resource. */
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
    /** Waits until every outstanding registration has been answered. */
    waitForRPCs(): Promise<void>;
}

interface SettingsModule {
    getMonitor?: unknown;
    waitForRPCs?: unknown;
}

interface StackModule {
    runInPulumiStack?: unknown;
}

function load<T>(sdkRequire: NodeRequire, file: string): T {
    try {
        return sdkRequire(file) as T;
    } catch (e) {
        throw new SdkContractError(file, `cannot be loaded (${describe(e)})`);
    }
}

/** The SDK at `sdkRoot`, seen through the internals the runner needs. Throws SdkContractError when one is missing. */
export function loadProgramRuntime(sdkRoot: string, note: Noter): ProgramRuntime {
    const sdkRequire = createRequire(path.join(sdkRoot, "package.json"));
    const pulumi = load<typeof pulumiTypes>(sdkRequire, "./index.js");
    const settings = load<SettingsModule>(sdkRequire, "./runtime/settings.js");
    const stack = load<StackModule>(sdkRequire, "./runtime/stack.js");
    const resproto = load<typeof resourcePbTypes>(sdkRequire, "./proto/resource_pb.js");
    const { Struct } = load<typeof structPbTypes>(sdkRequire, "google-protobuf/google/protobuf/struct_pb.js");
    if (typeof settings.getMonitor !== "function") throw new SdkContractError("runtime/settings.js", "has no getMonitor()");
    if (typeof stack.runInPulumiStack !== "function") throw new SdkContractError("runtime/stack.js", "has no runInPulumiStack()");
    for (const message of ["RegisterResourceResponse", "ReadResourceResponse", "RegisterPackageResponse"] as const) {
        if (typeof resproto[message] !== "function") throw new SdkContractError("proto/resource_pb.js", `has no ${message}`);
    }
    const getMonitor = settings.getMonitor as () => unknown;
    const runInStack = stack.runInPulumiStack as (init: () => Promise<unknown>) => Promise<unknown>;
    const drain = settings.waitForRPCs;
    return {
        root: sdkRoot,
        pulumi,
        resproto,
        toStruct: (o) => Struct.fromJavaScript(o as Parameters<typeof Struct.fromJavaScript>[0]),
        fromStruct: (s) => {
            const v: unknown = s?.toJavaScript();
            return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
        },
        mockMonitor() {
            const m: unknown = getMonitor();
            if (typeof m !== "object" || m === null) throw new SdkContractError("runtime/settings.js", "getMonitor() returned no monitor after setMocks");
            const monitor = m as Record<string, unknown>;
            const missing = MONITOR_METHODS.filter((k) => typeof monitor[k] !== "function");
            // registerPackage is newer than the rest: an SDK without it never calls it, so only the others must exist.
            if (missing.some((k) => k !== "registerPackage")) {
                throw new SdkContractError("runtime/mocks.js", `the MockMonitor has no ${missing.join(", ")}`);
            }
            return m as ResourceMonitor;
        },
        runInPulumiStack: runInStack,
        async waitForRPCs() {
            if (typeof drain === "function") return (drain as () => Promise<void>)();
            note("waiting for outstanding registrations", "runtime/settings.js has no waitForRPCs(); the runner relies on runInPulumiStack settling after them");
        },
    };
}

// ---------------------------------------------------------------------------------------------------------------
// 6. A TypeScript compiler for the program

/** The SDK's vendored compiler, relative to its root (what the SDK's own ts-node registration falls back to). */
export const VENDORED_TYPESCRIPT = path.join("vendor", "typescript@3.8.3", "typescript.js");

/**
 * Which compiler `loadTypeScript` would load, without loading it: its file with that file's size and modification
 * time (what a cache of its output is keyed by), or undefined when there is none.
 */
export function typeScriptIdentity(programDir: string, sdkRoot: string): string | undefined {
    const programRequire = createRequire(path.join(programDir, "index.js"));
    for (const resolve of [() => programRequire.resolve("typescript"), () => require.resolve("typescript"), () => path.join(sdkRoot, VENDORED_TYPESCRIPT)]) {
        try {
            const file = resolve();
            const st = fs.statSync(file);
            return `${file}:${st.size}:${st.mtimeMs}`;
        } catch {
            // next candidate
        }
    }
    return undefined;
}

/** The program's `typescript`, else srguard's, else the SDK's vendored one (noted). Throws when there is none. */
export function loadTypeScript(programDir: string, sdkRoot: string, note: Noter): typeof tsTypes {
    const programRequire = createRequire(path.join(programDir, "index.js"));
    for (const load of [() => programRequire("typescript"), () => require("typescript")]) {
        try {
            return load() as typeof tsTypes;
        } catch {
            // next candidate
        }
    }
    const vendored = path.join(sdkRoot, VENDORED_TYPESCRIPT);
    try {
        const ts = require(vendored) as typeof tsTypes;
        note("the program's own TypeScript", `typescript is not installed for ${programDir}; compiling with @pulumi/pulumi's vendored ${ts.version}`);
        return ts;
    } catch {
        throw new Error(`TypeScript is not installed (needed to run a .ts program), and @pulumi/pulumi has no ${VENDORED_TYPESCRIPT}`);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// 9. Stacks nobody reads

/** The file and function of the SDK's per-promise debugging stack (runtime/debuggable.js `debuggablePromise`). */
export const DEBUGGABLE = { file: path.join("runtime", "debuggable.js"), fn: "debuggablePromise" } as const;

/**
 * Makes `debuggablePromise` of the SDK at `sdkRoot` take its stack with no frames: its export is replaced by a
 * function that calls it with `Error.stackTraceLimit` 0, so that the stack it stores is "Error". Nobody reads those
 * stacks unless PULUMI_DEBUG_PROMISE_LEAKS asks the SDK to print leaked promises (then it is left alone). Taking
 * them, even formatted as their header only, was about a seventh of the runner's CPU. False, noted, when the export
 * is not there to replace.
 */
export function skipPromiseStacks(sdkRoot: string, note: Noter): boolean {
    if (process.env["PULUMI_DEBUG_PROMISE_LEAKS"]) return false;
    const what = "taking the SDK's promise stacks without frames";
    let debuggable: Record<string, unknown>;
    try {
        debuggable = createRequire(path.join(sdkRoot, "package.json"))(`./${DEBUGGABLE.file}`) as Record<string, unknown>;
    } catch (e) {
        note(what, `${DEBUGGABLE.file} cannot be loaded (${describe(e)}); every stack is taken in full`);
        return false;
    }
    const fn = debuggable[DEBUGGABLE.fn];
    const own = Object.getOwnPropertyDescriptor(debuggable, DEBUGGABLE.fn);
    if (typeof fn !== "function" || fn.name !== DEBUGGABLE.fn || !own?.writable) {
        note(what, `${DEBUGGABLE.file} has no replaceable ${DEBUGGABLE.fn}(); every stack is taken in full`);
        return false;
    }
    const take = fn as (...args: unknown[]) => unknown;
    debuggable[DEBUGGABLE.fn] = function debuggablePromise(this: unknown, ...args: unknown[]): unknown {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return take.apply(this, args);
        } finally {
            Error.stackTraceLimit = limit;
        }
    };
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// 10. Modules a program run does not reach

/**
 * What the pack defers of @pulumi/pulumi's load (policies/core/sdk-contract.ts section 8), deferred in the runner for
 * the SDK at `sdkRoot`; nothing with SRGUARD_DEFER_SDK_MODULES=off.
 */
export function deferUnreachedModules(sdkRoot: string, note: Noter): DeferredModules | undefined {
    return deferUnreachedSdkModules(sdkRoot, note);
}

// ---------------------------------------------------------------------------------------------------------------
// 7–8. Starting a policy pack and speaking pulumirpc.Analyzer to it

/** `@pulumi/pulumi/cmd/run-policy-pack` as the pack in `packDir` resolves it; undefined when it is not installed. */
export function policyPackRunner(packDir: string): string | undefined {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    } catch {
        return undefined;
    }
}

export interface AnalyzerProtocol {
    readonly grpc: typeof grpcTypes;
    readonly analyzerGrpc: typeof analyzerGrpcTypes;
    readonly pb: typeof analyzerPbTypes;
    readonly Empty: typeof emptyPbTypes.Empty;
    readonly Struct: typeof structPbTypes.Struct;
}

/** The generated Analyzer stubs, with grpc-js and google-protobuf loaded from beside them. */
export function loadAnalyzerProtocol(): AnalyzerProtocol {
    let stubPath: string;
    try {
        stubPath = require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb");
    } catch (e) {
        throw new SdkContractError("proto/analyzer_grpc_pb.js", `cannot be found (${describe(e)})`);
    }
    const stubRequire = createRequire(stubPath);
    const pb = load<typeof analyzerPbTypes>(stubRequire, "./analyzer_pb.js");
    const analyzerGrpc = load<typeof analyzerGrpcTypes>(stubRequire, "./analyzer_grpc_pb.js");
    if (typeof analyzerGrpc.AnalyzerClient !== "function") throw new SdkContractError("proto/analyzer_grpc_pb.js", "has no AnalyzerClient");
    return {
        grpc: load<typeof grpcTypes>(stubRequire, "@grpc/grpc-js"),
        analyzerGrpc,
        pb,
        Empty: load<typeof emptyPbTypes>(stubRequire, "google-protobuf/google/protobuf/empty_pb.js").Empty,
        Struct: load<typeof structPbTypes>(stubRequire, "google-protobuf/google/protobuf/struct_pb.js").Struct,
    };
}
