// Where the gate's own files are, whether it runs compiled (dist/gate/*.js) or from source (gate/*.ts, in tests).

import * as fs from "node:fs";
import * as path from "node:path";

const compiled = path.basename(path.dirname(__dirname)) === "dist";

/** The repository (package) root. */
export const REPO_ROOT = compiled ? path.resolve(__dirname, "..", "..") : path.resolve(__dirname, "..");

/** srguard's own pack: `<repo>/policies` (its `main` loads the compiled pack the build copies into `policies/dist/`). */
export const DEFAULT_PACK_DIR = path.join(REPO_ROOT, "policies");

/** The program runner is always run compiled: a child process cannot load TypeScript. */
export function runnerPath(): string {
    const here = path.join(__dirname, "runner.js");
    return fs.existsSync(here) ? here : path.join(REPO_ROOT, "dist", "gate", "runner.js");
}

/**
 * The folder `name` in the `.cache` of the nearest `node_modules` above `dir` (inclusive), where the runner keeps what
 * it compiled for a project (as babel and eslint keep theirs); undefined when there is no node_modules above.
 */
export function projectCacheDir(dir: string, name: string): string | undefined {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
        const nm = path.join(d, "node_modules");
        if (fs.existsSync(nm)) return path.join(nm, ".cache", name);
        if (path.dirname(d) === d) return undefined;
    }
}

/**
 * Writes `data` into a project cache file whole or not at all (written aside, then renamed, so that a reader never
 * sees half of it); on a read-only or full disk nothing is kept, and the caller compiles again next time.
 */
export function keepInCache(file: string, data: string | Uint8Array): void {
    const aside = `${file}.${process.pid}.tmp`;
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(aside, data);
        fs.renameSync(aside, file);
    } catch {
        try {
            fs.rmSync(aside, { force: true });
        } catch {
            // there was no folder to write it in
        }
    }
}
