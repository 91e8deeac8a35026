// Shared by the gate tests: the compiled gate (the pack and the program runner run compiled, in child processes),
// fixture paths, and running the CLI.

import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const FIXTURES = path.join(ROOT, "tests", "fixtures", "gate");
export const PROBE_PACK = path.join(FIXTURES, "probe-pack");
export const CLI = path.join(ROOT, "dist", "gate", "cli.js");

/** Config that leaves only the policy these tests rely on (others' policies come and go). */
export const ONLY_RETENTION = { all: "disabled", "aws-cloudwatch-log-group-configure-retention": "mandatory" } as const;
export const ONLY_RETENTION_FILE = path.join(FIXTURES, "only-retention.json");

export const SECRET_PLAINTEXT = "s3cr3t-owner-7f3a";

function newestMtime(dir: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
        else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
    return newest;
}

function builtAt(): number {
    const files = [CLI, path.join(ROOT, "dist", "gate", "runner.js"), path.join(ROOT, "dist", "policies", "index.js"), path.join(ROOT, "policies", "dist", "index.js")];
    return files.every((f) => fs.existsSync(f)) ? Math.min(...files.map((f) => fs.statSync(f).mtimeMs)) : 0;
}

function stale(): boolean {
    return builtAt() < Math.max(newestMtime(path.join(ROOT, "gate")), newestMtime(path.join(ROOT, "policies")));
}

/**
 * Builds dist/ and the pack folders' dist/ (`npm run build`) when gate/ or policies/ changed since the last build. Test files run in
 * parallel, so one builds under a lock and the others wait for it.
 */
export function ensureBuilt(): void {
    if (!stale()) return;
    const lock = path.join(ROOT, "dist", ".gate-test-build.lock");
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const deadline = Date.now() + 120_000;
    for (;;) {
        try {
            fs.mkdirSync(lock);
            break;
        } catch {
            // Someone else builds; a lock older than two minutes belongs to a run that died.
            try {
                if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
            } catch {
                // gone meanwhile
            }
            if (Date.now() > deadline) throw new Error("timed out waiting for another test file's build");
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
            if (!stale()) return;
        }
    }
    try {
        if (!stale()) return;
        try {
            execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
                cwd: ROOT,
                stdio: "pipe",
            });
        } catch {
            // Type errors elsewhere in the tree (policies being written) still emit JavaScript; what matters is below.
        }
        if (!fs.existsSync(CLI)) throw new Error("the build did not produce dist/gate/cli.js");
        // The rest of `npm run build`: the pack folders get their compiled JavaScript (tools/pack-folders.ts).
        execFileSync(process.execPath, [path.join(ROOT, "dist", "tools", "pack-folders.js"), "build"], { cwd: ROOT, stdio: "pipe" });
    } finally {
        fs.rmSync(lock, { recursive: true, force: true });
    }
}

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the compiled CLI from the repository root. */
export function runCli(args: readonly string[], cwd: string = ROOT): CliRun {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The JSON a probe-pack report carries (the last line of its message). */
export function probeReport(message: string): Record<string, unknown> {
    const last = message.split("\n").pop() ?? "";
    return JSON.parse(last) as Record<string, unknown>;
}

export function fixture(...parts: string[]): string {
    return path.join(FIXTURES, ...parts);
}
