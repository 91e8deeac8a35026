// Measures the gate on a generated stack export, with the compiled gate (run `npm run build` first):
//
//   node -r ./bench/ts.js bench/gate-bench.ts [COUNT=1000] [--runs N] [--concurrency N] [--pack DIR]
//
// Prints: gate start → the pack's port line, spawn → port line, gate start → first Analyze result, the evaluation
// time (ConfigureStack, every Analyze, AnalyzeStack), the gate's own CPU, and resources per second.

import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type * as sessionTypes from "../gate/session";
import type * as scanTypes from "../gate/scan";
import { generateExport } from "./gen-export";
import * as fs from "node:fs";

const root = path.resolve(__dirname, "..");
// "Gate start": before the compiled gate is loaded (the TypeScript loading of this benchmark itself is not counted;
// a `srguard` process reaches this point ~0.1 s after it starts).
const gateStart = performance.now();
const { GateSession } = require(path.join(root, "dist", "gate", "session.js")) as typeof sessionTypes;
const { scanFile } = require(path.join(root, "dist", "gate", "scan.js")) as typeof scanTypes;

function option(name: string, fallback: string): string {
    const i = process.argv.indexOf(name);
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
    const count = Number(process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "1000");
    const runs = Number(option("--runs", "3"));
    const concurrency = Number(option("--concurrency", "64"));
    const packDir = option("--pack", path.join(root, "policies"));
    const file = path.join(root, "bench", "tmp", `export-${count}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(generateExport(count)));

    const since = (t: number) => t - gateStart;
    const parseStart = performance.now();
    const stack = scanFile(file);
    const parseMs = performance.now() - parseStart;

    const packStart = performance.now();
    const session = await GateSession.open({ packDir, concurrency });
    const portAt = packStart + session.pack.startupMs;
    const readyAt = performance.now();
    let firstResultAt = 0;
    const evalMs: number[] = [];
    const cpuMs: number[] = [];
    try {
        for (let run = 0; run < runs; run++) {
            const t = performance.now();
            const cpu = process.cpuUsage();
            const result = await session.evaluate(stack, () => {
                if (!firstResultAt) firstResultAt = performance.now();
            });
            evalMs.push(performance.now() - t);
            const used = process.cpuUsage(cpu);
            cpuMs.push((used.user + used.system) / 1000);
            if (run === 0) {
                const mandatory = result.findings.filter((f) => f.enforcementLevel === "mandatory").length;
                process.stdout.write(`resources: ${result.resources}, findings: ${result.findings.length} (${mandatory} mandatory)\n`);
            }
        }
    } finally {
        session.close();
    }
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    const best = Math.min(...evalMs);
    process.stdout.write(
        [
            `export parse: ${fmt(parseMs)}`,
            `gate start → pack port line: ${fmt(since(portAt))} (spawn → port line: ${fmt(session.pack.startupMs)})`,
            `gate start → pack configured: ${fmt(since(readyAt))}`,
            `gate start → first Analyze result: ${fmt(since(firstResultAt))}`,
            `evaluation (${runs} runs, concurrency ${concurrency}): ${evalMs.map(fmt).join(", ")}`,
            `gate's own CPU per run (the rest is the pack's): ${cpuMs.map(fmt).join(", ")}`,
            `resources per second (best run): ${(stack.resources.length / (best / 1000)).toFixed(0)}`,
        ].join("\n") + "\n",
    );
}

void main();
