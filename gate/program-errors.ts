// Two things the program runner does for ordinary programs, kept apart from the SDK contract (they touch only Node):
//
// - `resolveJsToTs`: `import { x } from "./acl.js"` of a TypeScript file, the style TypeScript's own `NodeNext` and
//   `Bundler` resolution asks for: a relative `.js`/`.mjs`/`.cjs`/`.jsx` specifier that does not exist is looked up as
//   the TypeScript file the compiler maps it to (`.ts`/`.mts`/`.cts`/`.tsx`), as `tsc` resolves it;
// - `programFrame`: where in the program's own files an error was thrown (`index.ts:7`), from its stack (frames of
//   the program's files are source-mapped, stack-traces.ts), so that a failure names the line to look at.

import Module from "node:module";
import * as path from "node:path";

const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
    ".js": [".ts", ".tsx"],
    ".jsx": [".tsx"],
    ".mjs": [".mts"],
    ".cjs": [".cts"],
};

interface ResolvingModule {
    _resolveFilename(request: string, parent: NodeJS.Module | undefined, isMain: boolean, options?: unknown): string;
}

function isCodeNotFound(e: unknown): boolean {
    return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "MODULE_NOT_FOUND";
}

/** Resolves a relative `./x.js` of a program file to `./x.ts` when only the TypeScript file exists. */
export function resolveJsToTs(programDir: string): void {
    const root = path.resolve(programDir) + path.sep;
    const M = Module as unknown as ResolvingModule;
    const original = M._resolveFilename.bind(M);
    M._resolveFilename = (request, parent, isMain, options) => {
        try {
            return original(request, parent, isMain, options);
        } catch (e) {
            const ext = path.extname(request);
            const from = parent?.filename;
            const candidates = TS_FOR_JS[ext];
            if (!isCodeNotFound(e) || !candidates || !(request.startsWith("./") || request.startsWith("../")) || !from) throw e;
            if (!from.startsWith(root) || from.includes(`${path.sep}node_modules${path.sep}`)) throw e;
            for (const ts of candidates) {
                try {
                    return original(request.slice(0, -ext.length) + ts, parent, isMain, options);
                } catch (again) {
                    if (!isCodeNotFound(again)) throw again;
                }
            }
            throw e;
        }
    };
}

/** `index.ts:7` — the first frame of `error`'s stack in the program's own files (not node_modules), if any. */
export function programFrame(error: unknown, programDir: string): string | undefined {
    const stack = error instanceof Error ? error.stack : undefined;
    if (!stack) return undefined;
    const root = path.resolve(programDir) + path.sep;
    for (const line of stack.split("\n")) {
        const m = /^\s+at (?:.*?\()?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?\s*$/.exec(line);
        if (!m) continue;
        const file = (m[1] ?? "").replace(/^file:\/\//, "");
        if (!file.startsWith(root) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        return `${path.relative(root, file).split(path.sep).join("/")}:${m[2]}`;
    }
    return undefined;
}
