// The TypeScript loader of the program runner: `.ts` files are compiled with `transpileModule` as they are required
// (syntax errors only; no type check), CommonJS whatever the program's tsconfig says. What it compiles it keeps in the
// project's `node_modules/.cache/srguard-typescript` (as babel and eslint keep theirs), keyed by everything the output
// depends on, so that a preview run again loads no compiler for files it has compiled before.

import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { keepInCache, projectCacheDir } from "./paths";
import type { tsTypes } from "./sdk-contract";
import { compiledSource } from "./stack-traces";
import { type JsonObject, isJsonObject } from "./wire";

/** Changes whenever what this loader emits for the same input changes (it is part of every cache key). */
const LOADER_VERSION = "1";

export interface TypeScriptLoaderOptions {
    /** Which compiler `compiler()` returns (sdk-contract.ts `typeScriptIdentity`); without it nothing is cached. */
    readonly compilerIdentity?: string;
    /** Where compiled files are kept (default: the nearest `node_modules/.cache/srguard-typescript` above the program). */
    readonly cacheDir?: string;
}

/** The compiler options for `programDir`: its tsconfig's, made CommonJS with an inline source map. */
function compilerOptions(programDir: string, compiler: typeof tsTypes): tsTypes.CompilerOptions {
    let options: tsTypes.CompilerOptions = { target: compiler.ScriptTarget.ES2020 };
    const tsconfig = path.join(programDir, "tsconfig.json");
    if (fs.existsSync(tsconfig)) {
        const read = compiler.readConfigFile(tsconfig, (f) => fs.readFileSync(f, "utf8"));
        const raw: unknown = read.config;
        const co = isJsonObject(raw as JsonObject) ? (raw as JsonObject)["compilerOptions"] : undefined;
        if (co !== undefined) options = { ...options, ...compiler.convertCompilerOptionsFromJson(co, programDir).options };
    }
    // CommonJS, whatever the tsconfig says (as the SDK's own ts-node registration falls back to); options that only
    // make sense for ES modules are dropped.
    return {
        ...options,
        module: compiler.ModuleKind.CommonJS,
        moduleResolution: compiler.ModuleResolutionKind.NodeJs,
        verbatimModuleSyntax: false,
        inlineSourceMap: true,
        sourceMap: false,
        declaration: false,
        noEmit: false,
    };
}

/**
 * Compiles `.ts` files as they are required, with the compiler `compiler()` returns (sdk-contract.ts
 * `loadTypeScript`; called on the first file not in the cache), honouring the compilerOptions of
 * `programDir`/tsconfig.json. The SDK's own ts-node registration type-checks; this does not.
 */
export function registerTypeScript(programDir: string, compiler: () => typeof tsTypes, opts: TypeScriptLoaderOptions = {}): void {
    let loaded: { readonly ts: typeof tsTypes; readonly options: tsTypes.CompilerOptions } | undefined;
    const load = () => {
        if (!loaded) {
            const ts = compiler();
            loaded = { ts, options: compilerOptions(programDir, ts) };
        }
        return loaded;
    };
    const cacheDir = opts.compilerIdentity === undefined ? undefined : (opts.cacheDir ?? projectCacheDir(programDir, "srguard-typescript"));
    const tsconfig = path.join(programDir, "tsconfig.json");
    const tsconfigText = fs.existsSync(tsconfig) ? fs.readFileSync(tsconfig, "utf8") : "";
    const cacheFile = (filename: string, source: string): string | undefined => {
        if (!cacheDir) return undefined;
        const key = createHash("sha256")
            .update(JSON.stringify([LOADER_VERSION, opts.compilerIdentity, path.resolve(programDir), tsconfigText, filename, source]))
            .digest("hex");
        return path.join(cacheDir, `${key}.js`);
    };
    const extensions = require.extensions as NodeJS.RequireExtensions;
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const cached = cacheFile(filename, source);
        let output: string | undefined;
        try {
            output = cached ? fs.readFileSync(cached, "utf8") : undefined;
        } catch {
            // not compiled before
        }
        if (output === undefined) {
            const { ts, options } = load();
            const out = ts.transpileModule(source, { fileName: filename, compilerOptions: options, reportDiagnostics: true });
            // Syntax errors only (option diagnostics have no file, and type errors are not looked for).
            const syntax = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error && d.file !== undefined);
            if (syntax) {
                const where = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
                const text = ts.flattenDiagnosticMessageText(syntax.messageText, " ");
                throw new SyntaxError(`${path.relative(programDir, filename)}${where ? `(${where.line + 1},${where.character + 1})` : ""}: ${text}`);
            }
            output = out.outputText;
            if (cached) keepInCache(cached, output);
        }
        // Its frames are mapped through the inline source map (stack-traces.ts), without Node's source maps.
        compiledSource(filename, output);
        (module as NodeJS.Module & { _compile(code: string, file: string): void })._compile(output, filename);
    };
}
