// Where a pack's time goes: runs a pack under V8's CPU profiler (started as the CLI starts it), sends it every Analyze
// of a generated stack and the AnalyzeStack, stops it cleanly so that the profile is written, and sums the profile's
// self time by package and by function.
//
//   node -r ./bench/ts.js bench/profile.ts [--pack DIR] [--size N] [--env K=V] [--top N]
//
// The pack's start-up is not profiled (compare `npm run bench`'s start-up rows for it).

import * as fs from "node:fs";
import * as path from "node:path";
import { GateSession } from "../gate/session";
import { RawAnalyzer, buildRequests } from "./analyzer";
import { generateExport } from "./gen-export";
import { scanFile } from "../gate/scan";

const ROOT = path.resolve(__dirname, "..");
const TMP = path.join(ROOT, "bench", "tmp");

interface ProfileNode {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
}
export interface CpuProfile {
    readonly nodes: readonly ProfileNode[];
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
    readonly totalMs: number;
    /** Self time by bucket (package or category), largest first. */
    readonly byBucket: readonly { readonly bucket: string; readonly ms: number }[];
    readonly byFunction: readonly { readonly fn: string; readonly bucket: string; readonly ms: number }[];
}

/** The start of a preload that drives V8's profiler in its process through the inspector (sampling every 200 µs). */
export const PROFILER_SESSION: readonly string[] = [
    '"use strict";',
    'const inspector = require("node:inspector");',
    'const fs = require("node:fs");',
    "const session = new inspector.Session();",
    "session.connect();",
    'session.post("Profiler.enable");',
    'session.post("Profiler.setSamplingInterval", { interval: 200 });',
];

/** Which part of the stack a frame belongs to. */
function bucketOf(url: string, fn: string): string {
    if (!url) {
        if (fn === "(garbage collector)") return "garbage collection";
        if (fn === "(idle)" || fn === "(program)" || fn === "(root)") return fn;
        return "V8 / native";
    }
    if (url.startsWith("node:")) return "node core";
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m?.[1]) {
        if (m[1] === "@pulumi/policy") {
            const file = url.slice(url.lastIndexOf("/") + 1);
            return `@pulumi/policy (${file})`;
        }
        return m[1];
    }
    if (url.includes("/dist/policies/") || url.includes("/snapshot/policies/dist/")) return "srguard policies";
    if (url.includes("/dist/gate/")) return "srguard gate";
    return "other";
}

export function summarize(profile: CpuProfile, top = 25): ProfileSummary {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const buckets = new Map<string, number>();
    const fns = new Map<string, { bucket: string; us: number }>();
    let total = 0;
    for (const [id, us] of self) {
        const n = byId.get(id);
        if (!n) continue;
        const { functionName, url, lineNumber } = n.callFrame;
        const bucket = bucketOf(url, functionName);
        if (bucket === "(idle)") continue;
        total += us;
        buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
        const key = `${functionName || "(anonymous)"} ${url ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/dist\//, "dist/")}:${lineNumber + 1}` : ""}`.trim();
        const f = fns.get(key) ?? { bucket, us: 0 };
        f.us += us;
        fns.set(key, f);
    }
    return {
        totalMs: total / 1000,
        byBucket: [...buckets].map(([bucket, us]) => ({ bucket, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
        byFunction: [...fns]
            .map(([fn, v]) => ({ fn, bucket: v.bucket, ms: v.us / 1000 }))
            .sort((a, b) => b.ms - a.ms)
            .slice(0, top),
    };
}

/** Profiles one pack's Analyze calls and its AnalyzeStack over one generated stack (the .cpuprofile files stay in bench/tmp/prof). */
export async function profilePack(
    packDir: string,
    size: number,
    env: Readonly<Record<string, string>> = {},
    top = 25,
): Promise<{ readonly analyze: ProfileSummary; readonly analyzeStack: ProfileSummary }> {
    const dir = path.join(TMP, "prof", `${path.basename(packDir)}-${size}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    // --cpu-prof is not allowed in NODE_OPTIONS: a preload drives V8's profiler through the inspector. SIGUSR2 starts
    // a profile, the next SIGUSR2 writes it as <n>.cpuprofile (so start-up and each call can be profiled apart).
    const preload = path.join(dir, "profile-preload.js");
    fs.writeFileSync(
        preload,
        [
            ...PROFILER_SESSION,
            "let running = false;",
            "let n = 0;",
            'process.on("SIGUSR2", () => {',
            '    if (!running) { running = true; session.post("Profiler.start"); return; }',
            "    running = false;",
            '    session.post("Profiler.stop", (err, r) => {',
            `        if (!err) fs.writeFileSync(${JSON.stringify(dir)} + "/" + (++n) + ".cpuprofile.tmp", JSON.stringify(r.profile));`,
            `        fs.renameSync(${JSON.stringify(dir)} + "/" + n + ".cpuprofile.tmp", ${JSON.stringify(dir)} + "/" + n + ".cpuprofile");`,
            "    });",
            "});",
            "",
        ].join("\n"),
    );
    const file = path.join(TMP, `export-${size}.json`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(generateExport(size)));
    const stack = scanFile(file);
    const requests = buildRequests(stack);
    const saved = { ...process.env };
    Object.assign(process.env, env, { NODE_OPTIONS: `--require=${preload}` });
    // (spawn copies the environment synchronously: restored right after the pack starts)
    let session: GateSession;
    try {
        session = await GateSession.open({ packDir });
    } finally {
        process.env = saved;
    }
    const client = new RawAnalyzer(session.pack.port);
    const pid = session.pack.pid;
    if (pid === undefined) throw new Error("no pack process");
    const profiled = async (n: number, work: () => Promise<unknown>): Promise<ProfileSummary> => {
        process.kill(pid, "SIGUSR2");
        await new Promise((r) => setTimeout(r, 200));
        await work();
        process.kill(pid, "SIGUSR2");
        const f = path.join(dir, `${n}.cpuprofile`);
        const deadline = Date.now() + 30_000;
        while (!fs.existsSync(f)) {
            if (Date.now() > deadline) throw new Error(`no profile written in ${dir}`);
            await new Promise((r) => setTimeout(r, 100));
        }
        return summarize(JSON.parse(fs.readFileSync(f, "utf8")) as CpuProfile, top);
    };
    try {
        await session.pack.configureStack(stack);
        const analyze = await profiled(1, () => client.analyzeAll(requests.analyze, 64));
        const analyzeStack = await profiled(2, () => client.call("AnalyzeStack", requests.analyzeStack));
        return { analyze, analyzeStack };
    } finally {
        client.close();
        session.close();
    }
}

if (require.main === module) {
    const opt = (name: string, fallback: string) => {
        const i = process.argv.indexOf(name);
        return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
    };
    const env: Record<string, string> = {};
    process.argv.forEach((a, i) => {
        if (a === "--env") {
            const [k, ...v] = (process.argv[i + 1] ?? "").split("=");
            if (k) env[k] = v.join("=");
        }
    });
    profilePack(path.resolve(opt("--pack", path.join(ROOT, "policies"))), Number(opt("--size", "10000")), env, Number(opt("--top", "30")))
        .then((both) => {
            for (const [what, s] of [["Analyze", both.analyze], ["AnalyzeStack", both.analyzeStack]] as const) {
                const line = (a: string, ms: number) => `${ms.toFixed(0).padStart(8)} ms  ${((ms / s.totalMs) * 100).toFixed(1).padStart(5)}%  ${a}`;
                process.stdout.write(`== ${what}: ${s.totalMs.toFixed(0)} ms of CPU (not idle)\n\nby package:\n`);
                for (const b of s.byBucket.filter((x) => x.ms >= 1)) process.stdout.write(`${line(b.bucket, b.ms)}\n`);
                process.stdout.write("\ntop functions (self time):\n");
                for (const f of s.byFunction) process.stdout.write(`${line(f.fn, f.ms)}\n`);
                process.stdout.write("\n");
            }
        })
        .catch((e: unknown) => {
            process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
            process.exit(1);
        });
}
