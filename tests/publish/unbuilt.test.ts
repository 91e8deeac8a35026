// A checkout whose dependencies are installed but nothing is built — what `npm ci --ignore-scripts` (common in CI)
// leaves: policies/ without dist/. Started as the Pulumi CLI starts it, the pack says in one line what to run, instead
// of the CLI falling back to index.ts under its vendored TypeScript 3.8 and printing type errors.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GateError } from "../../gate/errors";
import { PolicyPack } from "../../gate/pack";
import { CLI } from "../gate/helpers";
import { ROOT, ensureBuilt, tempDir } from "./helpers";

let clone: string;
let packDir: string;

beforeAll(() => {
    ensureBuilt(); // the gate that reports it is the built one; the pack under test is not built
    clone = tempDir("unbuilt");
    packDir = path.join(clone, "policies");
    fs.cpSync(path.join(ROOT, "policies"), packDir, {
        recursive: true,
        filter: (src) => !["dist", "node_modules"].includes(path.basename(src)) || path.dirname(src) !== path.join(ROOT, "policies"),
    });
    // The installed dependencies, as `npm ci --ignore-scripts` leaves them.
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
}, 60_000);

afterAll(() => {
    if (clone) fs.rmSync(clone, { recursive: true, force: true });
});

const HINT = "error: the srguard policy pack is not built (policies/dist/index.js is missing): run `npm run build` at the repository root";

describe("policies/ without a build", () => {
    it("has its sources but no dist/", () => {
        expect(fs.existsSync(path.join(packDir, "index.ts"))).toBe(true);
        expect(fs.existsSync(path.join(packDir, "dist"))).toBe(false);
    });

    it("started as the CLI starts it, exits non-zero with one line saying what to run", () => {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
        const r = spawnSync(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: packDir, encoding: "utf8", timeout: 60_000 });
        expect(r.status).not.toBe(0);
        expect(r.stdout).toBe("");
        expect(r.stderr.split("\n").filter((l) => l.trim() !== "")).toEqual([HINT]);
    }, 60_000);

    it("the gate reports the same line", async () => {
        let error: unknown;
        try {
            (await PolicyPack.start({ dir: packDir, display: "policies" })).close();
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(GateError);
        expect((error as Error).message).toBe(`policies: the policy pack failed to start (exit 1): ${HINT}`);
    }, 60_000);

    it("`srguard policies --pack` exits 2 with one line, no TypeScript errors", () => {
        const r = spawnSync(process.execPath, [CLI, "policies", "--pack", packDir], { cwd: clone, encoding: "utf8", timeout: 60_000 });
        expect(r.status).toBe(2);
        const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain("run `npm run build` at the repository root");
        expect(r.stderr).not.toMatch(/TSError|error TS\d+/);
    }, 60_000);
});
