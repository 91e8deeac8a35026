// The pack starts from one script (policies/dist/pack.js, written by tools/pack-folders.ts at the end of the build)
// with V8's code cache of it (policies/dist/pack.cache), instead of ~260 module files: it must hold every compiled
// module, answer with the same pack as the module files, and come with a cache this Node.js accepts.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { wrap } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE, BUNDLE_CACHE } from "../../tools/pack-folders";
import { ROOT, ensureBuilt } from "./helpers";

const DIST = path.join(ROOT, "policies", "dist");

function compiledModules(dir: string, rel = ""): string[] {
    return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
        const r = rel ? `${rel}/${e.name}` : e.name;
        return e.isDirectory() ? compiledModules(dir, r) : e.name.endsWith(".js") && r !== BUNDLE ? [r] : [];
    });
}

/** Node's answer, in a child process: the policies (name, level, config schema) loaded one way or the other. */
function packFrom(how: "bundle" | "files"): { readonly policies: readonly unknown[]; readonly cacheRejected?: boolean; readonly loadedFiles: number } {
    const script = `
        const fs = require("fs"), path = require("path"), vm = require("vm"), { createRequire, wrap } = require("module");
        const dist = ${JSON.stringify(DIST)};
        let api, cacheRejected;
        if (${JSON.stringify(how)} === "bundle") {
            const file = path.join(dist, ${JSON.stringify(BUNDLE)});
            const script = new vm.Script(wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData: fs.readFileSync(path.join(dist, ${JSON.stringify(BUNDLE_CACHE)})) });
            cacheRejected = script.cachedDataRejected;
            const holder = { exports: {} };
            script.runInThisContext().call(holder.exports, holder.exports, createRequire(file), holder, file, dist);
            api = holder.exports("api.js");
        } else api = require(path.join(dist, "api.js"));
        const policies = api.packArgs().policies.map((p) => ({ name: p.name, level: p.enforcementLevel, schema: p.configSchema ?? null, stack: typeof p.validateStack === "function" }));
        const loadedFiles = Object.keys(require.cache).filter((f) => f.startsWith(dist + path.sep)).length;
        process.stdout.write(JSON.stringify({ policies, cacheRejected, loadedFiles }));
    `;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: DIST, encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`${how}: ${r.stderr}`);
    return JSON.parse(r.stdout) as { policies: unknown[]; cacheRejected?: boolean; loadedFiles: number };
}

beforeAll(() => ensureBuilt(), 300_000);

describe("the pack's one-script build (dist/pack.js)", () => {
    it("holds every compiled module of the pack", () => {
        const source = fs.readFileSync(path.join(DIST, BUNDLE), "utf8");
        const modules = compiledModules(DIST);
        expect(modules.length).toBeGreaterThan(200);
        for (const id of modules) expect(source.includes(`${JSON.stringify(id)}: function (exports, require, module, __filename, __dirname) {`), id).toBe(true);
    });

    it("answers with the same pack as the module files, without reading them", () => {
        const files = packFrom("files");
        const bundle = packFrom("bundle");
        expect(bundle.policies).toEqual(files.policies);
        expect(bundle.policies.length).toBeGreaterThan(200);
        expect(files.loadedFiles).toBeGreaterThan(200);
        expect(bundle.loadedFiles).toBe(0);
    });

    it("comes with a code cache this Node.js accepts", () => {
        expect(packFrom("bundle").cacheRejected).toBe(false);
        // a cache made for other source is refused by V8 (the pack then compiles as usual)
        const other = new vm.Script(wrap("module.exports = 1;"), { cachedData: fs.readFileSync(path.join(DIST, BUNDLE_CACHE)) });
        expect(other.cachedDataRejected).toBe(true);
    });
});
