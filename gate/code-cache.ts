// V8's code cache for what a program loads from node_modules (@pulumi/pulumi, the provider SDKs, their
// dependencies: about 1,500 modules for a program on both clouds), kept in the project's
// `node_modules/.cache/srguard-v8` beside the runner's compiled TypeScript. Compiling those modules was about a sixth
// of a runner's CPU; with the cache V8 reads the bytecode of every function the last run compiled instead. Only how a
// module is compiled changes: it runs as Node runs it (the same wrapper parameters, `this`, `require`, file and line
// positions), and a module whose source is not exactly the cached one's is compiled afresh. What it relies on of
// Node's CommonJS loader (`Module.prototype._compile`, `Module._resolveFilename`, `_resolveLookupPaths`, `_extensions`,
// `_cache`) is held to Node's own behaviour by tests/gate/code-cache.test.ts.

import { hash } from "node:crypto";
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import { keepInCache } from "./paths";

/** Changes whenever the layout of the cache file or the wrapper changes (it is part of the file's name). */
const CACHE_VERSION = "1";

/** Node's CommonJS wrapper, its body on the lines the module's own source is on (the script starts one line up). */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) {\n";
const WRAPPER_TAIL = "\n})";

/** One cached module: its file, the hash of its source, and where its code cache is in the file's data. */
type Entry = readonly [file: string, source: string, offset: number, length: number];

export interface CodeCache {
    /** Modules served from the cache so far. */
    readonly hits: number;
    /** Modules compiled from source so far (not cached, changed, or refused by V8). */
    readonly compiled: number;
    /** Writes what this process compiled into the cache (nothing when everything came from it); never throws. */
    save(): void;
}

interface NodeModule {
    exports: unknown;
    require(id: string): unknown;
    _compile(content: string, filename: string, format?: string): unknown;
}

interface ModuleStatics {
    prototype: NodeModule;
    _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: { paths?: string[] }): string;
    _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
    _extensions: NodeJS.RequireExtensions;
    _cache: NodeJS.Dict<NodeJS.Module>;
}

/** The cache file for this Node.js (V8 refuses a cache made by another version, or with other flags). */
function cacheFile(dir: string): string {
    return path.join(dir, `v${CACHE_VERSION}-node${process.version}-${process.arch}.bin`);
}

/** The entries and data of a cache file: a JSON line of entries, then the data; empty when missing or malformed. */
function readCache(file: string): { entries: Map<string, Entry>; data: Buffer } {
    const empty = { entries: new Map<string, Entry>(), data: Buffer.alloc(0) };
    let buf: Buffer;
    try {
        buf = fs.readFileSync(file);
    } catch {
        return empty;
    }
    const eol = buf.indexOf(10);
    if (eol < 0) return empty;
    let list: unknown;
    try {
        list = JSON.parse(buf.subarray(0, eol).toString("utf8"));
    } catch {
        return empty;
    }
    if (!Array.isArray(list)) return empty;
    const data = buf.subarray(eol + 1);
    const entries = new Map<string, Entry>();
    for (const e of list as unknown[]) {
        if (!Array.isArray(e) || e.length !== 4) return empty;
        const [f, source, offset, length] = e as unknown[];
        if (typeof f !== "string" || typeof source !== "string" || !Number.isInteger(offset) || !Number.isInteger(length)) return empty;
        if ((offset as number) < 0 || (length as number) <= 0 || (offset as number) + (length as number) > data.length) return empty;
        entries.set(f, [f, source, offset as number, length as number]);
    }
    return { entries, data };
}

/** Whether `filename` is a CommonJS file of an installed package (what the cache is for). */
function isPackageScript(filename: string): boolean {
    return filename.includes(`${path.sep}node_modules${path.sep}`) && (filename.endsWith(".js") || filename.endsWith(".cjs"));
}

/**
 * A module that may call `import()`: on Node 20 a script whose code comes from a cache loses its dynamic-import
 * callback (the call fails with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so such a module is left to Node. Not
 * counted: `import(` right after a quote, or after a quote and `typeof ` (neither can be code: in JavaScript a string
 * is never followed by a call; TypeScript's own messages are, which would otherwise leave its 9 MB to Node).
 */
const DYNAMIC_IMPORT = /(?<!['"`]|['"`]typeof )\bimport\s*\(/;

/**
 * Compiles every CommonJS module loaded from a node_modules folder from here on with V8's code cache kept in
 * `dir` (one file per Node.js version). Anything else — the program's own files, ES modules, a file V8 cannot parse
 * as CommonJS — Node compiles as it always does.
 */
export function cacheModuleCode(dir: string): CodeCache {
    const file = cacheFile(dir);
    const { entries, data } = readCache(file);
    const statics = Module as unknown as ModuleStatics;
    const nodeCompile = statics.prototype._compile;
    /** Scripts compiled from source this run, by file: their code cache is made when the cache is saved. */
    const fresh = new Map<string, { source: string; script: vm.Script }>();
    let hits = 0;

    statics.prototype._compile = function (this: NodeModule, content: string, filename: string, format?: string): unknown {
        if (format === "module" || !isPackageScript(filename)) return nodeCompile.call(this, content, filename, format);
        const source = hash("sha1", content, "base64");
        const entry = entries.get(filename);
        const cached = entry !== undefined && entry[1] === source;
        // A cached source was looked for `import(` when it was cached (DYNAMIC_IMPORT changes with CACHE_VERSION).
        if (!cached && DYNAMIC_IMPORT.test(content)) return nodeCompile.call(this, content, filename, format);
        const cachedData = cached ? data.subarray(entry[2], entry[2] + entry[3]) : undefined;
        // A hashbang is a comment to Node; inside the wrapper it has to be one.
        const body = content.startsWith("#!") ? `//${content.slice(2)}` : content;
        let script: vm.Script;
        try {
            script = new vm.Script(WRAPPER_HEAD + body + WRAPPER_TAIL, {
                filename,
                lineOffset: -1,
                ...(cachedData ? { cachedData } : {}),
            });
        } catch {
            // Not CommonJS as it stands (an ES module Node detects, or a syntax error it reports its own way).
            return nodeCompile.call(this, content, filename, format);
        }
        if (cachedData && !script.cachedDataRejected) hits++;
        else fresh.set(filename, { source, script });
        const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
        // `require` as Node makes it for a module (lib/internal/modules/helpers.js makeRequireFunction).
        const mod = this;
        const require = function require(id: string): unknown {
            return mod.require(id);
        } as NodeJS.Require;
        const resolve = ((request: string, options?: { paths?: string[] }) => statics._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
        resolve.paths = (request: string) => statics._resolveLookupPaths(request, mod);
        require.resolve = resolve;
        require.main = process.mainModule;
        require.extensions = statics._extensions;
        require.cache = statics._cache;
        return Reflect.apply(wrapper, mod.exports, [mod.exports, require, mod, filename, path.dirname(filename)]);
    };

    return {
        get hits() {
            return hits;
        },
        get compiled() {
            return fresh.size;
        },
        save() {
            if (fresh.size === 0) return;
            const parts: Buffer[] = [];
            const list: Entry[] = [];
            let offset = 0;
            const add = (f: string, source: string, code: Buffer) => {
                list.push([f, source, offset, code.length]);
                parts.push(code);
                offset += code.length;
            };
            // What other programs loaded stays, while its file exists.
            for (const [f, [, source, at, length]] of entries) {
                if (!fresh.has(f) && fs.existsSync(f)) add(f, source, data.subarray(at, at + length));
            }
            // Made now, after the program ran, it holds every function the program called, not only the top level.
            for (const [f, { source, script }] of fresh) add(f, source, script.createCachedData());
            keepInCache(file, Buffer.concat([Buffer.from(`${JSON.stringify(list)}\n`), ...parts]));
        },
    };
}
