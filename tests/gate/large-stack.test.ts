// A 10,000-resource `pulumi stack export` is evaluated end to end by the CLI with every Node process (the gate and
// the pack it starts) held to a 1 GiB heap: running out of memory would crash the run instead of reporting.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, expect, it } from "vitest";
import { generateExport } from "../../bench/gen-export";
import { CLI, ensureBuilt } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-large-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("evaluates a 10,000-resource export within a 1 GiB heap per process", () => {
    ensureBuilt();
    const file = path.join(dir, "export-10000.json");
    fs.writeFileSync(file, JSON.stringify(generateExport(10_000)));
    const r = spawnSync(process.execPath, [CLI, "scan", file, "--format", "json"], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=1024" },
        timeout: 240_000,
    });
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    const report = JSON.parse(r.stdout) as { summary: { resources: number; mandatory: number } };
    expect(report.summary.resources).toBeGreaterThanOrEqual(10_000);
    expect(report.summary.mandatory).toBeGreaterThan(0);
}, 300_000);
