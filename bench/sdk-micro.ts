// The policy layer alone, without gRPC or a second process: @pulumi/policy's own Analyze / AnalyzeStack handlers (as
// `serve` registers them, routing included) called in-process with the decoded requests of a generated stack, each
// response serialised as grpc-js would. CPU time per resource, for the floors (no policy; one resource policy and one
// stack policy that read nothing; srguard with every check's verdict a pass, bench/verdicts-pass.ts) and srguard with
// each SDK fast path (SRGUARD_SDK_FAST_PATHS), each in its own process (the fast paths patch the SDK once per process).
//
//   node -r ./bench/ts.js bench/sdk-micro.ts [--size N] [--passes N]

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import { scanFile } from "../gate/scan";
import { buildRequests } from "./analyzer";
import { generateExport } from "./gen-export";
import { verdictsPassDist } from "./verdicts-pass";

const ROOT = path.resolve(__dirname, "..");
/** The compiled pack (bench/run.ts points it at its snapshot of dist/policies). */
const PACK_DIST = process.env["SRGUARD_BENCH_PACK_DIST"] ?? path.join(ROOT, "dist", "policies");
/** Its copy with every check's verdict a pass (bench/verdicts-pass.ts), made by `microBench` for the children. */
const PASS_DIST_ENV = "SRGUARD_BENCH_PASS_DIST";

export interface MicroResult {
    readonly variant: string;
    readonly resources: number;
    /** CPU µs per Analyze, first pass (cold: what a preview pays) and the median of the later passes (warm). */
    readonly analyzeColdUs: number;
    readonly analyzeWarmUs: number;
    /** CPU ms of one AnalyzeStack (cold, then warm median). */
    readonly stackColdMs: number;
    readonly stackWarmMs: number;
    readonly responseBytes: number;
}

type Callback = (err: unknown, res: { serializeBinary(): Uint8Array } | undefined) => void;
type Handler = (call: { request: unknown }, cb: Callback) => unknown;

/** Runs in the child: loads the pack's policies the way policies/index.ts does, without a server. */
async function child(variant: string, file: string, passes: number): Promise<MicroResult> {
    // `<mode>+upstream`: the SDK with bench/upstream's patches applied (before it is loaded)
    const [mode = "on", upstream] = variant.split("+");
    if (upstream === "upstream") require(path.join(ROOT, "bench", "upstream", "apply.js"));
    const sdkDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
    const sdkRequire = createRequire(path.join(sdkDir, "server.js"));
    const grpc = sdkRequire("@grpc/grpc-js") as { Server: { prototype: Record<string, unknown> } };
    // No socket: capture the service implementation the SDK registers.
    let impl: Record<string, Handler> | undefined;
    // and the Analyze and AnalyzeStack deserializers it registers (srguard's read the requests off their bytes)
    type Deserialize = (bytes: Buffer) => unknown;
    let deserializeAnalyze: Deserialize | undefined;
    let deserializeStack: Deserialize | undefined;
    const proto = grpc.Server.prototype;
    proto["addService"] = function (service: Record<string, { requestDeserialize?: Deserialize } | undefined>, implementation: Record<string, Handler>) {
        impl = implementation;
        deserializeAnalyze = service["analyze"]?.requestDeserialize;
        deserializeStack = service["analyzeStack"]?.requestDeserialize;
    };
    proto["bindAsync"] = function () {
        /* not listening */
    };
    let policies: readonly unknown[] = [];
    if (mode === "one-policy") {
        // the second floor: one resource policy and one stack policy that read nothing, on the plain SDK (bench/packs/one-policy)
        const one = require(path.join(ROOT, "bench", "packs", "one-policy", "policy.js")) as { readsNothing: unknown; stackReadsNothing: unknown };
        policies = [one.readsNothing, one.stackReadsNothing];
    } else if (mode !== "empty") {
        // `verdicts-pass`: srguard (every fast path) with no check's code run (the third floor)
        let dist = PACK_DIST;
        if (mode === "verdicts-pass") {
            const passDist = process.env[PASS_DIST_ENV];
            if (!passDist) throw new Error(`${PASS_DIST_ENV} is not set (microBench sets it for its children)`);
            dist = passDist;
        }
        process.env["SRGUARD_SDK_FAST_PATHS"] = mode === "verdicts-pass" ? "on" : mode;
        const { installSdkFastPaths } = require(path.join(dist, "core", "sdk-contract.js")) as typeof import("../policies/core/sdk-contract");
        installSdkFastPaths();
        const api = require(path.join(dist, "api.js")) as typeof import("../policies/api");
        policies = api.packArgs().policies ?? [];
    }
    const server = sdkRequire("./server.js") as { serve: (...a: unknown[]) => void };
    server.serve("bench", "0.0.0", "advisory", { policies }, undefined);
    if (!impl || !deserializeAnalyze || !deserializeStack) throw new Error("the SDK registered no service, or its Analyze methods without deserializers");
    const [requestOf, stackOf] = [deserializeAnalyze, deserializeStack];
    const analyze = impl["analyze"] as Handler;
    const analyzeStack = impl["analyzeStack"] as Handler;
    const pb = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"))("./analyzer_pb.js") as typeof analyzerPbTypes;

    const stack = scanFile(file);
    const requests = buildRequests(stack);
    const call = (h: Handler, request: unknown) =>
        new Promise<number>((resolve, reject) => {
            void h({ request }, (err, res) => (err || !res ? reject(err ?? new Error("no response")) : resolve(res.serializeBinary().length)));
        });
    const cpuMs = () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
    };
    const analyzeUs: number[] = [];
    const stackMs: number[] = [];
    let bytes = 0;
    for (let pass = 0; pass < passes; pass++) {
        // Decoding the requests is grpc-js's work, not timed, with the deserializers the pack registered (srguard's
        // read the requests off their bytes and decode what a policy asks for in the handler, where it is timed).
        const decoded = requests.analyze.map((b) => requestOf(b));
        const stackRequest = stackOf(requests.analyzeStack);
        let t = cpuMs();
        bytes = 0;
        for (let i = 0; i < decoded.length; i += 64) {
            const sizes = await Promise.all(decoded.slice(i, i + 64).map((r) => call(analyze, r)));
            for (const s of sizes) bytes += s;
        }
        analyzeUs.push(((cpuMs() - t) * 1000) / decoded.length);
        t = cpuMs();
        await call(analyzeStack, stackRequest);
        stackMs.push(cpuMs() - t);
    }
    const warm = (xs: number[]) => {
        const s = xs.slice(1).sort((a, b) => a - b);
        return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
    };
    return {
        variant,
        resources: requests.analyze.length,
        analyzeColdUs: analyzeUs[0] ?? NaN,
        analyzeWarmUs: warm(analyzeUs),
        stackColdMs: stackMs[0] ?? NaN,
        stackWarmMs: warm(stackMs),
        responseBytes: bytes / requests.analyze.length,
    };
}

export const MICRO_VARIANTS = ["empty", "one-policy", "verdicts-pass", "off", "off+upstream", "decode", "route", "route,decode", "route,decode,stack", "on", "route,decode+upstream"] as const;

/** Runs every variant in its own process (round-robin `rounds` times) and returns the median per variant. */
export function microBench(size: number, passes: number, rounds = 1): MicroResult[] {
    const file = path.join(ROOT, "bench", "tmp", `export-${size}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(generateExport(size)));
    const passDist = verdictsPassDist(PACK_DIST, path.join(ROOT, "bench", "tmp", "verdicts-pass-dist"));
    const runs = new Map<string, MicroResult[]>();
    for (let round = 0; round < rounds; round++) {
        for (const variant of MICRO_VARIANTS) {
            const out = execFileSync(process.execPath, ["-r", path.join(ROOT, "bench", "ts.js"), __filename, "--child", variant, file, String(passes)], {
                encoding: "utf8",
                maxBuffer: 1 << 20,
                env: { ...process.env, [PASS_DIST_ENV]: passDist },
            });
            const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as MicroResult;
            runs.set(variant, [...(runs.get(variant) ?? []), r]);
        }
    }
    const med = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return s[Math.floor(s.length / 2)] ?? NaN;
    };
    return MICRO_VARIANTS.map((variant) => {
        const rs = runs.get(variant) ?? [];
        return {
            variant,
            resources: rs[0]?.resources ?? 0,
            analyzeColdUs: med(rs.map((r) => r.analyzeColdUs)),
            analyzeWarmUs: med(rs.map((r) => r.analyzeWarmUs)),
            stackColdMs: med(rs.map((r) => r.stackColdMs)),
            stackWarmMs: med(rs.map((r) => r.stackWarmMs)),
            responseBytes: rs[0]?.responseBytes ?? 0,
        };
    });
}

if (require.main === module) {
    const i = process.argv.indexOf("--child");
    if (i > 0) {
        const [variant, file, passes] = process.argv.slice(i + 1);
        child(variant ?? "on", file ?? "", Number(passes ?? "3"))
            .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
            .catch((e: unknown) => {
                process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
                process.exit(1);
            });
    } else {
        const opt = (name: string, fallback: string) => {
            const j = process.argv.indexOf(name);
            return j > 0 ? (process.argv[j + 1] ?? fallback) : fallback;
        };
        const results = microBench(Number(opt("--size", "10000")), Number(opt("--passes", "3")), Number(opt("--rounds", "1")));
        for (const r of results) {
            process.stdout.write(
                `${r.variant.padEnd(8)} Analyze ${r.analyzeColdUs.toFixed(0).padStart(5)} µs cold ${r.analyzeWarmUs.toFixed(0).padStart(5)} µs warm` +
                    `  AnalyzeStack ${r.stackColdMs.toFixed(0).padStart(5)} ms cold ${r.stackWarmMs.toFixed(0).padStart(5)} ms warm  response ${r.responseBytes.toFixed(0)} B\n`,
            );
        }
    }
}
