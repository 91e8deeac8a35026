// Stack traces in the program runner: formatted as Node formats them, with the program's own frames source-mapped
// (see `formatProgramStacks`), at the cost of those frames only.

import { SourceMap, type SourceMapPayload, type SourceMapping } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Node's magic comment (lib/internal/source_map/source_map_cache.js): the last one in a file counts. */
const MAPPING_URL = /\/[*/]#\s+sourceMappingURL=(?<url>[^\s]+)/g;

/** Source maps of the program's files, by file name (`undefined`: the file has none). */
const maps = new Map<string, SourceMap | undefined>();

/** The map a `sourceMappingURL` names, its sources made absolute against `base` (a file URL), as Node reads it. */
function readMap(url: string, base: string): SourceMap | undefined {
    let text: string;
    if (url.startsWith("data:")) {
        const [format = "", data = ""] = url.slice("data:".length).split(",");
        const parts = format.split(";");
        if (parts[0] !== "application/json") return undefined;
        text = parts[parts.length - 1] === "base64" ? Buffer.from(data, "base64").toString("utf8") : data;
    } else {
        const file = new URL(url, base);
        text = fs.readFileSync(file, "utf8");
        base = file.href;
    }
    const payload = JSON.parse(text) as SourceMapPayload & { sourceRoot?: string };
    const root = payload.sourceRoot ?? "";
    return new SourceMap({ ...payload, sourceRoot: "", sources: payload.sources.map((s) => new URL(root + s, base).href) });
}

/** The source map `code` (the JavaScript run for `file`) carries, if any: read as Node reads it, `undefined` on error. */
function mapOf(file: string, code: string): SourceMap | undefined {
    let url: string | undefined;
    for (const m of code.matchAll(MAPPING_URL)) url = m.groups?.["url"];
    if (url === undefined) return undefined;
    try {
        return readMap(url, pathToFileURL(file).href);
    } catch {
        return undefined; // as Node: a map that cannot be read maps nothing
    }
}

/** Records the JavaScript a loader compiled for `file` (typescript-loader.ts), for mapping its frames. */
export function compiledSource(file: string, code: string): void {
    maps.set(file, mapOf(file, code));
}

/** The map of a program file: the one its loader recorded, else the one the file on disk names (read once). */
function sourceMapFor(file: string): SourceMap | undefined {
    if (maps.has(file)) return maps.get(file);
    let map: SourceMap | undefined;
    try {
        map = mapOf(file, fs.readFileSync(file, "utf8"));
    } catch {
        map = undefined;
    }
    maps.set(file, map);
    return map;
}

export interface StackFormat {
    /** Map the frames of the program's own files through their source maps (TypeScript programs). */
    readonly mapProgramFrames: boolean;
}

/**
 * Formats every stack in the runner as Node does (`Error.prepareStackTrace`: the header, then `    at <frame>` per
 * frame), except that with `mapProgramFrames`, frames of the program's own files (under its folder, outside
 * node_modules) are mapped as Node maps them (lib/internal/source_map/prepare_stack_trace.js `serializeJSStackFrame`),
 * from the source maps of the files the loader compiled (`compiledSource`) or that name one — without turning Node's
 * source maps on, which would read and index the source map of every SDK module as it loads (a fifth of a small
 * program's run) and map every SDK frame of every stack; the SDK takes each resource's source position from the
 * program's mapped frame.
 */
export function formatProgramStacks(programDir: string, format: StackFormat): void {
    const nodeFormat = Error.prepareStackTrace;
    const root = path.resolve(programDir) + path.sep;
    const ownFile = new Map<string, boolean>();
    const isOwn = (file: string): boolean => {
        let own = ownFile.get(file);
        if (own === undefined) ownFile.set(file, (own = file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)));
        return own;
    };
    const mapped = (site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string => {
        const file = site.getFileName();
        if (!file || !isOwn(file)) return `${site}`;
        const sm = sourceMapFor(file);
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
    const { mapProgramFrames } = format;
    Error.prepareStackTrace = (error: Error, trace: NodeJS.CallSite[]): string => {
        // The header as Node writes it (`Name [CODE]: message` for Node's own errors).
        const head = nodeFormat ? String(nodeFormat(error, [])) : Error.prototype.toString.call(error);
        let out = head;
        trace.forEach((site, i) => {
            let text: string;
            try {
                text = mapProgramFrames ? mapped(site, trace[i + 1]) : `${site}`;
            } catch {
                text = `${site}`; // as Node does when a source map cannot be read
            }
            out += `\n    at ${text}`;
        });
        return out;
    };
}
