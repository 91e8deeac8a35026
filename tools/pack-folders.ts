// The two policy-pack folders as self-contained packages — what `pulumi policy publish` uploads (it runs `npm pack`
// in the folder of PulumiPolicy.yaml) and what an enforcing machine installs (`npm install` in the extracted folder,
// then `@pulumi/pulumi/cmd/run-policy-pack` resolved from it):
//
//   policies/            srguard's pack: main.js (loads dist/pack.js, or says in one line what to build),
//                        dist/ (the compiled pack), package.json (version and dependencies derived from the root
//                        package.json and package-lock.json), npm-shrinkwrap.json (the root lockfile's subtree)
//   examples/team-pack/  a platform team's pack: dist/ (compiled), package.json (declares srguard and the SDKs)
//
// `node dist/tools/pack-folders.js build` (the end of `npm run build`) copies the compiled JavaScript into each
// folder's dist/; `node dist/tools/pack-folders.js sync` (`npm run pack:sync`, and `npm version`) rewrites the derived
// parts of policies/package.json, policies/npm-shrinkwrap.json and the team pack's srguard dependency.
// tests/publish/manifest.test.ts fails when they are stale.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, path.basename(path.dirname(__dirname)) === "dist" ? "../.." : "..");

/** A pack folder and where the root build (tsconfig.build.json, outDir dist) compiles its sources. */
export interface PackFolder {
    readonly dir: string;
    readonly compiled: string;
}

export const POLICY_PACK: PackFolder = { dir: path.join(ROOT, "policies"), compiled: path.join(ROOT, "dist", "policies") };
export const TEAM_PACK: PackFolder = {
    dir: path.join(ROOT, "examples", "team-pack"),
    compiled: path.join(ROOT, "dist", "examples", "team-pack"),
};

/** What the compiled pack requires at run time (everything else is `import type` or Node's own). */
export const PACK_RUNTIME_DEPENDENCIES = ["@pulumi/policy", "@pulumi/pulumi"] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function readJson(file: string): JsonObject {
    return JSON.parse(fs.readFileSync(file, "utf8")) as JsonObject;
}

function obj(v: Json | undefined): JsonObject {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
}

/** The TypeScript sources of a folder (not its dist/ or node_modules/), relative to it. */
function sources(dir: string, rel = ""): string[] {
    const out: string[] = [];
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const r = path.join(rel, e.name);
        if (e.isDirectory()) {
            if (e.name !== "dist" && e.name !== "node_modules") out.push(...sources(dir, r));
        } else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(r);
    }
    return out.sort();
}

/**
 * Replaces `folder/dist` with the compiled JavaScript of the folder's current sources (one .js per .ts: outputs of
 * sources that were deleted since are not carried along). A source without output (one created while tsc ran) is
 * named on stderr and left out; tsc's own exit status is what fails a build.
 */
export function copyCompiled(folder: PackFolder): number {
    const files = sources(folder.dir)
        .map((f) => f.replace(/\.ts$/, ".js"))
        .filter((f) => {
            if (fs.existsSync(path.join(folder.compiled, f))) return true;
            console.error(`pack-folders: warning: ${path.relative(ROOT, path.join(folder.compiled, f))} is missing (not compiled yet?)`);
            return false;
        });
    const dist = path.join(folder.dir, "dist");
    const staging = `${dist}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(staging, f)), { recursive: true });
        fs.copyFileSync(path.join(folder.compiled, f), path.join(staging, f));
    }
    if (folder === POLICY_PACK) writeBundle(staging, files);
    // Swap in one step, so that a pack started meanwhile sees the old dist or the new one, never half of one.
    const old = `${dist}.old-${process.pid}`;
    if (fs.existsSync(dist)) fs.renameSync(dist, old);
    fs.renameSync(staging, dist);
    fs.rmSync(old, { recursive: true, force: true });
    return files.length;
}

/** The pack's compiled modules as one script (what policies/main.js loads), and V8's code cache of it. */
export const BUNDLE = "pack.js";
export const BUNDLE_CACHE = "pack.cache";

/**
 * Writes `dist/pack.js`: every compiled module of the pack as a function in one script, with a CommonJS `require`
 * that answers relative specifiers from the script and every other one as Node does from dist/. Loading one script
 * instead of ~260 files spares the pack's start-up the module resolution and file reads (every preview starts the
 * pack). Then `dist/pack.cache`: V8's code cache of the script after loading the policies (policies/main.js makes it
 * when SRGUARD_PACK_BUILD_DIR is set), so that a start-up on the same Node.js compiles almost nothing; on another
 * Node.js V8 rejects the cache and compiles as usual.
 */
function writeBundle(dist: string, files: readonly string[]): void {
    const ids = files.map((f) => f.split(path.sep).join("/")).filter((f) => f !== BUNDLE);
    const parts = [
        '"use strict";',
        "// Generated by tools/pack-folders.ts (npm run build) from the compiled pack in this folder: do not edit.",
        "module.exports = (function () {",
        'const path = require("path");',
        "const defs = {",
        ...ids.map((id) => `${JSON.stringify(id)}: function (exports, require, module, __filename, __dirname) {\n${fs.readFileSync(path.join(dist, id), "utf8")}\n},`),
        "};",
        "const loaded = {};",
        "function idOf(dir, spec) {",
        "    const id = path.posix.join(dir, spec);",
        '    return [id + ".js", id, id + "/index.js"].find((c) => Object.prototype.hasOwnProperty.call(defs, c));',
        "}",
        "function load(id) {",
        "    const hit = loaded[id];",
        "    if (hit) return hit.exports;",
        "    const module = { exports: {} };",
        "    loaded[id] = module;",
        "    const filename = path.join(__dirname, id);",
        "    const dir = path.posix.dirname(id);",
        "    const req = (spec) => {",
        '        if (!spec.startsWith(".")) return require(spec);',
        "        const target = idOf(dir, spec);",
        "        return target === undefined ? require(path.join(path.dirname(filename), spec)) : load(target);",
        "    };",
        "    req.resolve = require.resolve;",
        "    defs[id].call(module.exports, module.exports, req, module, filename, path.dirname(filename));",
        "    return module.exports;",
        "}",
        "return load;",
        "})();",
        "",
    ];
    fs.writeFileSync(path.join(dist, BUNDLE), parts.join("\n"));
    const made = spawnSync(process.execPath, [path.join(POLICY_PACK.dir, "main.js")], {
        env: { ...process.env, SRGUARD_PACK_BUILD_DIR: dist },
        encoding: "utf8",
    });
    if (made.status !== 0 || !fs.existsSync(path.join(dist, BUNDLE_CACHE))) {
        throw new Error(`the pack's code cache was not made: ${(made.stderr || made.error?.message || "no output").trim().split("\n")[0] ?? ""}`);
    }
}

/** The lockfile packages the pack needs: the closure of its runtime dependencies, as the root lockfile resolves them. */
function lockClosure(lock: JsonObject, roots: readonly string[]): Map<string, JsonObject> {
    // (A subset of a resolved tree that is closed under resolution resolves every kept package the same way.)
    const packages = obj(lock["packages"]);
    const found = new Map<string, JsonObject>();
    /** Where Node (and npm) finds `name` from the package at `from`: the nearest node_modules up the tree. */
    const resolve = (from: string, name: string): string | undefined => {
        let base = from;
        for (;;) {
            const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
            if (packages[candidate]) return candidate;
            if (!base) return undefined;
            const i = base.lastIndexOf("/node_modules/");
            base = i < 0 ? "" : base.slice(0, i);
        }
    };
    const visit = (key: string) => {
        if (found.has(key)) return;
        const entry = obj(packages[key]);
        found.set(key, entry);
        const deps = { ...obj(entry["dependencies"]), ...obj(entry["optionalDependencies"]) };
        const optionalPeers = obj(entry["peerDependenciesMeta"]);
        for (const name of Object.keys(obj(entry["peerDependencies"]))) {
            if (obj(optionalPeers[name])["optional"] !== true) deps[name] = "";
        }
        for (const name of Object.keys(deps)) {
            const target = resolve(key, name);
            // An optional dependency for another platform is not in the lockfile: npm skips it there too.
            if (target) visit(target);
        }
    };
    for (const name of roots) {
        const key = `node_modules/${name}`;
        if (!packages[key]) throw new Error(`package-lock.json has no ${key}`);
        visit(key);
    }
    return found;
}

/** The lockfile fields that describe an installed package (not the root project's dev/peer bookkeeping). */
function lockEntry(entry: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(entry)) {
        if (k === "dev" || k === "peer" || k === "devOptional") continue;
        out[k] = v;
    }
    return out;
}

/**
 * The lockfile entries (`packages`, keyed `node_modules/...`) that install `names` and everything they need, exactly as
 * the root lockfile pins them.
 */
export function lockedSubtree(names: readonly string[]): Record<string, JsonObject> {
    const lock = readJson(path.join(ROOT, "package-lock.json"));
    const closure = lockClosure(lock, names);
    const out: Record<string, JsonObject> = {};
    for (const key of [...closure.keys()].sort()) out[key] = lockEntry(closure.get(key) ?? {});
    return out;
}

export interface PackManifest {
    readonly packageJson: string;
    readonly shrinkwrap: string;
}

/**
 * policies/package.json and policies/npm-shrinkwrap.json as they must be: the version of the root package.json (one
 * source: `npm version` at the root), the runtime dependencies pinned to what the root lockfile installed, and their
 * subtree of the lockfile, so that every enforcing machine installs exactly what srguard was tested with.
 */
export function expectedPackManifest(): PackManifest {
    const rootPkg = readJson(path.join(ROOT, "package.json"));
    const lock = readJson(path.join(ROOT, "package-lock.json"));
    const current = readJson(path.join(POLICY_PACK.dir, "package.json"));
    const packages = obj(lock["packages"]);
    const dependencies: JsonObject = {};
    for (const name of PACK_RUNTIME_DEPENDENCIES) {
        const version = obj(packages[`node_modules/${name}`])["version"];
        if (typeof version !== "string") throw new Error(`package-lock.json has no version for ${name}`);
        dependencies[name] = version;
    }
    const version = rootPkg["version"];
    if (typeof version !== "string") throw new Error("package.json has no version");
    const pkg: JsonObject = { ...current, version, dependencies };
    const name = current["name"];
    // The root entry as npm writes it (so that `npm install` in the extracted pack leaves the file as it is).
    const rootEntry: JsonObject = { name: typeof name === "string" ? name : "srguard-pack", version };
    if (current["license"] !== undefined) rootEntry["license"] = current["license"];
    rootEntry["dependencies"] = dependencies;
    if (current["engines"] !== undefined) rootEntry["engines"] = current["engines"];
    const lockPackages: JsonObject = { "": rootEntry };
    Object.assign(lockPackages, lockedSubtree(PACK_RUNTIME_DEPENDENCIES));
    const shrinkwrap: JsonObject = {
        name: typeof name === "string" ? name : "srguard-pack",
        version,
        lockfileVersion: 3,
        requires: true,
        packages: lockPackages,
    };
    return { packageJson: `${JSON.stringify(pkg, null, 2)}\n`, shrinkwrap: `${JSON.stringify(shrinkwrap, null, 2)}\n` };
}

export const PACK_PACKAGE_JSON = path.join(POLICY_PACK.dir, "package.json");
export const PACK_SHRINKWRAP = path.join(POLICY_PACK.dir, "npm-shrinkwrap.json");
export const TEAM_PACK_PACKAGE_JSON = path.join(TEAM_PACK.dir, "package.json");

/** examples/team-pack/package.json as it must be: it depends on the srguard of this repository's version. */
export function expectedTeamPackageJson(): string {
    const version = readJson(path.join(ROOT, "package.json"))["version"];
    const current = readJson(TEAM_PACK_PACKAGE_JSON);
    const dependencies = { ...obj(current["dependencies"]), srguard: `^${String(version)}` };
    return `${JSON.stringify({ ...current, dependencies }, null, 2)}\n`;
}

function main(command: string | undefined): number {
    if (command === "build") {
        for (const folder of [POLICY_PACK, TEAM_PACK]) {
            const n = copyCompiled(folder);
            console.log(`${path.relative(ROOT, path.join(folder.dir, "dist"))}: ${n} compiled files`);
        }
        return 0;
    }
    if (command === "sync") {
        const m = expectedPackManifest();
        fs.writeFileSync(PACK_PACKAGE_JSON, m.packageJson);
        fs.writeFileSync(PACK_SHRINKWRAP, m.shrinkwrap);
        fs.writeFileSync(TEAM_PACK_PACKAGE_JSON, expectedTeamPackageJson());
        const written = [PACK_PACKAGE_JSON, PACK_SHRINKWRAP, TEAM_PACK_PACKAGE_JSON].map((f) => path.relative(ROOT, f));
        console.log(`wrote ${written.join(", ")}`);
        return 0;
    }
    console.error("usage: node dist/tools/pack-folders.js build|sync");
    return 2;
}

if (require.main === module) {
    try {
        process.exitCode = main(process.argv[2]);
    } catch (e) {
        console.error(`pack-folders: ${(e as Error).message}`);
        process.exitCode = 1;
    }
}
