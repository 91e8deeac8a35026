// The pack's one contract with @pulumi/policy internals, and with the @pulumi/pulumi they load. Every assumption about
// either SDK beyond its public API lives in this file, each with a contract test (tests/gate/sdk-fast-paths.test.ts,
// tests/policies/core/sdk-contract.test.ts, tests/policies/core/deferred-modules.test.ts) and a fallback that says
// once on stderr what is off and why (`noteFallback`):
//
// 1. the proxy: the key that answers a proxied object's target, and the engine's sentinels for unknown values, so a
//    check can look at whether a value is known before reading it (core/read.ts);
// 2. the SDK's UnknownValueError, raised for a need that is not a property read (a stack policy's description);
// 3. the object form of `reportViolation` (name, message, urn, enforcementLevel), which the SDK marks internal: it is
//    how one resource's unknown stays advisory in a stack policy. Without it the framework reports the known
//    violations and then lets the SDK's own "can't run during preview" (advisory) speak for the rest;
// 4. four shortcuts through the analyzer server (below);
// 5. the policy-pack config as the engine hands it over in `Configure` (every policy's entry, not only the calling
//    policy's): how every policy reads `srguard-exemptions`' settings (core/exemptions.ts). Without it nothing is
//    exempted;
// 6. which `tags` values arrived as secrets (the SDK unwraps secrets to plaintext before a policy sees them): how an
//    exemption tag with a secret value is refused without being printed. Without it no tag exemption is honoured;
// 7. refusing a bad policy-pack config in `Configure` itself, before any resource is analyzed (the SDK only stores
//    it). Without it a bad config is refused at that policy's first Analyze;
// 8. @pulumi/pulumi's `index.js` requires the automation API (`pulumi.automation`), `runtime/closure/codePaths.js`
//    npm's arborist and normalize-package-data, `runtime/closure/parseFunction.js` TypeScript (through
//    `typescript-shim.js`), each when it loads; each is kept in a module constant (straight from `require`, or through
//    TypeScript's `__importStar` / `__importDefault` helper) that nothing reads while the SDK loads, and reached only
//    when code drives the CLI or serializes a closure. The pack (policies/main.js, before @pulumi/policy loads) and
//    the gate's program runner have them loaded on first use (core/deferred-modules.ts). Without it (or with
//    SRGUARD_DEFER_SDK_MODULES=off) they load with the SDK.
//
// Four shortcuts through @pulumi/policy's analyzer server (server.js) that change no verdict and make the pack's
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
//   pack's CPU per resource, bench/results.md). srguard's stack policies are left out of these lists too (the SDK's
//   Analyze loop skips every policy that is not a resource policy). The routed handler's answers (and, with the stack
//   shortcut, the AnalyzeStack answers) are encoded by `fastEncoder` (google-protobuf's bytes written by
//   core/protobuf-wire.ts, ~5x cheaper; checked against the generated writers and a sample answer at start, else
//   google-protobuf encodes them as before).
// - decode: the SDK decodes the same Struct once per policy (Analyze: the properties and the provider's, for each
//   policy that runs; AnalyzeStack: every resource, for each stack policy). `deserializeProperties(struct, false)`
//   is memoised per Struct object (a WeakMap, dropped with the request), so policies share one decoded object. That
//   is safe because no srguard policy writes to what it is handed (tests/gate/sdk-fast-paths.test.ts checks every
//   policy). The object is not frozen: the SDK's proxy returns the nested values of a frozen object unproxied (the
//   Proxy invariant for non-writable properties), which would silently stop unknown checks below the top level. The
//   `keepSecrets = true` path (Remediate) is left alone.
// - stack: for every stack policy the SDK builds its own view of every resource of an AnalyzeStack (options,
//   provider, property dependencies, proxies) before it calls the policy: K x N. An srguard stack policy only finds
//   resources through `stack.ofType` of its `resourceTypes` (canonical tokens; core/policy.ts refuses any other type)
//   and, from those, the resources they refer to — or, when it says so, only those of its `scope` under its config
//   (types its config chooses, or the resources whose properties can give it something to say). So `AnalyzeStack` is
//   served by the SDK's own handler (`makeAnalyzeStackRpcFun`), policy by policy in order, each handed a request of
//   only the resources in its scope and those they refer to (parent, dependencies, property dependencies: every
//   reference the SDK resolves for them); a policy with nothing of the stack in its scope is left out. Every other one
//   (a team's own, `resourceTypes: "all"` without a scope) is handed the whole request. What an MSP policy derives
//   from the whole stack (the organisation's accounts, core/msp.ts) it reads through `wholeStackResources`. The answers are joined in policy order: the plain
//   SDK's, byte for byte (tests/gate/sdk-fast-paths.test.ts, on a generated stack, its one-cloud parts and a stack of
//   every policy's examples).
// - lazy (with decode and stack): grpc-js decodes an AnalyzeStack request into google-protobuf messages, every
//   resource of the stack, before the handler runs, though the stack shortcut hands the SDK only the resources a
//   stack policy looks at. The request is instead read off its bytes, and a resource decoded when it is first handed
//   to the SDK; the properties of the others are read to JS off their bytes (see "The AnalyzeStack request, decoded
//   as it is needed"). An Analyze request is read the same way. The same answers, byte for byte
//   (tests/gate/stack-request-undecoded.test.ts, also on requests in forms the reader leaves to google-protobuf).

// Failure modes that differ from the plain SDK, on inputs the engine never sends: a Struct the SDK cannot decode (an
// unrecognised signature) fails `Analyze` naming the first policy that still runs rather than the first of all (and
// does not fail it when no policy looks at the resource's type); an AnalyzeStack request whose resources' nested
// messages are not well-formed protobuf fails in the handler, when such a resource is decoded, rather than in grpc-js.

import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { ConfigError, type ConfigSpec, UnknownPolicyError, checkConfigured } from "./config";
import { type DeferredModules, type Held, deferModules } from "./deferred-modules";
import { type Sink, encodeMessage, readFields, readStruct, readUtf8 } from "./protobuf-wire";
import { canonicalType } from "./tokens";
import { resourceTypeTest } from "./type-tests";

// ---------------------------------------------------------------------------------------------------------------
// Fallbacks are never silent

const noted = new Set<string>();

/** Says once on stderr that `what` is off and why (a second note for the same `what` is dropped). */
export function noteFallback(what: string, why: string): void {
    if (noted.has(what)) return;
    noted.add(what);
    process.stderr.write(`srguard: ${what} is off: ${why}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The SDK's proxy and the engine's unknowns

/** The key the SDK's proxy answers with its target (`getSpecialProxyTarget` in @pulumi/policy/proxy.js). */
export const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

/** The engine's wire-protocol spellings of unknown values (the same strings in every Pulumi SDK). */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

// ---------------------------------------------------------------------------------------------------------------
// 2. The SDK's UnknownValueError

type UnknownValueErrorClass = new (sentinel: string, props: readonly string[]) => Error;

/**
 * Throws the SDK's own UnknownValueError for `what` (the SDK then reports "can't run during preview", advisory).
 * The class is exported by `@pulumi/policy` (untyped); its constructor takes the sentinel and the property path.
 */
export function throwUnknown(what: string): never {
    const ctor = (require("@pulumi/policy") as { UnknownValueError?: unknown }).UnknownValueError;
    if (typeof ctor === "function") throw new (ctor as UnknownValueErrorClass)(UNKNOWN_STRING, [what]);
    // Without the class the SDK would report any other error as a failed Analyze: say so, and fail loudly.
    noteFallback("advisory for an unknown value", "@pulumi/policy no longer exports UnknownValueError");
    throw new Error(`srguard: ${what} can't be known during preview, and @pulumi/policy no longer exports UnknownValueError`);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The object form of reportViolation

/** `off` makes the pack behave as if the SDK had no object form of reportViolation (for the contract test). */
export const OBJECT_REPORT_ENV = "SRGUARD_SDK_OBJECT_REPORT";

/** What makeReportViolationFun in server.js must do with an object: use its message, urn and enforcementLevel. */
const OBJECT_REPORT_SITES = [
    'if (typeof message === "object")',
    "message: policyInfo.message || policyInfo.description || description",
    "urn: policyInfo.urn",
    "enforcementLevel: policyInfo.enforcementLevel || enforcementLevel",
];

let objectReport: boolean | undefined;

/**
 * Whether the SDK's reportViolation takes the object form with its own enforcement level. Checked once against the
 * SDK's server.js; when it does not, the pack says so once on stderr and core/policy.ts falls back.
 */
export function sdkHasObjectReport(): boolean {
    if (objectReport !== undefined) return objectReport;
    let why: string | undefined;
    if ((process.env[OBJECT_REPORT_ENV] ?? "").trim().toLowerCase() === "off") why = `${OBJECT_REPORT_ENV}=off`;
    else {
        try {
            const dir = path.dirname(require.resolve("@pulumi/policy/package.json"));
            const source = fs.readFileSync(path.join(dir, "server.js"), "utf8");
            if (!OBJECT_REPORT_SITES.every((s) => source.includes(s))) why = "@pulumi/policy's reportViolation no longer takes an object with its own level";
        } catch {
            why = "@pulumi/policy's server.js could not be read";
        }
    }
    objectReport = why === undefined;
    if (why) noteFallback("per-resource advisories in stack policies", `${why}; an unknown value makes the whole stack policy advisory instead`);
    return objectReport;
}

/** @internal For the contract tests: forget the cached answer (the environment may have changed). */
export function resetSdkContractForTesting(): void {
    objectReport = undefined;
    noted.clear();
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Shortcuts through the analyzer server

/** The @pulumi/policy version whose internals these shortcuts were written against (package.json says "v1.21.0"). */
export const PINNED_SDK_VERSION = "1.21.0";

/** `off` (or `none`) runs the plain SDK; `route`, `decode`, `stack`, `lazy` or a list (`route,decode`) picks; unset, `on` or `all` = all four. */
export const FAST_PATHS_ENV = "SRGUARD_SDK_FAST_PATHS";

export type FastPath = "route" | "decode" | "stack" | "lazy";

const ALL_FAST_PATHS: readonly FastPath[] = ["route", "decode", "stack", "lazy"];

export interface FastPathsResult {
    readonly route: boolean;
    readonly decode: boolean;
    readonly stack: boolean;
    /** Analyze and AnalyzeStack requests decoded as they are needed (with decode and stack only). */
    readonly lazy: boolean;
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
    if (v === "" || v === "on" || v === "all") return new Set<FastPath>(ALL_FAST_PATHS);
    if (v === "off" || v === "none") return new Set<FastPath>();
    return new Set(v.split(",").map((s) => s.trim()).filter((s): s is FastPath => (ALL_FAST_PATHS as readonly string[]).includes(s)));
}

/** The SDK the pack's `new PolicyPack` uses: the copy `@pulumi/policy` resolves to from here. */
interface Sdk {
    readonly version: string;
    readonly server: Rec;
    readonly deserialize: Rec;
    /** server.js and policy.js, to check the call sites the shortcuts rely on. */
    readonly serverSource: string;
    readonly policySource: string;
    /** deserialize.js, to check how `deserializeProperties` reads a Struct. */
    readonly deserializeSource: string;
    readonly grpcServerPrototype: Rec | undefined;
    readonly analyzerService: unknown;
    /** The Analyzer messages (`@pulumi/pulumi/proto/analyzer_pb`) as the SDK resolves them, or undefined. */
    readonly analyzerPb: Rec | undefined;
    /** google-protobuf's `struct_pb`, as those messages resolve it, or undefined. */
    readonly structPb: Rec | undefined;
}

/** @grpc/grpc-js's Server prototype and the Analyzer service stubs, as @pulumi/policy itself resolves them; or why not. */
function sdkGrpc(): { readonly proto: Rec; readonly service: Rec; readonly sdkRequire: NodeJS.Require } | string {
    try {
        const sdkRequire = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
        const grpc: unknown = sdkRequire("@grpc/grpc-js");
        const Server = isRecord(grpc) ? grpc["Server"] : undefined;
        const proto: unknown = isFn(Server) ? Server.prototype : undefined;
        const stubs: unknown = sdkRequire("@pulumi/pulumi/proto/analyzer_grpc_pb");
        const service: unknown = isRecord(stubs) ? stubs["AnalyzerService"] : undefined;
        if (!isRecord(proto) || !replaceable(proto, "addService")) return "@grpc/grpc-js has another shape";
        if (!isRecord(service)) return "the Analyzer service stubs were not found";
        return { proto, service, sdkRequire };
    } catch (e) {
        return `the SDK's gRPC modules cannot be loaded (${(e as Error).message.split("\n")[0] ?? ""})`;
    }
}

/**
 * Wraps the SDK's `Configure` handler where the SDK registers the Analyzer service (`server.addService(analyzerrpc.
 * AnalyzerService, {...})` in server.js): `wrap` is handed the SDK's handler and returns the one to register.
 * `missing` is called when the SDK registers the service without a configure handler. Undefined, or why not.
 */
function wrapConfigure(wrap: (configure: Fn) => Fn, missing: () => void): string | undefined {
    const grpc = sdkGrpc();
    if (typeof grpc === "string") return grpc;
    const { proto, service } = grpc;
    if (!isRecord(service["configure"])) return "the Analyzer service stubs have no configure method";
    const addService = proto["addService"] as Fn;
    proto["addService"] = function (this: unknown, svc: unknown, implementation: unknown): unknown {
        if (svc !== service || !isRecord(implementation) || !isFn(implementation["configure"])) {
            if (svc === service) missing();
            return addService.call(this, svc, implementation);
        }
        return addService.call(this, svc, { ...implementation, configure: wrap(implementation["configure"]) });
    };
    return undefined;
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
    // Left undefined when not as expected: routing is then not installed.
    const grpc = sdkGrpc();
    const grpcServerPrototype = typeof grpc === "string" ? undefined : grpc.proto;
    const analyzerService: unknown = typeof grpc === "string" ? undefined : grpc.service;
    let analyzerPb: unknown;
    let structPb: unknown;
    try {
        analyzerPb = sdkRequire("@pulumi/pulumi/proto/analyzer_pb");
        structPb = createRequire(sdkRequire.resolve("@pulumi/pulumi/proto/analyzer_pb"))("google-protobuf/google/protobuf/struct_pb.js");
    } catch {
        // judged where they are used: the Analyze answers are then encoded by google-protobuf, AnalyzeStack requests
        // decoded by the generated deserializer
    }
    return {
        version,
        server,
        deserialize,
        serverSource: fs.readFileSync(path.join(dir, "server.js"), "utf8"),
        policySource: fs.readFileSync(path.join(dir, "policy.js"), "utf8"),
        deserializeSource: fs.readFileSync(path.join(dir, "deserialize.js"), "utf8"),
        grpcServerPrototype,
        analyzerService,
        analyzerPb: isRecord(analyzerPb) ? analyzerPb : undefined,
        structPb: isRecord(structPb) ? structPb : undefined,
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
    // The secret-tag tap (section 6) goes under the memo, so that it looks at each Struct once, when it is decoded,
    // rather than on every call the memo answers (it is installed once: `packArgs` later finds it in place).
    installSecretTagTap();
    const original = sdk.deserialize["deserializeProperties"] as Fn;
    const decoded = new WeakMap<object, unknown>();
    sdk.deserialize["deserializeProperties"] = function (this: unknown, struct: unknown, keepSecrets: unknown): unknown {
        // a light Struct is decoded once, by whoever made it, so it is not remembered
        if (keepSecrets !== false || !isRecord(struct) || struct instanceof LightStruct) return original.call(this, struct, keepSecrets);
        const known = decoded.get(struct);
        if (known !== undefined) return known;
        const later = (struct as { [DEFERRED]?: () => unknown })[DEFERRED];
        const value = later ? later() : original.call(this, struct, keepSecrets);
        decoded.set(struct, value);
        return value;
    };
    deferDecode = (struct, decode) => void Object.defineProperty(struct, DEFERRED, { value: decode });
    return undefined;
}

/** Where a placeholder Struct carries the decoding the memo answers it with (`deferDecode`). */
const DEFERRED = Symbol("srguard: the properties this placeholder stands for");

/**
 * With the decode shortcut: makes the memo answer `struct` (a placeholder the SDK is handed in place of a resource's
 * properties) with what `decode` returns, the first time the SDK decodes it (`keepSecrets` false).
 */
let deferDecode: ((struct: object, decode: () => unknown) => void) | undefined;

/**
 * Whether `policy`, for a resource of engine type `type`, would neither read nor report anything: an srguard resource
 * policy whose type test says no (the SDK would call it and it would return at once, or the SDK would skip it by its
 * `__pulumiType` and list it as "not applicable").
 */
function inertFor(policy: unknown, type: string): boolean {
    if (!isRecord(policy)) return false;
    // A stack policy of srguard's (frozen, no resource routine): the SDK's Analyze loop skips it (`isResourcePolicy`).
    if (Object.isFrozen(policy) && isFn(policy["validateStack"]) && !("validateResource" in policy) && !("remediateResource" in policy)) return true;
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

/** What an srguard stack policy is handed of a stack: the resources of `types`, or those whose properties pass `where`. */
type Scope =
    | { readonly key: string; readonly types: ReadonlySet<string> }
    | { readonly key: string; readonly where: (props: unknown) => boolean };

/**
 * The scope of an srguard stack policy under the config the SDK hands it (what its `getConfig()` returns: the latest
 * Configure's entry for it, `{}` without one): its `stackScope(config)` when it has one (core/policy.ts), else its
 * `resourceTypes` (canonical tokens: `stack.ofType` only finds resources of these). Undefined — the whole stack — for
 * `all` without a scope, for a scope it does not give under that config, when the config cannot be known (the
 * Configure tap is off) and for a policy that is not srguard's.
 */
function scopeOf(policy: unknown, index: number): Scope | undefined {
    if (!isRecord(policy) || !isFn(policy["validateStack"]) || !Object.isFrozen(policy)) return undefined;
    const name = policy["name"];
    const meta = policy["meta"];
    if (typeof name !== "string" || !isRecord(meta) || !Object.isFrozen(meta)) return undefined;
    let types: unknown = meta["resourceTypes"];
    const stackScope = meta["stackScope"];
    if (isFn(stackScope)) {
        const conf = configuredPolicies();
        if (typeof conf === "string") return undefined;
        const scope: unknown = stackScope(conf?.policies.get(name)?.properties ?? {});
        if (!isRecord(scope)) return undefined;
        const where = scope["where"];
        // a resource it cannot judge is kept (handed to the policy, which then judges it as without the fast path)
        if (isFn(where)) {
            return {
                key: `where #${index}`,
                where: (props) => {
                    try {
                        return where(props) === true;
                    } catch {
                        return true;
                    }
                },
            };
        }
        types = scope["types"];
    }
    if (!Array.isArray(types) || !types.every((t) => typeof t === "string")) return undefined;
    return { key: [...(types as string[])].sort().join("\n"), types: new Set(types as string[]) };
}

/**
 * One AnalyzeStack request as the stack shortcut reads it: its resources (the SDK's own messages, decoded on first use
 * when the request was read off its bytes), their canonical types, and the URNs each one refers to (parent,
 * dependencies, property dependencies: what the SDK resolves into resource references within the list it is handed),
 * read on demand.
 */
interface StackRequest {
    readonly length: number;
    /** The SDK's message of resource `i`: the one the SDK is handed. */
    resource(i: number): unknown;
    readonly types: readonly string[];
    /** The indices of each canonical type, in order. */
    readonly indicesOfType: ReadonlyMap<string, readonly number[]>;
    /** Every index of each URN (the SDK resolves a reference to the last resource of that URN in its list). */
    readonly indexOfUrn: ReadonlyMap<string, readonly number[]>;
    /** The URNs resource `i` refers to (read once per request), or undefined when they cannot be read. */
    refs(i: number): readonly string[] | undefined;
    /** Every resource decoded as the SDK decodes it, with `decode` (the SDK's `deserializeProperties`). */
    whole(decode: Fn): readonly WholeStackResource[];
}

function callString(o: unknown, method: string): string | undefined {
    const f = isRecord(o) ? o[method] : undefined;
    const v: unknown = isFn(f) ? f.call(o) : undefined;
    return typeof v === "string" ? v : undefined;
}

/** The URNs a resource message refers to (parent, dependencies, property dependencies), or undefined. */
function refsOfMessage(r: unknown): readonly string[] | undefined {
    if (!isRecord(r) || !isFn(r["getParent"]) || !isFn(r["getDependenciesList"]) || !isFn(r["getPropertydependenciesMap"])) return undefined;
    const out: string[] = [];
    const parent: unknown = r["getParent"].call(r);
    if (typeof parent === "string" && parent) out.push(parent);
    const deps: unknown = r["getDependenciesList"].call(r);
    if (!Array.isArray(deps)) return undefined;
    for (const d of deps) if (typeof d === "string") out.push(d);
    const map: unknown = r["getPropertydependenciesMap"].call(r);
    if (map === undefined || map === null) return out;
    if (!isRecord(map) || !isFn(map["forEach"])) return undefined;
    let ok = true;
    map["forEach"].call(map, (v: unknown) => {
        const urns: unknown = isRecord(v) && isFn(v["getUrnsList"]) ? v["getUrnsList"].call(v) : undefined;
        if (Array.isArray(urns)) for (const u of urns) out.push(String(u));
        else ok = false;
    });
    return ok ? out : undefined;
}

/** A resource message decoded as the SDK decodes it for a policy: its type, properties and provider's. */
function wholeOfMessage(r: unknown, decode: Fn): WholeStackResource {
    const rec = r as Rec;
    const prov: unknown = isFn(rec["getProvider"]) ? rec["getProvider"].call(rec) : undefined;
    return wholeResource(callString(rec, "getType") ?? "", decode((rec["getProperties"] as Fn).call(rec), false), prov, decode);
}

/** A resource of the whole stack: its type, decoded properties and, with a provider message, the provider's. */
function wholeResource(type: string, props: unknown, prov: unknown, decode: Fn): WholeStackResource {
    return isRecord(prov) ? { type, props, provider: { urn: callString(prov, "getUrn") ?? "", props: decode((prov["getProperties"] as Fn).call(prov), false) } } : { type, props };
}

/** The AnalyzeStack request of `call`, or undefined when it has another shape. */
function stackRequestOf(call: unknown): StackRequest | undefined {
    if (!isRecord(call) || !isRecord(call["request"])) return undefined;
    const request = call["request"];
    const read = undecodedOf.get(request)?.index();
    if (read) return read;
    const getList = request["getResourcesList"];
    if (!isFn(getList)) return undefined;
    const list: unknown = getList.call(request);
    if (!Array.isArray(list)) return undefined;
    const types: string[] = [];
    const urns: string[] = [];
    for (const r of list) {
        const t = callString(r, "getType");
        const urn = callString(r, "getUrn");
        if (t === undefined || urn === undefined) return undefined;
        types.push(t);
        urns.push(urn);
    }
    return indexed(types, urns, {
        resource: (i) => list[i] as unknown,
        refs: (i) => refsOfMessage(list[i]),
        whole: (decode) => list.map((r) => wholeOfMessage(r, decode)),
    });
}

/** A StackRequest over resources of these engine types and URNs, read through `read`. */
function indexed(engineTypes: readonly string[], urns: readonly string[], read: Pick<StackRequest, "resource" | "refs" | "whole">): StackRequest {
    const types: string[] = [];
    const indicesOfType = new Map<string, number[]>();
    const indexOfUrn = new Map<string, number[]>();
    engineTypes.forEach((t, i) => {
        const c = canonicalType(t);
        types.push(c);
        const ofType = indicesOfType.get(c);
        if (ofType) ofType.push(i);
        else indicesOfType.set(c, [i]);
        const urn = urns[i] as string;
        const at = indexOfUrn.get(urn);
        if (at) at.push(i);
        else indexOfUrn.set(urn, [i]);
    });
    const refsRead: (readonly string[] | undefined | null)[] = new Array<null>(engineTypes.length).fill(null);
    let whole: readonly WholeStackResource[] | undefined;
    return {
        length: engineTypes.length,
        resource: read.resource,
        types,
        indicesOfType,
        indexOfUrn,
        refs: (i) => {
            let r = refsRead[i];
            if (r === null) r = refsRead[i] = read.refs(i);
            return r;
        },
        whole: (decode) => (whole ??= read.whole(decode)),
    };
}

// The AnalyzeStack request, decoded as it is needed
//
// grpc-js hands the SDK each request decoded by the service's generated deserializer: for AnalyzeStack, every resource
// of the stack as google-protobuf messages (each property a `Value` message), all of them before the handler runs —
// for 50,000 resources ~630 MB of heap and ~3.8 s of CPU in process, where the same resources' properties decoded to
// JS take ~40 MB. Under the stack shortcut the SDK is handed only the resources a stack policy looks at (most of a
// stack is plumbing no stack policy reads), and srguard reads the others only for their properties
// (`wholeStackResources`). So, with the stack and decode shortcuts, AnalyzeStack is registered with a deserializer that
// keeps the request's bytes and finds each resource's message in them (`undecodedDeserializers`). `UndecodedStack`
// reads each resource's type and URN, and on demand the URNs it refers to, off the wire, and decodes a resource:
// - its properties once, for whoever asks first: read to JS off their bytes as google-protobuf's `toJavaScript()` gives
//   them (core/protobuf-wire.ts `readStruct`) and handed to the SDK's `deserializeProperties` as a light Struct
//   (`LightStruct`: all that function reads of a Struct is `toJavaScript()`, checked in deserialize.js); a Struct not
//   in the plain form google-protobuf writes is decoded by google-protobuf;
// - its message when it is first handed to the SDK, by the generated deserializer over its bytes without the
//   properties (field 2) and the provider (field 6), which are then set: the provider decoded once by its generated
//   deserializer (shared with `wholeStackResources`), the properties as an empty `Struct` for which the decode memo
//   answers the properties above (`deferDecode`); the stack handler reads a resource's properties only through that
//   memo (checked in server.js);
// - a resource whose properties or provider are given twice is decoded whole by the generated deserializer; a request
//   whose resources' types or URNs are not valid UTF-8 (google-protobuf decodes those its own way) is read through
//   its decoded messages; one with any field but its resources, or bytes this reader does not take, is decoded by the
//   generated deserializer, as without the shortcut.
// The request object is the generated message with only `getResourcesList` answering its resources (what the SDK's
// handler and the stack shortcut read of it): its first call decodes them all, as above. At install a sample request
// must read through all of this as google-protobuf decodes it (`sampleReadsAsDecoded`).

/**
 * A resource's properties as google-protobuf's `Struct.toJavaScript()` gives them, read off the bytes
 * (core/protobuf-wire.ts `readStruct`), handed to the SDK's `deserializeProperties` in place of the Struct: all it
 * reads of one is `toJavaScript()`. The secret-tag tap reads its `tags` here.
 */
class LightStruct {
    constructor(readonly js: Rec) {}
    toJavaScript(): Rec {
        return this.js;
    }
}

/** The undecoded resources of each AnalyzeStack request `undecodedDeserializers` made. */
const undecodedOf = new WeakMap<object, UndecodedStack>();

// Field numbers (pulumi/proto/analyzer.proto): AnalyzeStackRequest.resources; AnalyzerResource's fields; a map entry's
// value; AnalyzerPropertyDependencies.urns.
const STACK_RESOURCES = 1;
const RESOURCE_TYPE = 1;
const RESOURCE_PROPERTIES = 2;
const RESOURCE_URN = 3;
const RESOURCE_PROVIDER = 6;
const RESOURCE_PARENT = 7;
const RESOURCE_DEPENDENCIES = 8;
const RESOURCE_PROPERTY_DEPENDENCIES = 9;
const ENTRY_VALUE = 2;
const DEPENDENCIES_URNS = 1;
const LENGTH_DELIMITED = 2;

/** The generated messages the undecoded request is decoded with. */
interface StackMessages {
    readonly Request: new () => Rec;
    readonly Resource: { deserializeBinary(bytes: Uint8Array): Rec };
    readonly Provider: { deserializeBinary(bytes: Uint8Array): Rec };
    readonly Struct: (new () => Rec) & { deserializeBinary(bytes: Uint8Array): Rec };
}

/** Where a resource message's fields are, read off its bytes. */
interface ResourceLayout {
    type?: string;
    urn?: string;
    /** A type or URN that is not valid UTF-8. */
    unreadable: boolean;
    /** The properties' or the provider's bytes given twice: decoded whole. */
    twice: boolean;
    properties?: [number, number];
    provider?: [number, number];
    /** The fields but the properties and the provider: [tag start, end] pairs. */
    rest: number[];
}

/**
 * Where the fields of the AnalyzerResource message in `bytes[start, end)` are: its type and URN when they are valid
 * UTF-8, its properties' and provider's payloads; undefined when the bytes are not a message `readFields` takes.
 */
function layoutOf(bytes: Uint8Array, start: number, end: number): ResourceLayout | undefined {
    const out: ResourceLayout = { unreadable: false, twice: false, rest: [] };
    const read = readFields(bytes, start, end, (field, wire, s, e, tagStart) => {
        if (field === RESOURCE_PROPERTIES && wire === LENGTH_DELIMITED) {
            if (out.properties) out.twice = true;
            out.properties = [s, e];
            return;
        }
        if (field === RESOURCE_PROVIDER && wire === LENGTH_DELIMITED) {
            if (out.provider) out.twice = true;
            out.provider = [s, e];
            return;
        }
        out.rest.push(tagStart, e);
        if ((field === RESOURCE_TYPE || field === RESOURCE_URN) && wire === LENGTH_DELIMITED) {
            // google-protobuf keeps the last of a string field given twice
            const text = readUtf8(bytes, s, e);
            if (text === undefined) out.unreadable = true;
            else if (field === RESOURCE_TYPE) out.type = text;
            else out.urn = text;
        }
    });
    return read ? out : undefined;
}

/** The message's bytes without its properties and provider (what the generated deserializer is handed). */
function restOf(bytes: Uint8Array, l: ResourceLayout): Uint8Array {
    let size = 0;
    for (let k = 0; k < l.rest.length; k += 2) size += (l.rest[k + 1] as number) - (l.rest[k] as number);
    const rest = new Uint8Array(size);
    let pos = 0;
    for (let k = 0; k < l.rest.length; k += 2) {
        rest.set(bytes.subarray(l.rest[k] as number, l.rest[k + 1] as number), pos);
        pos += (l.rest[k + 1] as number) - (l.rest[k] as number);
    }
    return rest;
}

// AnalyzeRequest's fields (pulumi/proto/analyzer.proto): those of AnalyzerResource's first six.
const REQUEST_NAME = 4;
const REQUEST_OPTIONS = 5;

/** Where an Analyze request's fields are: its strings read, its messages' payloads. */
interface AnalyzeLayout {
    type?: string;
    urn?: string;
    name?: string;
    options?: [number, number];
    properties?: [number, number];
    provider?: [number, number];
}

/**
 * An Analyze request read off its bytes, or undefined for anything but the form google-protobuf writes (each of its
 * six fields at most once, length-delimited, its strings valid UTF-8, no other field): the generated deserializer
 * decodes those.
 */
function analyzeLayoutOf(bytes: Uint8Array): AnalyzeLayout | undefined {
    const out: AnalyzeLayout = {};
    let seen = 0; // a bit per field number
    let plain = true;
    const read = readFields(bytes, 0, bytes.length, (field, wire, s, e) => {
        if (wire !== LENGTH_DELIMITED || field > RESOURCE_PROVIDER || seen & (1 << field)) return void (plain = false);
        seen |= 1 << field;
        if (field === RESOURCE_TYPE || field === RESOURCE_URN || field === REQUEST_NAME) {
            const text = readUtf8(bytes, s, e);
            if (text === undefined) plain = false;
            else if (field === RESOURCE_TYPE) out.type = text;
            else if (field === RESOURCE_URN) out.urn = text;
            else out.name = text;
        } else if (field === RESOURCE_PROPERTIES) out.properties = [s, e];
        else if (field === REQUEST_OPTIONS) out.options = [s, e];
        else if (field === RESOURCE_PROVIDER) out.provider = [s, e];
        else plain = false;
    });
    return read && plain ? out : undefined;
}

/** The properties' payload in `bytes`, as the SDK's `deserializeProperties` is handed it: a light Struct, or google-protobuf's. */
function structAt(bytes: Uint8Array, at: readonly [number, number], Struct: StackMessages["Struct"]): unknown {
    const js = readStruct(bytes, ...at);
    return js ? new LightStruct(js) : Struct.deserializeBinary(bytes.subarray(...at));
}

const NOT_YET: unique symbol = Symbol("not decoded yet");

class UndecodedStack {
    private readonly messages: (Rec | undefined)[];
    private readonly props: unknown[];
    private readonly providers: (Rec | null | undefined)[];
    private readonly providerOfBytes = new Map<string, Rec>();

    constructor(
        private readonly bytes: Buffer,
        /** start, end of each resource's message */
        private readonly at: readonly number[],
        /** where each resource's fields are (`layoutOf`) */
        private readonly layouts: readonly ResourceLayout[],
        private readonly pb: StackMessages,
        private readonly defer: (struct: object, decode: () => unknown) => void,
        /** The SDK's `deserializeProperties`, as the SDK reads it at call time. */
        private readonly decode: () => Fn,
    ) {
        const n = at.length / 2;
        this.messages = new Array<undefined>(n);
        this.props = new Array<symbol>(n).fill(NOT_YET);
        this.providers = new Array<undefined>(n);
    }

    get length(): number {
        return this.at.length / 2;
    }

    private layout(i: number): ResourceLayout {
        return this.layouts[i] as ResourceLayout;
    }

    /** The StackRequest read off the bytes, or undefined when a type or URN is not valid UTF-8. */
    index(): StackRequest | undefined {
        const types: string[] = [];
        const urns: string[] = [];
        for (let i = 0; i < this.length; i++) {
            const l = this.layout(i);
            if (l.unreadable) return undefined;
            types.push(l.type ?? "");
            urns.push(l.urn ?? "");
        }
        return indexed(types, urns, {
            resource: (i) => this.resource(i),
            refs: (i) => this.refs(i),
            whole: (decode) => types.map((type, i) => this.wholeAt(i, type, decode)),
        });
    }

    /** The URNs resource `i` refers to, read off its bytes (a property dependency's key given twice: both). */
    private refs(i: number): readonly string[] | undefined {
        const b = this.bytes;
        let parent = "";
        const deps: string[] = [];
        const fromProperties: string[] = [];
        let ok = true;
        const urn = (start: number, end: number, into: string[]) => {
            const s = readUtf8(b, start, end);
            if (s === undefined) ok = false;
            else into.push(s);
        };
        const read = readFields(b, this.at[2 * i] as number, this.at[2 * i + 1] as number, (field, wire, start, end) => {
            if (wire !== LENGTH_DELIMITED) return;
            if (field === RESOURCE_PARENT) {
                const s = readUtf8(b, start, end);
                if (s === undefined) ok = false;
                else parent = s;
            } else if (field === RESOURCE_DEPENDENCIES) urn(start, end, deps);
            else if (field === RESOURCE_PROPERTY_DEPENDENCIES) {
                ok &&= readFields(b, start, end, (f, w, s, e) => {
                    if (f !== ENTRY_VALUE || w !== LENGTH_DELIMITED) return;
                    ok &&= readFields(b, s, e, (f2, w2, s2, e2) => f2 === DEPENDENCIES_URNS && w2 === LENGTH_DELIMITED && urn(s2, e2, fromProperties));
                });
            }
        });
        if (!read || !ok) return undefined;
        return [...(parent ? [parent] : []), ...deps, ...fromProperties];
    }

    /** The SDK's message of resource `i`, decoded on first use. */
    resource(i: number): Rec {
        const known = this.messages[i];
        if (known) return known;
        const whole = this.bytes.subarray(this.at[2 * i] as number, this.at[2 * i + 1] as number);
        const l = this.layout(i);
        let r: Rec;
        if (l.twice) r = this.pb.Resource.deserializeBinary(whole);
        else {
            r = this.pb.Resource.deserializeBinary(restOf(this.bytes, l));
            if (l.properties) {
                const placeholder = new this.pb.Struct();
                this.defer(placeholder, () => this.propsAt(i, undefined));
                (r["setProperties"] as Fn).call(r, placeholder);
            }
            const provider = this.providerAt(i, l);
            if (provider) (r["setProvider"] as Fn).call(r, provider);
        }
        this.messages[i] = r;
        return r;
    }

    /** Resource `i`'s properties decoded by `decode` (undefined: the SDK's, as the memo reads them), once. */
    private propsAt(i: number, decode: Fn | undefined): unknown {
        const known = this.props[i];
        if (known !== NOT_YET) return known;
        const l = this.layout(i);
        const f = decode ?? this.decode();
        let struct: unknown;
        if (l.twice) struct = (this.resource(i)["getProperties"] as Fn).call(this.resource(i));
        else if (l.properties) struct = structAt(this.bytes, l.properties, this.pb.Struct);
        const value = f(struct, false);
        this.props[i] = value;
        return value;
    }

    /**
     * Resource `i`'s provider message (undefined: none), once; one message for the resources whose provider is given
     * in the same bytes (most of a stack's resources have one provider), so its properties are decoded once.
     */
    private providerAt(i: number, l: ResourceLayout = this.layout(i)): Rec | undefined {
        const known = this.providers[i];
        if (known !== undefined) return known ?? undefined;
        let p: unknown;
        if (l.twice) p = (this.resource(i)["getProvider"] as Fn).call(this.resource(i));
        else if (l.provider) {
            const key = this.bytes.toString("latin1", ...l.provider);
            p = this.providerOfBytes.get(key);
            if (!p) this.providerOfBytes.set(key, (p = this.pb.Provider.deserializeBinary(this.bytes.subarray(...l.provider))));
        }
        const provider = isRecord(p) ? p : undefined;
        this.providers[i] = provider ?? null;
        return provider;
    }

    private wholeAt(i: number, type: string, decode: Fn): WholeStackResource {
        return wholeResource(type, this.propsAt(i, decode), this.providerAt(i), decode);
    }

    /** Every resource's message (what `getResourcesList` answers). */
    all(): Rec[] {
        return Array.from({ length: this.length }, (_, i) => this.resource(i));
    }
}

/**
 * The resources (indices, in the request's order) a stack policy of this scope is handed: those in its scope and
 * every resource they refer to, so each of them keeps every parent and dependency the plain SDK would resolve for
 * it. Undefined: the whole stack (a reference, or the whole stack's properties, could not be read).
 */
function subsetFor(req: StackRequest, scope: Scope): number[] | undefined {
    const own: number[] = [];
    if ("types" in scope) {
        for (const t of scope.types) for (const i of req.indicesOfType.get(t) ?? []) own.push(i);
    } else {
        const whole = wholeStackResources();
        if (!whole || whole.length !== req.length) return undefined;
        whole.forEach((r, i) => scope.where(r.props) && own.push(i));
    }
    const kept = new Uint8Array(req.length);
    const out: number[] = [];
    const keep = (j: number) => {
        if (!kept[j]) (kept[j] = 1), out.push(j);
    };
    for (const i of own) {
        keep(i);
        const refs = req.refs(i);
        if (refs === undefined) return undefined;
        for (const u of refs) for (const j of req.indexOfUrn.get(u) ?? []) keep(j);
    }
    return out.sort((a, b) => a - b);
}

/** A resource of the whole stack of the AnalyzeStack being served, decoded as the SDK decodes it (not proxied). */
export interface WholeStackResource {
    readonly type: string;
    readonly props: unknown;
    readonly provider?: { readonly urn: string; readonly props: unknown };
}

/** The AnalyzeStack the stack shortcut is serving (they are served one at a time), for `wholeStackResources`. */
let serving: { readonly req: StackRequest; readonly decode: () => Fn } | undefined;

/**
 * While the stack shortcut serves an AnalyzeStack: every resource of the stack, however few of them the calling
 * policy was handed (what core/msp.ts derives the organisation's accounts from); otherwise undefined (the policy's
 * own `stack.resources` is the whole stack). Built once per AnalyzeStack, on first use.
 */
export function wholeStackResources(): readonly WholeStackResource[] | undefined {
    return serving?.req.whole(serving.decode());
}

/**
 * Every read of a `getProperties()` in server.js: the three of DECODE_CALL_SITES (the memo answers them), Configure's
 * config and Remediate's resource (an Analyze request, never a stack's resource).
 */
const PROPERTIES_READS = [...DECODE_CALL_SITES, "v.getProperties().toJavaScript()", "deserialize_1.deserializeProperties(req.getProperties(), true)"];

/** The deserializers Analyze and AnalyzeStack are registered with under the lazy shortcut. */
interface UndecodedDeserializers {
    readonly analyze: Fn;
    readonly analyzeStack: Fn;
}

/** Distinct providers an Analyze deserializer keeps decoded, shared by the requests that give the same bytes. */
const PROVIDERS_KEPT = 64;

/**
 * The deserializers Analyze and AnalyzeStack are registered with under the lazy shortcut (see "The AnalyzeStack
 * request, decoded as it is needed"; an Analyze request is one resource, read the same way: built from its fields —
 * its strings read off the bytes, its options decoded by the generated deserializer —, its properties read to JS
 * when a policy first asks, its provider shared with the requests that give it in the same bytes; one in another form
 * is decoded whole by the generated deserializer), or why not: the generated deserializers are the expected ones,
 * `deserializeProperties` reads a Struct only through `toJavaScript()`, server.js reads resources' properties only
 * where the decode memo answers, and sample requests with every field of a resource read as google-protobuf decodes
 * them.
 */
function undecodedDeserializers(sdk: Sdk, methods: { readonly analyze: Rec; readonly analyzeStack: Rec }): UndecodedDeserializers | string {
    const defer = deferDecode;
    if (!defer) return "the decode shortcut is off";
    const generatedStack = methods.analyzeStack["requestDeserialize"];
    const generatedAnalyze = methods.analyze["requestDeserialize"];
    if (!isFn(generatedStack) || !String(generatedStack).includes("AnalyzeStackRequest.deserializeBinary(")) return "the AnalyzeStack request is decoded another way";
    if (!isFn(generatedAnalyze) || !String(generatedAnalyze).includes("AnalyzeRequest.deserializeBinary(")) return "the Analyze request is decoded another way";
    // deserializeProperties reads a Struct only through toJavaScript() (what a light Struct answers)
    const struct = /function deserializeProperties\((\w+), \w+\) \{([^]*?)\n\}/.exec(sdk.deserializeSource);
    if (!struct?.[1] || struct[2]?.split(struct[1]).length !== 2 || !struct[2].includes(`= ${struct[1]}.toJavaScript();`)) return "deserializeProperties reads a Struct another way";
    const reads = (text: string) => sdk.serverSource.split(text).length - 1;
    if (reads("getProperties()") !== PROPERTIES_READS.reduce((n, site) => n + reads(site), 0)) return "server.js reads properties another way";
    const pb = sdk.analyzerPb;
    const Request = pb?.["AnalyzeStackRequest"];
    const Resource = pb?.["AnalyzerResource"];
    const Provider = pb?.["AnalyzerProviderResource"];
    const AnalyzeRequest = pb?.["AnalyzeRequest"];
    const Struct = sdk.structPb?.["Struct"];
    const decodable = (m: unknown): m is { deserializeBinary(bytes: Uint8Array): Rec } => isFn(m) && isFn((m as unknown as Rec)["deserializeBinary"]);
    const Options = pb?.["AnalyzerResourceOptions"];
    if (!isFn(Request) || !decodable(Resource) || !decodable(Provider) || !decodable(AnalyzeRequest) || !decodable(Options) || !decodable(Struct)) return "the Analyzer messages have another shape";
    const messages: StackMessages = { Request: Request as unknown as new () => Rec, Resource, Provider, Struct: Struct as StackMessages["Struct"] };
    const decode = () => sdk.deserialize["deserializeProperties"] as Fn;
    const analyzeStack = function (buffer: unknown): unknown {
        if (!(buffer instanceof Uint8Array)) return generatedStack(buffer);
        const bytes = Buffer.from(buffer); // a copy, as the generated deserializer makes (a Buffer: readUtf8 is quicker on one)
        const at: number[] = [];
        let resourcesOnly = true;
        const read = readFields(bytes, 0, bytes.length, (field, wire, start, end) => {
            if (field === STACK_RESOURCES && wire === LENGTH_DELIMITED) at.push(start, end);
            else resourcesOnly = false;
        });
        if (!read || !resourcesOnly) return generatedStack(buffer);
        const layouts: ResourceLayout[] = [];
        for (let k = 0; k < at.length; k += 2) {
            const l = layoutOf(bytes, at[k] as number, at[k + 1] as number);
            if (!l) return generatedStack(buffer);
            layouts.push(l);
        }
        const request = new messages.Request();
        const undecoded = new UndecodedStack(bytes, at, layouts, messages, defer, decode);
        let list: Rec[] | undefined;
        undecodedOf.set(request, undecoded);
        Object.defineProperty(request, "getResourcesList", { value: () => (list ??= undecoded.all()) });
        return request;
    };
    const providers = new Map<string, Rec>();
    const analyze = function (buffer: unknown): unknown {
        if (!(buffer instanceof Uint8Array)) return generatedAnalyze(buffer);
        const bytes = Buffer.from(buffer);
        const l = analyzeLayoutOf(bytes);
        if (!l) return generatedAnalyze(buffer);
        const request = new (AnalyzeRequest as unknown as new () => Rec)();
        if (l.type !== undefined) (request["setType"] as Fn).call(request, l.type);
        if (l.urn !== undefined) (request["setUrn"] as Fn).call(request, l.urn);
        if (l.name !== undefined) (request["setName"] as Fn).call(request, l.name);
        if (l.options) (request["setOptions"] as Fn).call(request, Options.deserializeBinary(bytes.subarray(...l.options)));
        const properties = l.properties;
        if (properties) {
            const placeholder = new messages.Struct();
            defer(placeholder, () => decode()(structAt(bytes, properties, messages.Struct), false));
            (request["setProperties"] as Fn).call(request, placeholder);
        }
        if (l.provider) {
            const key = bytes.toString("latin1", ...l.provider);
            let provider = providers.get(key);
            if (!provider) {
                if (providers.size >= PROVIDERS_KEPT) providers.clear();
                providers.set(key, (provider = Provider.deserializeBinary(bytes.subarray(...l.provider))));
            }
            (request["setProvider"] as Fn).call(request, provider);
        }
        return request;
    };
    const why = sampleReadsAsDecoded({ analyze, analyzeStack }, { analyze: generatedAnalyze, analyzeStack: generatedStack }, pb as Rec, Struct, decode);
    return why ?? { analyze, analyzeStack };
}

/**
 * Why sample requests (an AnalyzeStack request of two resources, every field of a resource set on the first; an
 * Analyze request of that resource) read differently through `lazy` than through `generated`, or undefined.
 */
function sampleReadsAsDecoded(lazy: UndecodedDeserializers, generated: UndecodedDeserializers, pb: Rec, Struct: unknown, decode: () => Fn): string | undefined {
    const make = (name: string, set: Record<string, unknown>): Rec => {
        const m = new (pb[name] as new () => Rec)();
        for (const [k, v] of Object.entries(set)) (m[k] as Fn).call(m, v);
        return m;
    };
    const struct = (v: unknown): unknown => (Struct as { fromJavaScript(v: unknown): unknown }).fromJavaScript(v);
    const bytesOf = (m: Rec) => Buffer.from((m["serializeBinary"] as Fn).call(m) as Uint8Array);
    const differs = "a sample request is read differently";
    try {
        const stackUrn = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
        const fields = {
            setType: "aws:s3/bucket:Bucket",
            setProperties: struct({ bucket: "b", tags: { Owner: "é ☃ 𝄞" }, rules: [1, true, null, { a: "" }] }),
            setUrn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b",
            setName: "b",
            setOptions: make("AnalyzerResourceOptions", { setProtect: true, setParent: stackUrn, setAliasesList: ["urn:old"], setIgnorechangesList: ["tags"] }),
            setProvider: make("AnalyzerProviderResource", { setType: "pulumi:providers:aws", setProperties: struct({ region: "eu-west-1" }), setUrn: "urn:pulumi:s::p::pulumi:providers:aws::default", setName: "default" }),
        };
        const first = make("AnalyzerResource", { ...fields, setParent: stackUrn, setDependenciesList: ["urn:pulumi:s::p::aws:kms/key:Key::k"] });
        ((first["getPropertydependenciesMap"] as Fn).call(first) as Rec & { set(k: string, v: unknown): unknown }).set("kmsKeyId", make("AnalyzerPropertyDependencies", { setUrnsList: ["urn:pulumi:s::p::aws:kms/key:Key::k"] }));
        const second = make("AnalyzerResource", { setType: "aws:kms/key:Key", setProperties: struct({}), setUrn: "urn:pulumi:s::p::aws:kms/key:Key::k", setName: "k" });
        const bytes = bytesOf(make("AnalyzeStackRequest", { setResourcesList: [first, second] }));
        const request = lazy.analyzeStack(bytes) as Rec;
        const a = stackRequestOf({ request: generated.analyzeStack(bytes) });
        const b = stackRequestOf({ request });
        if (!a || !b || !undecodedOf.has(request) || a.length !== 2 || b.length !== 2) return differs;
        const d = decode();
        const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
        const view = (r: Rec) => {
            const prov: unknown = (r["getProvider"] as Fn).call(r);
            const opts: unknown = (r["getOptions"] as Fn).call(r);
            return [
                ...["getType", "getUrn", "getName", "getParent", "getDependenciesList"].map((m) => (isFn(r[m]) ? r[m].call(r) : undefined)),
                isRecord(opts) ? (opts["toObject"] as Fn).call(opts) : undefined,
                d((r["getProperties"] as Fn).call(r), false),
                isRecord(prov) ? [callString(prov, "getType"), callString(prov, "getUrn"), callString(prov, "getName"), d((prov["getProperties"] as Fn).call(prov), false)] : undefined,
                isFn(r["getPropertydependenciesMap"]) ? refsOfMessage(r) : undefined,
            ];
        };
        for (let i = 0; i < 2; i++) {
            if (!same(view(a.resource(i) as Rec), view(b.resource(i) as Rec)) || !same(a.refs(i), b.refs(i)) || a.types[i] !== b.types[i]) return differs;
        }
        if (!same(a.whole(d), b.whole(d))) return differs;
        const one = bytesOf(make("AnalyzeRequest", fields));
        if (!same(view(generated.analyze(one) as Rec), view(lazy.analyze(one) as Rec))) return differs;
        return undefined;
    } catch (e) {
        return `a sample request cannot be read (${(e as Error).message.split("\n")[0] ?? ""})`;
    }
}

/** What a segment of a served AnalyzeStack answered: the SDK's AnalyzeResponse. */
interface StackAnswer {
    getDiagnosticsList(): unknown[];
    getNotApplicableList(): unknown[];
    setDiagnosticsList(v: unknown[]): unknown;
    setNotApplicableList(v: unknown[]): unknown;
}

function isStackAnswer(v: unknown): v is StackAnswer {
    return isRecord(v) && ["getDiagnosticsList", "getNotApplicableList", "setDiagnosticsList", "setNotApplicableList"].every((m) => isFn(v[m]));
}

/**
 * The stack shortcut's AnalyzeStack handler. Each policy, in order, is handed by the SDK's own handler
 * (`make(policies)`) either the whole request or — an srguard stack policy with a scope (`scopeOf`) — a request of
 * only the resources in its scope and those they refer to (`subsetFor`); a policy with nothing of the stack in its
 * scope is left out. Consecutive policies handed the same resources share one call; the answers' diagnostics and "not
 * applicable" entries are joined in policy order, as the SDK would have listed them.
 */
function stackServer(policies: readonly unknown[], allStack: Fn, make: (kept: unknown[]) => unknown, sdk: Sdk): Fn {
    const isStackPolicy = policies.map((p) => isRecord(p) && isFn(p["validateStack"]));
    const handlers = new Map<string, Fn>();
    const handlerFor = (kept: readonly number[]): Fn => {
        const key = kept.join(",");
        let h = handlers.get(key);
        if (!h) {
            const made = make(kept.map((i) => policies[i]));
            h = isFn(made) ? made : allStack;
            handlers.set(key, h);
        }
        return h;
    };
    let queue: Promise<unknown> = Promise.resolve();
    return function (this: unknown, call: unknown, callback: unknown): unknown {
        const req = isFn(callback) ? stackRequestOf(call) : undefined;
        if (!req || !isFn(callback)) return allStack.call(this, call, callback);
        const self = this;
        const run = async (): Promise<unknown> => {
            serving = { req, decode: () => sdk.deserialize["deserializeProperties"] as Fn };
            try {
                // segments: runs of consecutive policies handed the same resources (undefined: the whole request)
                const subsets = new Map<string, number[] | undefined>();
                const segments: { policies: number[]; subset: number[] | undefined }[] = [];
                policies.forEach((p, i) => {
                    if (!isStackPolicy[i]) return; // the SDK's stack handler skips every other policy
                    const scope = scopeOf(p, i);
                    let subset: number[] | undefined;
                    if (scope) {
                        if (!subsets.has(scope.key)) subsets.set(scope.key, subsetFor(req, scope));
                        subset = subsets.get(scope.key);
                        if (subset && !subset.length) return; // nothing of the stack is in its scope: it finds nothing
                        if (subset && subset.length === req.length) subset = undefined;
                    }
                    const last = segments[segments.length - 1];
                    if (last && last.subset === subset) last.policies.push(i);
                    else segments.push({ policies: [i], subset });
                });
                if (!segments.length) segments.push({ policies: [], subset: undefined });
                const answers: unknown[] = [];
                for (const seg of segments) {
                    let segCall = call;
                    if (seg.subset) {
                        const only = seg.subset.map((i) => req.resource(i));
                        const request = Object.create((call as Rec)["request"] as object, { getResourcesList: { value: () => only } }) as unknown;
                        segCall = Object.create(call as object, { request: { value: request } }) as unknown;
                    }
                    answers.push(
                        await new Promise((resolve, reject) => {
                            handlerFor(seg.policies).call(self, segCall, (err: unknown, res: unknown) => (err ? reject(err) : resolve(res)));
                        }),
                    );
                }
                if (answers.length === 1) return answers[0];
                if (!answers.every(isStackAnswer)) throw new Error("the SDK's AnalyzeStack answer has another shape");
                const out = answers[answers.length - 1] as StackAnswer;
                const all = answers as StackAnswer[];
                const diagnostics = all.flatMap((a) => a.getDiagnosticsList());
                const notApplicable = all.flatMap((a) => a.getNotApplicableList());
                out.setDiagnosticsList(diagnostics);
                out.setNotApplicableList(notApplicable);
                return out;
            } finally {
                serving = undefined;
            }
        };
        const done = queue.then(run);
        queue = done.catch(() => undefined);
        done.then(
            (res) => (callback as Fn)(undefined, res),
            (err: unknown) => (callback as Fn)(err, undefined),
        );
        return undefined;
    };
}

/**
 * The Analyze answer's encoding. google-protobuf's writer encodes strings character by character into an array of
 * numbers; an answer carries ~1 KB per diagnostic (the SDK writes the policy's description into both `description`
 * and `message`), which made encoding a good part of the pack's `Analyze` CPU. `fastEncoder` writes the same bytes
 * with Node's UTF-8 encoder: the fields each message's generated `serializeBinaryToWriter` writes, in its order and
 * with its rule (a proto3 field is left out when empty or 0), read through the messages' generated getters. It is used
 * only when the generated writers write exactly these fields (checked in their source) and a sample message encodes
 * byte for byte as google-protobuf encodes it; an answer it cannot encode as google-protobuf would (a string with a
 * lone surrogate, which google-protobuf encodes its own way; an enum outside 0-127) keeps google-protobuf's encoding.
 */
type FieldKind = "String" | "Enum" | "Message";
interface FieldSpec {
    readonly no: number;
    readonly kind: FieldKind;
    readonly getter: string;
}
const DIAGNOSTIC_FIELDS: readonly FieldSpec[] = [
    { no: 1, kind: "String", getter: "getPolicyname" },
    { no: 2, kind: "String", getter: "getPolicypackname" },
    { no: 3, kind: "String", getter: "getPolicypackversion" },
    { no: 4, kind: "String", getter: "getDescription" },
    { no: 5, kind: "String", getter: "getMessage" },
    { no: 7, kind: "Enum", getter: "getEnforcementlevel" },
    { no: 8, kind: "String", getter: "getUrn" },
    { no: 9, kind: "Enum", getter: "getSeverity" },
];
const NOT_APPLICABLE_FIELDS: readonly FieldSpec[] = [
    { no: 1, kind: "String", getter: "getPolicyName" },
    { no: 2, kind: "String", getter: "getReason" },
];
const RESPONSE_FIELDS: readonly FieldSpec[] = [
    { no: 2, kind: "Message", getter: "getDiagnosticsList" },
    { no: 3, kind: "Message", getter: "getNotApplicableList" },
];

/** Whether a generated `serializeBinaryToWriter` reads these getters and writes these fields, in this order. */
function writesExactly(writer: unknown, fields: readonly FieldSpec[]): boolean {
    if (!isFn(writer)) return false;
    const source = Function.prototype.toString.call(writer);
    const gets = [...source.matchAll(/message\.(get\w+)\(\)/g)].map((m) => m[1]);
    const writes = [...source.matchAll(/writer\.write(Repeated)?(\w+?)\(\s*(\d+)\s*,/g)].map((m) => `${m[2] ?? ""}:${m[3] ?? ""}`);
    return (
        gets.join(",") === fields.map((f) => f.getter).join(",") &&
        writes.join(",") === fields.map((f) => `${f.kind}:${f.no}`).join(",")
    );
}

/**
 * Whether `s` has a lone surrogate (google-protobuf encodes it its own way; a surrogate pair is UTF-8 like any other
 * character). Without `isWellFormed` (before Node 20), any surrogate counts.
 */
const SURROGATE = /[\uD800-\uDFFF]/;
function hasLoneSurrogate(s: string): boolean {
    const wellFormed = (s as { isWellFormed?: () => boolean }).isWellFormed;
    return typeof wellFormed === "function" ? !wellFormed.call(s) : SURROGATE.test(s);
}

/** Thrown while an answer is encoded when google-protobuf should encode it instead (`encodeFields`). */
const LEAVE = new Error("left to google-protobuf");

/**
 * Writes a message's `fields` read through its generated getters, as its generated writer would (a proto3 field left
 * out when empty or 0); throws LEAVE for a value it does not write as google-protobuf would.
 */
function encodeFields(w: Sink, message: unknown, fields: readonly FieldSpec[]): void {
    if (!isRecord(message)) throw LEAVE;
    for (const f of fields) {
        const get = message[f.getter];
        if (!isFn(get)) throw LEAVE;
        const v: unknown = get.call(message);
        if (f.kind === "String") {
            if (typeof v !== "string" || hasLoneSurrogate(v)) throw LEAVE;
            if (v.length) w.string(f.no, v);
        } else if (f.kind === "Enum") {
            if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 127) throw LEAVE;
            if (v !== 0) w.uint(f.no, v);
        } else {
            if (!Array.isArray(v)) throw LEAVE;
            const nested = f.getter === "getDiagnosticsList" ? DIAGNOSTIC_FIELDS : NOT_APPLICABLE_FIELDS;
            for (const m of v) w.message(f.no, encodeFields, m, nested);
        }
    }
}

export interface FastEncoder {
    readonly isResponse: (v: unknown) => boolean;
    /** The bytes google-protobuf would write for `response`, or undefined for an answer left to google-protobuf. */
    readonly encode: (response: unknown) => Uint8Array | undefined;
    /** An answer's `serializeBinary` with these bytes (google-protobuf's own for an answer `encode` leaves to it). */
    readonly serializeBinary: (this: unknown) => Uint8Array;
}

/**
 * An encoder of the SDK's AnalyzeResponse that writes google-protobuf's bytes, or why not. `encode` returns undefined
 * for an answer it leaves to google-protobuf.
 */
/** @internal Exported for its contract test (tests/policies/core/sdk-encoding.test.ts). */
export function fastEncoder(pb: Rec | undefined): FastEncoder | string {
    const Response = pb?.["AnalyzeResponse"];
    const Diagnostic = pb?.["AnalyzeDiagnostic"];
    const NotApplicable = pb?.["PolicyNotApplicable"];
    if (!isFn(Response) || !isFn(Diagnostic) || !isFn(NotApplicable)) return "the Analyzer messages were not found";
    if (
        !writesExactly((Response as unknown as Rec)["serializeBinaryToWriter"], RESPONSE_FIELDS) ||
        !writesExactly((Diagnostic as unknown as Rec)["serializeBinaryToWriter"], DIAGNOSTIC_FIELDS) ||
        !writesExactly((NotApplicable as unknown as Rec)["serializeBinaryToWriter"], NOT_APPLICABLE_FIELDS)
    ) {
        return "the Analyzer messages are encoded another way";
    }
    const encode = (response: unknown): Uint8Array | undefined => {
        try {
            return encodeMessage((w) => encodeFields(w, response, RESPONSE_FIELDS));
        } catch {
            return undefined; // LEAVE, or anything else: google-protobuf encodes it (or says what is wrong with it)
        }
    };
    // A sample answer (two diagnostics, one "not applicable"), encoded both ways, must be the same bytes.
    type Msg = Record<string, (v: unknown) => unknown> & { serializeBinary(): Uint8Array };
    try {
        const make = (C: Fn) => new (C as unknown as new () => Msg)();
        const sample = make(Response);
        const ds = [0, 1].map((i) => {
            const d = make(Diagnostic);
            d["setPolicyname"]?.(`policy-${i}`);
            d["setPolicypackname"]?.("pack");
            d["setPolicypackversion"]?.("1.2.3");
            d["setDescription"]?.("A description — with `code`, ünïcödé and 🔒.".repeat(i + 1));
            d["setMessage"]?.("A description.\nThe message.".repeat(40 * i + 1));
            d["setEnforcementlevel"]?.(i);
            if (i) d["setUrn"]?.("urn:pulumi:stack::project::aws:s3/bucket:Bucket::b");
            d["setSeverity"]?.(i + 1);
            return d;
        });
        const na = make(NotApplicable);
        na["setPolicyName"]?.("policy-2");
        na["setReason"]?.("a reason");
        sample["setDiagnosticsList"]?.(ds);
        sample["setNotApplicableList"]?.([na]);
        const fast = encode(sample);
        if (!fast || !Buffer.from(fast).equals(Buffer.from(sample.serializeBinary()))) return "the Analyzer messages do not encode as expected";
    } catch (e) {
        return `the Analyzer messages cannot be built (${(e as Error).message.split("\n")[0] ?? ""})`;
    }
    const serializeBinary = (Response as unknown as { prototype: { serializeBinary: (this: unknown) => Uint8Array } }).prototype.serializeBinary;
    return {
        isResponse: (v) => v instanceof Response,
        encode,
        serializeBinary: function (this: unknown): Uint8Array {
            return encode(this) ?? serializeBinary.call(this);
        },
    };
}

/**
 * Hands `response` (the SDK's AnalyzeResponse) over to grpc-js with `encode`'s bytes: grpc-js serialises it with the
 * generated stub (`Buffer.from(arg.serializeBinary())`), so the answer's own `serializeBinary` is replaced.
 */
function withFastEncoding(response: unknown, encoder: FastEncoder): unknown {
    if (!encoder.isResponse(response)) return response;
    (response as { serializeBinary: unknown }).serializeBinary = encoder.serializeBinary;
    return response;
}

function installServe(sdk: Sdk, want: { readonly route: boolean; readonly stack: boolean; readonly lazy: UndecodedDeserializers | undefined }): string | undefined {
    const proto = sdk.grpcServerPrototype;
    if (!proto || !isFn(proto["addService"])) return "@grpc/grpc-js has another shape";
    if (!isRecord(sdk.analyzerService)) return "the Analyzer service stubs were not found";
    if (!replaceable(sdk.server, "serve") || !isFn(sdk.server["makeAnalyzeRpcFun"]) || !isFn(sdk.server["makeAnalyzeStackRpcFun"])) return "server.js has another shape";
    if (!ROUTE_CALL_SITES.every((s) => sdk.serverSource.includes(s)) || !sdk.policySource.includes("server_1.serve(")) {
        return "the SDK starts its server another way";
    }
    const serve = sdk.server["serve"] as Fn;
    const makeAnalyze = sdk.server["makeAnalyzeRpcFun"] as Fn;
    const makeAnalyzeStack = sdk.server["makeAnalyzeStackRpcFun"] as Fn;
    const analyzerService = sdk.analyzerService;

    sdk.server["serve"] = function (this: unknown, ...args: unknown[]): unknown {
        const [name, version, level, packArgs] = args;
        const policies: readonly unknown[] = isRecord(packArgs) && Array.isArray(packArgs["policies"]) ? packArgs["policies"] : [];
        const addService = proto["addService"] as Fn;
        proto["addService"] = function (this: unknown, service: unknown, implementation: unknown): unknown {
            if (service !== analyzerService || !isRecord(implementation) || !isFn(implementation["analyze"]) || !isFn(implementation["analyzeStack"])) {
                return addService.call(this, service, implementation);
            }
            const all = implementation["analyze"];
            const byType = new Map<string, Fn>();
            const encoder = fastEncoder(sdk.analyzerPb);
            if (typeof encoder === "string") noteFallback("the fast encoding of Analyze answers", encoder);
            // the callback grpc-js is handed the answer through, with the answer's fast encoding
            const encoding = (callback: unknown): unknown => {
                if (typeof encoder === "string" || !isFn(callback)) return callback;
                return (err: unknown, res: unknown) => callback(err, err ? res : withFastEncoding(res, encoder));
            };
            const analyze = function (this: unknown, call: unknown, callback: unknown): unknown {
                const type = typeOfCall(call);
                if (type === undefined) return all.call(this, call, callback);
                callback = encoding(callback);
                let handler = byType.get(type);
                if (!handler) {
                    const kept = policies.filter((p) => !inertFor(p, type));
                    const made: unknown = kept.length === policies.length ? all : makeAnalyze(name, version, level, kept);
                    handler = isFn(made) ? made : all;
                    byType.set(type, handler);
                }
                return handler.call(this, call, callback);
            };
            const narrowed = stackServer(policies, implementation["analyzeStack"], (kept) => makeAnalyzeStack(name, version, level, kept), sdk);
            const analyzeStack = function (this: unknown, call: unknown, callback: unknown): unknown {
                return narrowed.call(this, call, encoding(callback));
            };
            const served = { ...implementation, ...(want.route ? { analyze } : {}), ...(want.stack ? { analyzeStack } : {}) };
            const methods = [(service as Rec)["analyze"], (service as Rec)["analyzeStack"]];
            const lazy = want.lazy;
            if (!lazy || !methods.every(isRecord)) return addService.call(this, service, served);
            // grpc-js takes each method's deserializer when the service is added: Analyze's and AnalyzeStack's are
            // swapped for that call only (the stubs are the SDK's module, shared with every client in the process)
            const [analyzeMethod, stackMethod] = methods as [Rec, Rec];
            const generated = [analyzeMethod["requestDeserialize"], stackMethod["requestDeserialize"]];
            analyzeMethod["requestDeserialize"] = lazy.analyze;
            stackMethod["requestDeserialize"] = lazy.analyzeStack;
            try {
                return addService.call(this, service, served);
            } finally {
                [analyzeMethod["requestDeserialize"], stackMethod["requestDeserialize"]] = generated;
            }
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
    let stack = false;
    let lazy = false;
    if (wanted.size) {
        const sdk = loadSdk();
        if (typeof sdk === "string") skipped.push(sdk);
        else {
            if (wanted.has("decode")) {
                const why = installDecode(sdk);
                if (why) skipped.push(`decode: ${why}`);
                else decode = true;
            }
            let deserializer: UndecodedDeserializers | undefined;
            if (wanted.has("lazy")) {
                const service = isRecord(sdk.analyzerService) ? sdk.analyzerService : {};
                const [analyze, analyzeStack] = [service["analyze"], service["analyzeStack"]];
                const why = !wanted.has("stack")
                    ? "the stack shortcut is off"
                    : isRecord(analyze) && isRecord(analyzeStack) && replaceable(analyze, "requestDeserialize") && replaceable(analyzeStack, "requestDeserialize")
                      ? undecodedDeserializers(sdk, { analyze, analyzeStack })
                      : "the Analyze methods have another shape";
                if (typeof why === "string") skipped.push(`lazy: ${why}`);
                else deserializer = why;
            }
            if (wanted.has("route") || wanted.has("stack")) {
                const why = installServe(sdk, { route: wanted.has("route"), stack: wanted.has("stack"), lazy: deserializer });
                if (why) skipped.push(`${["route", "stack", ...(deserializer ? ["lazy"] : [])].filter((f) => wanted.has(f as FastPath)).join(", ")}: ${why}`);
                else {
                    route = wanted.has("route");
                    stack = wanted.has("stack");
                    lazy = deserializer !== undefined;
                }
            }
        }
    }
    installed = Object.freeze({ route, decode, stack, lazy, skipped: Object.freeze(skipped) });
    for (const why of skipped) noteFallback("an SDK fast path", why);
    return installed;
}

// ---------------------------------------------------------------------------------------------------------------
// 5. The policy-pack config as the engine sent it (Configure)
//
// @pulumi/policy hands a policy only its own entry (`args.getConfig()`: makeGetConfigFun in server.js reads the
// module-level `policyPackConfig` that its `configure` handler stores, and exports neither). Exemptions are settings
// of the `srguard-exemptions` entry that every other policy applies when it reports, so the pack keeps its own copy of
// what the engine sent: the SDK's `configure` handler is wrapped where the SDK registers the Analyzer service
// (`server.addService(analyzerrpc.AnalyzerService, {...})`, on the @grpc/grpc-js and stubs the SDK itself resolves),
// and each entry is decoded as the SDK decodes it (`getProperties().toJavaScript()`, the level by the SDK's own
// `convertEnforcementLevel`). The engine sends every policy of the pack (its reconciled config), so the keys are also
// the pack's policy names. Contract: tests/gate/sdk-contract-exemptions.test.ts (with the fallbacks); the end-to-end behaviour:
// tests/gate/exemptions.test.ts.

/** `off` makes the pack behave as if the Configure tap could not be installed (for the contract test). */
export const CONFIGURE_TAP_ENV = "SRGUARD_SDK_CONFIGURE_TAP";

export interface ConfiguredPolicy {
    readonly enforcementLevel: string;
    /** The entry's properties, without `enforcementLevel` (what that policy's `getConfig()` returns). */
    readonly properties: Readonly<Record<string, unknown>>;
}

export interface Configured {
    /** Changes with every Configure (callers cache what they derive from `policies`). */
    readonly generation: number;
    readonly policies: ReadonlyMap<string, ConfiguredPolicy>;
}

let configureTap: string | true | undefined;
let configured: Configured | undefined;

function decodeConfigure(call: unknown, convertLevel: Fn): Map<string, ConfiguredPolicy> | string {
    const request = isRecord(call) ? call["request"] : undefined;
    const getMap = isRecord(request) ? request["getPolicyconfigMap"] : undefined;
    if (!isFn(getMap)) return "the Configure request has another shape";
    const map = getMap.call(request);
    const entries = isRecord(map) ? map["entries"] : undefined;
    if (!isFn(entries)) return "the Configure request's config map has another shape";
    const out = new Map<string, ConfiguredPolicy>();
    for (const pair of entries.call(map) as Iterable<unknown>) {
        if (!Array.isArray(pair) || typeof pair[0] !== "string" || !isRecord(pair[1])) return "the Configure request's config map has another shape";
        const config = pair[1];
        const getProperties = config["getProperties"];
        const getLevel = config["getEnforcementlevel"];
        if (!isFn(getProperties) || !isFn(getLevel)) return "a Configure entry has another shape";
        const struct: unknown = getProperties.call(config);
        const toJs = isRecord(struct) ? struct["toJavaScript"] : undefined;
        const props: unknown = isFn(toJs) ? toJs.call(struct) : {};
        const { enforcementLevel: _ignored, ...properties } = isRecord(props) && !Array.isArray(props) ? props : {};
        const level: unknown = convertLevel(getLevel.call(config));
        out.set(pair[0], { enforcementLevel: typeof level === "string" ? level : "advisory", properties: Object.freeze(properties) });
    }
    return out;
}

/**
 * Keeps a copy of the config each `Configure` hands the pack about to be served (call it before
 * `new PolicyPack(...)`; `packArgs` does). Returns true, or why it is off (said once on stderr by the caller).
 */
export function installConfigureTap(): true | string {
    if (configureTap !== undefined) return configureTap;
    const off = (why: string): string => (configureTap = why);
    if ((process.env[CONFIGURE_TAP_ENV] ?? "").trim().toLowerCase() === "off") return off(`${CONFIGURE_TAP_ENV}=off`);
    const grpc = sdkGrpc();
    if (typeof grpc === "string") return off(grpc);
    let convertLevel: unknown;
    try {
        const protoutil: unknown = grpc.sdkRequire("./protoutil.js");
        convertLevel = isRecord(protoutil) ? protoutil["convertEnforcementLevel"] : undefined;
    } catch {
        // judged below
    }
    if (!isFn(convertLevel)) return off("@pulumi/policy no longer has convertEnforcementLevel");
    const convert = convertLevel;
    const why = wrapConfigure(
        (configure) =>
            function (this: unknown, call: unknown, callback: unknown): unknown {
                const decoded = decodeConfigure(call, convert);
                if (typeof decoded === "string") {
                    configureTap = decoded;
                    configured = undefined;
                } else configured = { generation: (configured?.generation ?? 0) + 1, policies: decoded };
                return configure.call(this, call, callback);
            },
        () => off("the SDK registers no configure handler"),
    );
    return why === undefined ? (configureTap = true) : off(why);
}

/**
 * The config of the latest `Configure`: `undefined` before the first one (the engine always sends one before it
 * analyzes anything), or why the pack cannot know it (the tap is off).
 */
export function configuredPolicies(): Configured | string | undefined {
    if (configureTap === undefined) return "the pack was not built with packArgs (srguard's Configure tap is not installed)";
    if (configureTap !== true) return configureTap;
    return configured;
}

/** @internal For tests that run policies without the analyzer server: what `Configure` would have sent. */
export function setConfiguredForTesting(policies: ReadonlyMap<string, ConfiguredPolicy> | undefined): void {
    configureTap = policies ? true : undefined;
    configured = policies ? { generation: (configured?.generation ?? 0) + 1, policies } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Secret tag values
//
// The SDK decodes a resource's properties with `deserializeProperties(struct, false)`, which unwraps every secret to
// its plaintext: a policy cannot tell a secret tag value from a plain one. The decoder (read through the module object
// at call time: the DECODE_CALL_SITES above) is wrapped to look at the Struct's `tags` field before it is decoded and
// to remember, per decoded object, which tag values (or the whole map) travelled in the engine's secret envelope.
// With the decode shortcut on, the wrapper sits under its memo (installDecode installs it first), so each Struct is
// looked at once, when it is decoded.

/** The engine's secret envelope: `{ [SIG_KEY]: SECRET_SIG, value }` (@pulumi/pulumi runtime/rpc). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** `off` makes the pack behave as if secret tags could not be told apart (for the contract test). */
export const SECRET_TAG_TAP_ENV = "SRGUARD_SDK_SECRET_TAGS";

/** The keys of a resource's `tags` whose values were secret, or `all` when the whole map was. */
export type SecretTags = "all" | ReadonlySet<string>;

const NO_SECRETS: ReadonlySet<string> = Object.freeze(new Set<string>());
const secretTagsOf = new WeakMap<object, SecretTags>();
let secretTap: string | true | undefined;

function isSecretEnvelope(v: unknown): boolean {
    return isRecord(v) && v[SIG_KEY] === SECRET_SIG;
}

/** Which tag values of `struct` (a google-protobuf Struct of wire-form properties) are secret. */
function secretTagsIn(struct: Rec): SecretTags {
    if (struct instanceof LightStruct) return secretTagsOfWire(struct.js["tags"]);
    const getFields = struct["getFieldsMap"];
    if (!isFn(getFields)) return "all";
    const fields = getFields.call(struct);
    const get = isRecord(fields) ? fields["get"] : undefined;
    if (!isFn(get)) return "all";
    const tags: unknown = get.call(fields, "tags");
    if (tags === undefined) return NO_SECRETS;
    const toJs = isRecord(tags) ? tags["toJavaScript"] : undefined;
    if (!isFn(toJs)) return "all";
    return secretTagsOfWire(toJs.call(tags));
}

/** Which values of a resource's `tags` as they arrived (a secret still in its envelope) are secrets. */
function secretTagsOfWire(wire: unknown): SecretTags {
    if (wire === undefined) return NO_SECRETS;
    if (isSecretEnvelope(wire)) return "all";
    if (!isRecord(wire) || Array.isArray(wire)) return NO_SECRETS;
    const keys = Object.keys(wire).filter((k) => isSecretEnvelope(wire[k]));
    return keys.length ? Object.freeze(new Set(keys)) : NO_SECRETS;
}

/** Starts remembering which tag values arrive as secrets (call it before `new PolicyPack(...)`; `packArgs` does). */
export function installSecretTagTap(): true | string {
    if (secretTap !== undefined) return secretTap;
    if ((process.env[SECRET_TAG_TAP_ENV] ?? "").trim().toLowerCase() === "off") return (secretTap = `${SECRET_TAG_TAP_ENV}=off`);
    let deserialize: unknown;
    let serverSource: string;
    try {
        const dir = path.dirname(require.resolve("@pulumi/policy/package.json"));
        deserialize = createRequire(path.join(dir, "server.js"))("./deserialize.js");
        serverSource = fs.readFileSync(path.join(dir, "server.js"), "utf8");
    } catch {
        return (secretTap = "@pulumi/policy's decoder cannot be loaded");
    }
    if (!isRecord(deserialize) || !replaceable(deserialize, "deserializeProperties")) return (secretTap = "deserializeProperties has another shape");
    if (!DECODE_CALL_SITES.every((site) => serverSource.includes(site))) return (secretTap = "server.js decodes properties another way");
    const original = deserialize["deserializeProperties"] as Fn;
    deserialize["deserializeProperties"] = function (this: unknown, struct: unknown, keepSecrets: unknown): unknown {
        // read before the SDK decodes the Struct: what a light Struct (`LightStruct`) answers is then as it arrived
        const tags = keepSecrets === false && isRecord(struct) ? secretTagsIn(struct) : undefined;
        const value = original.call(this, struct, keepSecrets);
        if (tags !== undefined && isRecord(value) && !secretTagsOf.has(value)) secretTagsOf.set(value, tags);
        return value;
    };
    return (secretTap = true);
}

/**
 * Which tag values of the resource whose decoded properties are `props` (the SDK's proxy or its target) arrived as
 * secrets; `undefined` when the pack cannot tell (the tap is off, or the SDK did not decode `props`).
 */
export function secretTagsOfProps(props: unknown): SecretTags | undefined {
    if (secretTap !== true || !isRecord(props)) return undefined;
    const target = props[PROXY_TARGET_KEY];
    return secretTagsOf.get(isRecord(target) ? target : props);
}

/** Why tag secrets cannot be told apart, or undefined when they can. */
export function secretTagTapProblem(): string | undefined {
    if (secretTap === undefined) return "the pack was not built with packArgs (srguard's secret-tag tap is not installed)";
    return secretTap === true ? undefined : secretTap;
}

// ---------------------------------------------------------------------------------------------------------------
// 7. Refusing a bad config at Configure
//
// Refusing a bad policy-pack config when the engine hands it over (`Configure`), not at the first resource.
//
// Under the Pulumi CLI the engine reconciles the config (schema defaults, the pack's initial config, the
// --policy-pack-config file or the Pulumi Cloud policy group) and validates it against each policy's JSON schema — but
// only its `properties` and `required` (pkg/resource/analyzer/config.go): an unknown key passes, and a name that is
// no policy of the pack is passed along unchecked. Both reach the pack in `Configure`, which @pulumi/policy only stores;
// the pack's own check (`resolveConfig`) would run at that policy's first `Analyze`, as an RPC error with a stack
// trace, after other resources already got verdicts. Here `Configure` itself is checked (core/config.ts
// `checkConfigured`, the gate's words) and refused with INVALID_ARGUMENT, so `pulumi preview` stops before any
// resource is analyzed.
//
// @pulumi/policy has no public hook for `Configure`: its handler is wrapped where the SDK registers the Analyzer service
// (`server.addService(analyzerrpc.AnalyzerService, {...})` in server.js, on the @grpc/grpc-js and stubs that the SDK
// itself resolves). When those are not as expected the pack says so once on stderr and keeps the SDK's behaviour
// (the check at the first Analyze). Contract: tests/publish/config-under-cli.test.ts.

/** gRPC's INVALID_ARGUMENT (status.INVALID_ARGUMENT in @grpc/grpc-js). */
const INVALID_ARGUMENT = 3;

/** The request's policy config as `[name, properties]` (the enforcement level travels apart and is the engine's). */
function configuredEntries(call: unknown): [string, Rec][] | string {
    const request = isRecord(call) ? call["request"] : undefined;
    const getMap = isRecord(request) ? request["getPolicyconfigMap"] : undefined;
    if (!isFn(getMap)) return "the Configure request has another shape";
    const map = getMap.call(request);
    const entries = isRecord(map) ? map["entries"] : undefined;
    if (!isFn(entries)) return "the Configure request's config map has another shape";
    const out: [string, Rec][] = [];
    for (const pair of entries.call(map) as Iterable<unknown>) {
        if (!Array.isArray(pair) || typeof pair[0] !== "string") return "the Configure request's config map has another shape";
        const config: unknown = pair[1];
        const getProperties = isRecord(config) ? config["getProperties"] : undefined;
        const struct: unknown = isFn(getProperties) ? getProperties.call(config) : undefined;
        const toJs = isRecord(struct) ? struct["toJavaScript"] : undefined;
        const props: unknown = isFn(toJs) ? toJs.call(struct) : {};
        out.push([pair[0], isRecord(props) && !Array.isArray(props) ? props : {}]);
    }
    return out;
}

let configureCheck: boolean | undefined;

/**
 * Makes the pack about to be served refuse, in `Configure`, a config that names no policy of it or that a policy's
 * spec refuses. Call it before `new PolicyPack(...)`; returns whether the check is installed (once per process).
 */
export function checkConfigAtConfigure(packName: string, specs: ReadonlyMap<string, ConfigSpec>): boolean {
    if (configureCheck !== undefined) return configureCheck;
    const off = (why: string): boolean => {
        noteFallback("the config check at Configure", `${why}; a bad config is refused at the first Analyze instead`);
        configureCheck = false;
        return false;
    };
    const why = wrapConfigure((configure) => {
        const checked = function (this: unknown, call: unknown, callback: unknown): unknown {
            const entries = configuredEntries(call);
            if (typeof entries === "string") {
                off(entries);
                return configure.call(this, call, callback);
            }
            try {
                checkConfigured(packName, entries, specs);
            } catch (e) {
                if (!(e instanceof ConfigError || e instanceof UnknownPolicyError) || !isFn(callback)) throw e;
                return callback.call(undefined, { code: INVALID_ARGUMENT, details: e.message });
            }
            return configure.call(this, call, callback);
        };
        return checked;
    }, () => off("the SDK registers no configure handler"));
    if (why !== undefined) return off(why);
    configureCheck = true;
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// 8. @pulumi/pulumi's modules that neither a pack nor a program run reaches

/**
 * @pulumi/pulumi's load-time requires that the pack (policies/main.js) and the gate's program runner defer: each the
 * file that requires it, the request, and how the file holds what it gets. Whatever a policy or a program does, the
 * automation API is reached only through `pulumi.automation`, the others only through the SDK's closure
 * serialization (`computeCodePaths`, `serializeFunction`).
 */
export const UNREACHED_AT_LOAD = [
    { file: "index.js", request: "./automation", held: "__importStar" },
    { file: path.join("runtime", "closure", "codePaths.js"), request: "@npmcli/arborist", held: "__importStar" },
    { file: path.join("runtime", "closure", "codePaths.js"), request: "normalize-package-data", held: "__importDefault" },
    { file: path.join("runtime", "closure", "parseFunction.js"), request: "../../typescript-shim", held: "require" },
] as const satisfies readonly { file: string; request: string; held: Held }[];

/** The line that makes each require, and TypeScript's helpers as the SDK's compiled modules define them. */
const HOLDS: Record<Held, { readonly line: (request: string) => string; readonly helper?: string }> = {
    require: { line: (r) => `= require(${JSON.stringify(r)});` },
    __importStar: { line: (r) => `= __importStar(require(${JSON.stringify(r)}));`, helper: "if (mod && mod.__esModule) return mod;" },
    __importDefault: { line: (r) => `= __importDefault(require(${JSON.stringify(r)}));`, helper: "return (mod && mod.__esModule) ? mod :" },
};

/** Which of UNREACHED_AT_LOAD the @pulumi/pulumi at `sdkRoot` makes exactly so (its line, and the helper's definition). */
export function unreachedSdkRequires(sdkRoot: string): { readonly plan: ReadonlyMap<string, ReadonlyMap<string, Held>>; readonly kept: readonly string[] } {
    const plan = new Map<string, Map<string, Held>>();
    const kept: string[] = [];
    /** Each file's source and real path (what Node's loader names it by), read once; undefined when unreadable. */
    const files = new Map<string, { readonly source: string; readonly real: string } | undefined>();
    const read = (file: string) => {
        if (!files.has(file)) {
            try {
                files.set(file, { source: fs.readFileSync(file, "utf8"), real: fs.realpathSync(file) });
            } catch {
                files.set(file, undefined);
            }
        }
        return files.get(file);
    };
    for (const { file, request, held } of UNREACHED_AT_LOAD) {
        const found = read(path.join(sdkRoot, file));
        const how = HOLDS[held];
        if (!found || !found.source.includes(how.line(request)) || (how.helper !== undefined && !found.source.includes(how.helper))) {
            kept.push(`${request} (${file})`);
            continue;
        }
        const requests = plan.get(found.real) ?? new Map<string, Held>();
        requests.set(request, held);
        plan.set(found.real, requests);
    }
    return { plan, kept };
}

/**
 * Has the requires of UNREACHED_AT_LOAD made by the @pulumi/pulumi at `sdkRoot` answered with stand-ins that load the
 * module on first use (core/deferred-modules.ts). Must run before that SDK loads. A require the SDK no longer makes
 * exactly so is left to load with it (noted). Undefined when nothing is deferred, as with SRGUARD_DEFER_SDK_MODULES=off.
 */
export function deferUnreachedSdkModules(sdkRoot: string, note: (what: string, why: string) => void = noteFallback): DeferredModules | undefined {
    if (!deferringWanted()) return undefined;
    const { plan, kept } = unreachedSdkRequires(sdkRoot);
    if (kept.length) note("deferring the SDK modules nothing reaches", `@pulumi/pulumi no longer requires ${kept.join(", ")} as srguard expects; it loads with the SDK`);
    return plan.size ? deferModules(plan) : undefined;
}

/** `off` loads @pulumi/pulumi whole, as it loads itself (in the pack and the gate's runner alike). */
export const DEFER_ENV = "SRGUARD_DEFER_SDK_MODULES";

/** Whether SRGUARD_DEFER_SDK_MODULES leaves deferring on (anything but `off`). */
export function deferringWanted(value: string | undefined = process.env[DEFER_ENV]): boolean {
    return (value ?? "").trim().toLowerCase() !== "off";
}

/**
 * The pack's part (policies/main.js, before @pulumi/policy loads): defers what the @pulumi/pulumi that
 * `@pulumi/policy` resolves from `dir` would load unused. Nothing is deferred when either is not installed there
 * (the pack then fails to load as it would have).
 */
export function deferPackSdkModules(dir: string): DeferredModules | undefined {
    let sdkRoot: string;
    try {
        const policy = createRequire(path.join(dir, "index.js")).resolve("@pulumi/policy/package.json");
        sdkRoot = path.dirname(createRequire(policy).resolve("@pulumi/pulumi/package.json"));
    } catch {
        return undefined;
    }
    return deferUnreachedSdkModules(sdkRoot);
}
