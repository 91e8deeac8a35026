// Two shortcuts through @pulumi/policy's analyzer server (server.js) that change no verdict and make the pack's
// `Analyze` and `AnalyzeStack` cost what the checks cost rather than what the SDK does around each of them. They reach
// into the SDK's internals, so they are pinned to the SDK version they were written against and installed only when
// every piece has the expected shape; otherwise (or with SRGUARD_SDK_FAST_PATHS=off) the pack runs on the plain SDK.
//
// - route: for every resource and every policy, the SDK decodes the resource's properties (protobuf Struct → JS) and
//   its provider's, wraps them in its unknown-checking proxy and calls the policy — unless the policy's
//   `validateResource` carries a `__pulumiType` other than the resource's, in which case it adds a "not applicable"
//   entry (policy name and reason, ~110 bytes) to the response instead. srguard's checks fold aliases (bucketV2,
//   versioned Azure tokens, ...), so most cannot carry a `__pulumiType`. Instead, `Analyze` for each type token is
//   served by the SDK's own handler (`makeAnalyzeRpcFun`) over the policies that may look at that type: an srguard
//   policy whose type test (core/policy.ts `resourceTypeTest`) says no is left out — it would have returned at once
//   (or been skipped by the SDK), without reading or reporting anything. Every other policy (a team's own, stack
//   policies) stays, in order, so every diagnostic is the SDK's own, byte for byte. The one difference from the plain
//   SDK: an srguard policy that carries a `__pulumiType` (kept for packs that run without this shortcut) is no longer
//   listed as "not applicable" on resources of other types; it is left unmentioned, like every other srguard policy
//   that does not look at them. Those entries were most of each response (22 policies: ~2.6 KB and ~80 µs of the
//   pack's CPU per resource, bench/results.md).
// - decode: the SDK decodes the same Struct once per policy (Analyze: the properties and the provider's, for each
//   policy that runs; AnalyzeStack: every resource, for each stack policy). `deserializeProperties(struct, false)`
//   is memoised per Struct object (a WeakMap, dropped with the request), so policies share one decoded object. That
//   is safe because no srguard policy writes to what it is handed (tests/gate/sdk-fast-paths.test.ts checks every
//   policy). The object is not frozen: the SDK's proxy returns the nested values of a frozen object unproxied (the
//   Proxy invariant for non-writable properties), which would silently stop unknown checks below the top level. The
//   `keepSecrets = true` path (Remediate) is left alone.
//
// Failure modes that differ from the plain SDK, on inputs the engine never sends: a Struct the SDK cannot decode (an
// unrecognised signature) fails `Analyze` naming the first policy that still runs rather than the first of all (and
// does not fail it when no policy looks at the resource's type).

import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { resourceTypeTest } from "./policy";

/** The @pulumi/policy version whose internals these shortcuts were written against (package.json says "v1.21.0"). */
export const PINNED_SDK_VERSION = "1.21.0";

/** `off` (or `none`) runs the plain SDK; `route`, `decode` or `route,decode` picks; unset, `on` or `all` = both. */
export const FAST_PATHS_ENV = "SRGUARD_SDK_FAST_PATHS";

export type FastPath = "route" | "decode";

export interface FastPathsResult {
    readonly route: boolean;
    readonly decode: boolean;
    /** Why a requested shortcut was not installed (empty when all were). */
    readonly skipped: readonly string[];
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
    return typeof v === "object" && v !== null;
}

function isFn(v: unknown): v is Fn {
    return typeof v === "function";
}

/** Whether `obj[key]` is a function that can be replaced by assignment. */
function replaceable(obj: Rec, key: string): boolean {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    return d !== undefined && "value" in d && d.writable === true && isFn(d.value);
}

export function requestedFastPaths(value: string | undefined = process.env[FAST_PATHS_ENV]): ReadonlySet<FastPath> {
    const v = (value ?? "").trim().toLowerCase();
    if (v === "" || v === "on" || v === "all") return new Set<FastPath>(["route", "decode"]);
    if (v === "off" || v === "none") return new Set<FastPath>();
    return new Set(v.split(",").map((s) => s.trim()).filter((s): s is FastPath => s === "route" || s === "decode"));
}

/** The SDK the pack's `new PolicyPack` uses: the copy `@pulumi/policy` resolves to from here. */
interface Sdk {
    readonly version: string;
    readonly server: Rec;
    readonly deserialize: Rec;
    /** server.js and policy.js, to check the call sites the shortcuts rely on. */
    readonly serverSource: string;
    readonly policySource: string;
    readonly grpcServerPrototype: Rec | undefined;
    readonly analyzerService: unknown;
}

function loadSdk(): Sdk | string {
    let dir: string;
    try {
        dir = path.dirname(require.resolve("@pulumi/policy/package.json"));
    } catch {
        return "@pulumi/policy is not installed";
    }
    const sdkRequire = createRequire(path.join(dir, "server.js"));
    const pkg: unknown = sdkRequire("./package.json");
    const version = isRecord(pkg) && typeof pkg["version"] === "string" ? pkg["version"].replace(/^v/, "") : "";
    if (version !== PINNED_SDK_VERSION) return `@pulumi/policy is ${version || "of unknown version"}, not ${PINNED_SDK_VERSION}`;
    const server: unknown = sdkRequire("./server.js");
    const deserialize: unknown = sdkRequire("./deserialize.js");
    if (!isRecord(server) || !isRecord(deserialize)) return "@pulumi/policy's modules have another shape";
    let grpcServerPrototype: Rec | undefined;
    let analyzerService: unknown;
    try {
        const grpc: unknown = sdkRequire("@grpc/grpc-js");
        const Server = isRecord(grpc) ? grpc["Server"] : undefined;
        const proto: unknown = isFn(Server) ? Server.prototype : undefined;
        grpcServerPrototype = isRecord(proto) ? proto : undefined;
        const stubs: unknown = sdkRequire("@pulumi/pulumi/proto/analyzer_grpc_pb");
        analyzerService = isRecord(stubs) ? stubs["AnalyzerService"] : undefined;
    } catch {
        // left undefined: routing is not installed
    }
    return {
        version,
        server,
        deserialize,
        serverSource: fs.readFileSync(path.join(dir, "server.js"), "utf8"),
        policySource: fs.readFileSync(path.join(dir, "policy.js"), "utf8"),
        grpcServerPrototype,
        analyzerService,
    };
}

/** The call sites each shortcut relies on: the SDK must read these through its module objects at call time. */
const DECODE_CALL_SITES = [
    "deserialize_1.deserializeProperties(req.getProperties(), false)",
    "deserialize_1.deserializeProperties(r.getProperties(), false)",
    "deserialize_1.deserializeProperties(prov.getProperties(), false)",
];
const ROUTE_CALL_SITES = ["analyze: makeAnalyzeRpcFun(", "server.addService(analyzerrpc.AnalyzerService"];

function installDecode(sdk: Sdk): string | undefined {
    if (!replaceable(sdk.deserialize, "deserializeProperties")) return "deserializeProperties has another shape";
    if (!DECODE_CALL_SITES.every((s) => sdk.serverSource.includes(s))) return "server.js decodes properties another way";
    const original = sdk.deserialize["deserializeProperties"] as Fn;
    const decoded = new WeakMap<object, unknown>();
    sdk.deserialize["deserializeProperties"] = function (this: unknown, struct: unknown, keepSecrets: unknown): unknown {
        if (keepSecrets !== false || !isRecord(struct)) return original.call(this, struct, keepSecrets);
        if (decoded.has(struct)) return decoded.get(struct);
        const value = original.call(this, struct, keepSecrets);
        decoded.set(struct, value);
        return value;
    };
    return undefined;
}

/**
 * Whether `policy`, for a resource of engine type `type`, would neither read nor report anything: an srguard resource
 * policy whose type test says no (the SDK would call it and it would return at once, or the SDK would skip it by its
 * `__pulumiType` and list it as "not applicable").
 */
function inertFor(policy: unknown, type: string): boolean {
    if (!isRecord(policy)) return false;
    const validate = policy["validateResource"];
    if (!isFn(validate)) return false;
    const test = resourceTypeTest(validate);
    return test !== undefined && !test(type);
}

function typeOfCall(call: unknown): string | undefined {
    if (!isRecord(call) || !isRecord(call["request"])) return undefined;
    const request = call["request"];
    const getType = request["getType"];
    if (!isFn(getType)) return undefined;
    const t = getType.call(request);
    return typeof t === "string" ? t : undefined;
}

function installRoute(sdk: Sdk): string | undefined {
    const proto = sdk.grpcServerPrototype;
    if (!proto || !isFn(proto["addService"])) return "@grpc/grpc-js has another shape";
    if (!isRecord(sdk.analyzerService)) return "the Analyzer service stubs were not found";
    if (!replaceable(sdk.server, "serve") || !isFn(sdk.server["makeAnalyzeRpcFun"])) return "server.js has another shape";
    if (!ROUTE_CALL_SITES.every((s) => sdk.serverSource.includes(s)) || !sdk.policySource.includes("server_1.serve(")) {
        return "the SDK starts its server another way";
    }
    const serve = sdk.server["serve"] as Fn;
    const makeAnalyze = sdk.server["makeAnalyzeRpcFun"] as Fn;
    const analyzerService = sdk.analyzerService;

    sdk.server["serve"] = function (this: unknown, ...args: unknown[]): unknown {
        const [name, version, level, packArgs] = args;
        const policies: readonly unknown[] = isRecord(packArgs) && Array.isArray(packArgs["policies"]) ? packArgs["policies"] : [];
        const addService = proto["addService"] as Fn;
        proto["addService"] = function (this: unknown, service: unknown, implementation: unknown): unknown {
            if (service !== analyzerService || !isRecord(implementation) || !isFn(implementation["analyze"])) {
                return addService.call(this, service, implementation);
            }
            const all = implementation["analyze"];
            const byType = new Map<string, Fn>();
            const analyze = function (this: unknown, call: unknown, callback: unknown): unknown {
                const type = typeOfCall(call);
                if (type === undefined) return all.call(this, call, callback);
                let handler = byType.get(type);
                if (!handler) {
                    const kept = policies.filter((p) => !inertFor(p, type));
                    const made: unknown = kept.length === policies.length ? all : makeAnalyze(name, version, level, kept);
                    handler = isFn(made) ? made : all;
                    byType.set(type, handler);
                }
                return handler.call(this, call, callback);
            };
            return addService.call(this, service, { ...implementation, analyze });
        };
        try {
            return serve.apply(this, args);
        } finally {
            proto["addService"] = addService;
        }
    };
    return undefined;
}

let installed: FastPathsResult | undefined;

/**
 * Installs the requested shortcuts (default: from SRGUARD_SDK_FAST_PATHS) into the SDK copy `@pulumi/policy`
 * resolves to. Call it before `new PolicyPack(...)`; a second call returns the first result.
 */
export function installSdkFastPaths(wanted: ReadonlySet<FastPath> = requestedFastPaths()): FastPathsResult {
    if (installed) return installed;
    const skipped: string[] = [];
    let route = false;
    let decode = false;
    if (wanted.size) {
        const sdk = loadSdk();
        if (typeof sdk === "string") skipped.push(sdk);
        else {
            if (wanted.has("decode")) {
                const why = installDecode(sdk);
                if (why) skipped.push(`decode: ${why}`);
                else decode = true;
            }
            if (wanted.has("route")) {
                const why = installRoute(sdk);
                if (why) skipped.push(`route: ${why}`);
                else route = true;
            }
        }
    }
    installed = Object.freeze({ route, decode, skipped: Object.freeze(skipped) });
    return installed;
}
