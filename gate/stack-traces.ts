// Stack traces in the program runner: source-mapped for the program's own frames only (see `mapOnlyProgramFrames`).

import { type SourceMapping, findSourceMap } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Stack traces with source maps on, at the cost of the program's frames only. Once source maps are enabled, Node
 * formats every frame of every stack through its source-map cache (a file URL per frame, and SDK frames mapped back to
 * the SDK's own TypeScript) — and the SDK captures a stack for every resource (its whole depth, for the source
 * position) and for every promise it makes (debuggable.js): that was about a quarter of the runner's CPU. Frames of
 * the program's own files (under its folder, outside node_modules) are mapped exactly as Node maps them
 * (lib/internal/source_map/prepare_stack_trace.js `serializeJSStackFrame`); every other frame is printed as V8 prints
 * it. The source position the SDK takes from the program's frame is unchanged.
 */
export function mapOnlyProgramFrames(programDir: string): void {
    const nodeFormat = Error.prepareStackTrace;
    const root = path.resolve(programDir) + path.sep;
    const ownFile = new Map<string, boolean>();
    const isOwn = (file: string): boolean => {
        let own = ownFile.get(file);
        if (own === undefined) ownFile.set(file, (own = file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)));
        return own;
    };
    const frame = (site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string => {
        const file = site.getFileName();
        if (!file || !isOwn(file)) return `${site}`;
        const sm = findSourceMap(file);
        const line = site.getLineNumber();
        const column = site.getColumnNumber();
        if (!sm || line === null || column === null) return `${site}`;
        const entry: Partial<SourceMapping> & { name?: string } = sm.findEntry(line - 1, column - 1);
        const { originalLine, originalColumn, originalSource } = entry;
        if (originalSource === undefined || originalLine === undefined || originalColumn === undefined) return `${site}`;
        // The original symbol name: the enclosing function's, else the caller's (same file).
        const enclosingLine = site.getEnclosingLineNumber();
        const enclosingColumn = site.getEnclosingColumnNumber();
        let name: string | undefined =
            enclosingLine && enclosingColumn ? (sm.findEntry(enclosingLine - 1, enclosingColumn - 1) as { name?: string }).name : undefined;
        if (!name && caller && caller.getFileName() === file) {
            const cl = caller.getLineNumber();
            const cc = caller.getColumnNumber();
            if (cl !== null && cc !== null) name = (sm.findEntry(cl - 1, cc - 1) as { name?: string }).name;
        }
        const source = originalSource.startsWith("file://") ? fileURLToPath(originalSource) : originalSource;
        const fnName = site.getFunctionName() ?? site.getMethodName();
        const prefix = site.isAsync() ? "async " : site.isConstructor() ? "new " : "";
        const typeName = site.getTypeName();
        const originalName = `${typeName !== null && typeName !== "global" ? `${typeName}.` : ""}${fnName || "<anonymous>"}`;
        const mappedName = name && name !== originalName ? name : originalName;
        return `${prefix}${mappedName} (${source}:${originalLine + 1}:${originalColumn + 1})`;
    };
    Error.prepareStackTrace = (error: Error, trace: NodeJS.CallSite[]): string => {
        // The header as Node writes it (`Name [CODE]: message` for Node's own errors).
        const head = nodeFormat ? String(nodeFormat(error, [])) : Error.prototype.toString.call(error);
        let out = head;
        trace.forEach((site, i) => {
            let text: string;
            try {
                text = frame(site, trace[i + 1]);
            } catch {
                text = `${site}`; // as Node does when a source map cannot be read
            }
            out += `\n    at ${text}`;
        });
        return out;
    };
}

