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

import { createRequire } from "node:module";
import * as path from "node:path";
import { ConfigError, type ConfigSpec, UnknownPolicyError, checkConfigured } from "./config";

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
    return typeof v === "object" && v !== null;
}

function isFn(v: unknown): v is Fn {
    return typeof v === "function";
}

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

let installed: boolean | undefined;

/**
 * Makes the pack about to be served refuse, in `Configure`, a config that names no policy of it or that a policy's
 * spec refuses. Call it before `new PolicyPack(...)`; returns whether the check is installed (once per process).
 */
export function checkConfigAtConfigure(packName: string, specs: ReadonlyMap<string, ConfigSpec>): boolean {
    if (installed !== undefined) return installed;
    let said = false;
    const off = (why: string): boolean => {
        if (!said) process.stderr.write(`srguard: the config check at Configure is off (a bad config is refused at the first Analyze): ${why}\n`);
        said = true;
        installed = false;
        return false;
    };
    let proto: unknown;
    let service: unknown;
    try {
        const sdkRequire = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
        const grpc: unknown = sdkRequire("@grpc/grpc-js");
        const Server = isRecord(grpc) ? grpc["Server"] : undefined;
        proto = isFn(Server) ? Server.prototype : undefined;
        const stubs: unknown = sdkRequire("@pulumi/pulumi/proto/analyzer_grpc_pb");
        service = isRecord(stubs) ? stubs["AnalyzerService"] : undefined;
    } catch (e) {
        return off(`the SDK's gRPC modules cannot be loaded (${(e as Error).message.split("\n")[0] ?? ""})`);
    }
    if (!isRecord(proto) || !isFn(proto["addService"])) return off("@grpc/grpc-js has another shape");
    if (!isRecord(service) || !isRecord(service["configure"])) return off("the Analyzer service stubs have no configure method");
    const addService = proto["addService"];
    proto["addService"] = function (this: unknown, svc: unknown, implementation: unknown): unknown {
        if (svc !== service || !isRecord(implementation) || !isFn(implementation["configure"])) {
            if (svc === service) off("the SDK registers no configure handler");
            return addService.call(this, svc, implementation);
        }
        const configure = implementation["configure"];
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
        return addService.call(this, svc, { ...implementation, configure: checked });
    };
    installed = true;
    return true;
}
