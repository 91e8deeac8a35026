// The TypeScript loader of the program runner: `.ts` files are compiled with `transpileModule` as they are required
// (syntax errors only; no type check), CommonJS whatever the program's tsconfig says.

import * as fs from "node:fs";
import * as path from "node:path";
import type { tsTypes } from "./sdk-contract";
import { compiledSource } from "./stack-traces";
import { type JsonObject, isJsonObject } from "./wire";

/**
 * Compiles `.ts` files as they are required, with `compiler` (sdk-contract.ts `loadTypeScript`), honouring the
 * compilerOptions of `programDir`/tsconfig.json. The SDK's own ts-node registration type-checks; this does not.
 */
export function registerTypeScript(programDir: string, compiler: typeof tsTypes): void {
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
    options = {
        ...options,
        module: compiler.ModuleKind.CommonJS,
        moduleResolution: compiler.ModuleResolutionKind.NodeJs,
        verbatimModuleSyntax: false,
        inlineSourceMap: true,
        sourceMap: false,
        declaration: false,
        noEmit: false,
    };
    const extensions = require.extensions as NodeJS.RequireExtensions;
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const out = compiler.transpileModule(source, { fileName: filename, compilerOptions: options, reportDiagnostics: true });
        // Syntax errors only (option diagnostics have no file, and type errors are not looked for).
        const syntax = out.diagnostics?.find((d) => d.category === compiler.DiagnosticCategory.Error && d.file !== undefined);
        if (syntax) {
            const where = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
            const text = compiler.flattenDiagnosticMessageText(syntax.messageText, " ");
            throw new SyntaxError(`${path.relative(programDir, filename)}${where ? `(${where.line + 1},${where.character + 1})` : ""}: ${text}`);
        }
        // Its frames are mapped through the inline source map (stack-traces.ts), without Node's source maps.
        compiledSource(filename, out.outputText);
        (module as NodeJS.Module & { _compile(code: string, file: string): void })._compile(out.outputText, filename);
    };
}

