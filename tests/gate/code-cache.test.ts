// The runner's code cache (gate/code-cache.ts): a package's modules run exactly as Node runs them (what a module sees
// of itself, its require, its stack frames), the second process takes their code from the cache, and a changed source,
// a damaged cache file, an ES module or a syntax error is compiled, or refused, by Node as it would be without the
// cache. Each run is its own Node process, as each runner is.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROOT, ensureBuilt } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-codecache-"));
const cacheDir = path.join(dir, "node_modules", ".cache", "srguard-v8");
const pkg = path.join(dir, "node_modules", "pkg");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a module observes of itself, as plain data (compared between runs with and without the cache). */
const INDEX = `#!/usr/bin/env node
"use strict";
const dep = require("./dep");
const frame = new Error("here").stack.split("\\n")[1];
module.exports = {
    thisIsExports: this === module.exports,
    filename: __filename,
    dirname: __dirname,
    resolved: require.resolve("./dep"),
    lookup: require.resolve.paths("anything"),
    inCache: require.cache[__filename] === module,
    main: require.main === process.mainModule,
    jsExtension: typeof require.extensions[".js"],
    strict: (function () { return this === undefined; })(),
    dep: dep.value,
    // Only in strings (as in TypeScript's messages): not a dynamic import, so this module is still cached.
    hint: "write a dynamic 'import(\\"x\\")' call, or use 'typeof import(\\"x\\")'",
    frame,
    later: () => new Error("later").stack.split("\\n")[1],
    imported: require("./dyn").imported,
};
`;

beforeAll(() => {
    ensureBuilt();
    fs.mkdirSync(path.join(pkg, "lib"), { recursive: true });
    fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "pkg", main: "index.js" }));
    fs.writeFileSync(path.join(pkg, "index.js"), INDEX);
    // A module that calls import() is Node's to compile (its callback would be lost with a cached script on Node 20).
    fs.writeFileSync(path.join(pkg, "dyn.js"), 'exports.imported = () => import("./esm.mjs").then((m) => m.value);\n');
    fs.writeFileSync(path.join(pkg, "esm.mjs"), "export const value = 'from an ES module';\n");
    fs.writeFileSync(path.join(pkg, "broken.js"), "module.exports = {;\n");
    const esm = path.join(dir, "node_modules", "esm-pkg");
    fs.mkdirSync(esm);
    fs.writeFileSync(path.join(esm, "package.json"), JSON.stringify({ name: "esm-pkg", type: "module", main: "index.js" }));
    fs.writeFileSync(path.join(esm, "index.js"), "export const value = 'esm';\n");
    fs.writeFileSync(path.join(dir, "own.js"), "module.exports = 'own';\n");
});

beforeEach(() => {
    fs.writeFileSync(path.join(pkg, "dep.js"), "exports.value = 'first';\n");
    fs.rmSync(cacheDir, { recursive: true, force: true });
});

interface Run {
    readonly seen: Record<string, unknown>;
    readonly hits?: number;
    readonly compiled?: number;
}

/** Loads the fixture package in a fresh `node`, with the cache (and saving it) or without. */
function run(withCache: boolean): Run {
    const script = `
const cache = ${withCache} ? require(${JSON.stringify(path.join(ROOT, "dist", "gate", "code-cache.js"))}).cacheModuleCode(${JSON.stringify(cacheDir)}) : undefined;
const attempt = (f) => { try { return f(); } catch (e) { return "threw " + e.name + ": " + String(e.message).split("\\n")[0]; } };
(async () => {
    const p = require("pkg");
    const seen = { ...p, later: p.later(), imported: await p.imported(), own: require("./own.js"), esm: attempt(() => require("esm-pkg").value), broken: attempt(() => require("pkg/broken.js")) };
    cache?.save();
    process.stdout.write(JSON.stringify({ seen, ...(cache ? { hits: cache.hits, compiled: cache.compiled } : {}) }));
})();
`;
    return JSON.parse(execFileSync(process.execPath, ["--no-warnings", "-e", script], { cwd: dir, encoding: "utf8" })) as Run;
}

describe("the runner's code cache", () => {
    it("a package's modules see what they see without it, compiled the first time and taken from the cache the next", () => {
        const plain = run(false);
        expect(plain.seen).toMatchObject({
            thisIsExports: true,
            inCache: true,
            main: true,
            strict: true,
            dep: "first",
            own: "own",
            esm: "esm",
            imported: "from an ES module",
            hint: 'write a dynamic \'import("x")\' call, or use \'typeof import("x")\'',
        });
        expect(plain.seen["frame"]).toMatch(/index\.js:4:15\)$/);
        expect(plain.seen["broken"]).toMatch(/^threw SyntaxError: /);
        const first = run(true);
        expect(first.seen).toEqual(plain.seen);
        // index.js and dep.js (own.js is not a package's; dyn.js calls import(); the ES module and the broken file are
        // Node's own to load).
        expect([first.hits, first.compiled]).toEqual([0, 2]);
        expect(fs.readdirSync(cacheDir)).toHaveLength(1);
        const second = run(true);
        expect(second.seen).toEqual(plain.seen);
        expect([second.hits, second.compiled]).toEqual([2, 0]);
    });

    it("a module whose source changed, even to one of the same length, is compiled afresh and runs as it is now", () => {
        run(true);
        fs.writeFileSync(path.join(pkg, "dep.js"), "exports.value = 'other';\n");
        const changed = run(true);
        expect(changed.seen["dep"]).toBe("other");
        expect([changed.hits, changed.compiled]).toEqual([1, 1]);
        expect(run(true)).toMatchObject({ hits: 2, compiled: 0 });
    });

    it("a cached module whose new source calls import() is left to Node, and stays so", () => {
        run(true);
        fs.writeFileSync(path.join(pkg, "dep.js"), "exports.value = typeof (() => import('./none.mjs'));\n");
        const changed = run(true);
        expect(changed.seen["dep"]).toBe("function");
        expect([changed.hits, changed.compiled]).toEqual([1, 0]);
        expect(run(true)).toMatchObject({ hits: 1, compiled: 0 });
    });

    it.each([
        ["garbage", Buffer.from("not a cache\n\u0000\u0001")],
        ["cut short", undefined],
    ])("a damaged cache file (%s) is ignored and written again", (_, content) => {
        run(true);
        const [name] = fs.readdirSync(cacheDir);
        const file = path.join(cacheDir, name ?? "");
        fs.writeFileSync(file, content ?? fs.readFileSync(file).subarray(0, 200));
        const damaged = run(true);
        expect(damaged.seen["dep"]).toBe("first");
        expect([damaged.hits, damaged.compiled]).toEqual([0, 2]);
        expect(run(true)).toMatchObject({ hits: 2, compiled: 0 });
    });

    it("a cache that cannot be written changes nothing but the next run's speed", () => {
        fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
        fs.writeFileSync(cacheDir, "a file where the folder should be");
        try {
            expect(run(true)).toMatchObject({ seen: { dep: "first" }, hits: 0, compiled: 2 });
            expect(run(true)).toMatchObject({ hits: 0, compiled: 2 });
        } finally {
            fs.rmSync(cacheDir, { force: true });
        }
    });
});
