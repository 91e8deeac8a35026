// The runner's stack format (gate/stack-traces.ts): the program's own frames mapped through their source maps exactly
// as Node's own source maps (`--enable-source-maps`) map them, without turning those on; every other frame as V8
// prints it. Each side runs in its own Node process, as the runner does.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuilt } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-stacks-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(() => ensureBuilt());

// Types and generics shift the columns, and enums and classes the lines, between the TypeScript and its JavaScript.
const SOURCE = `interface Opts { readonly name: string; readonly size?: number }
enum Kind { A = "a", B = "b" }
export class Maker<T extends Opts> {
    private readonly made: T[] = [];
    constructor(private readonly prefix: string) {}
    public make(o: T): string { const k: Kind = Kind.B; if (o.size === undefined) throw new Error(\`\${this.prefix} \${k}\`); return o.name; }
}
export const run = (n: string): string => new Maker<Opts>("p").make({ name: n } as Opts);
export function viaArrow(): string[] { return ["x"].map((s: string): string => run(s)); }
`;

/** `e.stack` of the error `viaArrow()` throws, in a fresh `node` with `args`, requiring `entry` (after `setup`). */
function stackOf(args: readonly string[], entry: string, setup = ""): string {
    // The setup on the script's first line, so that the script's own frame is the same with and without it.
    const script = `${setup.replace(/\n/g, " ")}\ntry { require(${JSON.stringify(entry)}).viaArrow(); } catch (e) { process.stdout.write(e.stack); }`;
    return execFileSync(process.execPath, [...args, "-e", script], { cwd: dir, encoding: "utf8" });
}

const framesOf = (stack: string, file: string) => stack.split("\n").filter((l) => l.includes(file));

const RUNNER_SETUP = (mapProgramFrames: boolean, typescript: boolean, programDir = dir) => `
const { formatProgramStacks } = require(${JSON.stringify(path.join(ROOT, "dist", "gate", "stack-traces.js"))});
formatProgramStacks(${JSON.stringify(programDir)}, { mapProgramFrames: ${mapProgramFrames} });
${typescript ? `require(${JSON.stringify(path.join(ROOT, "dist", "gate", "typescript-loader.js"))}).registerTypeScript(${JSON.stringify(dir)}, () => require(${JSON.stringify(require.resolve("typescript"))}));` : ""}`;

describe("the runner's stack format", () => {
    const ts = require("typescript") as typeof import("typescript");
    const tsFile = path.join(dir, "maker.ts");
    fs.writeFileSync(tsFile, SOURCE);

    it("maps a TypeScript file the loader compiled as Node maps the same JavaScript with its inline source map", () => {
        // The loader's output for maker.ts, as a file Node loads with its own source maps.
        const compiled = ts.transpileModule(SOURCE, {
            fileName: tsFile,
            compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, inlineSourceMap: true },
        }).outputText;
        fs.writeFileSync(path.join(dir, "maker-node.js"), compiled);
        const node = framesOf(stackOf(["--enable-source-maps"], "./maker-node.js"), "maker.ts");
        const ours = framesOf(stackOf([], "./maker.ts", RUNNER_SETUP(true, true)), "maker.ts");
        expect(node.length).toBeGreaterThanOrEqual(3);
        expect(ours).toEqual(node);
        // Mapped: line 6 of the TypeScript throws (the JavaScript's line differs).
        expect(ours[0]).toMatch(/maker\.ts:6:\d+\)$/);
    });

    it("maps the program's own JavaScript through the .map file it names, as Node does", () => {
        const out = path.join(dir, "bin");
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--outDir", out, "--sourceMap", "--module", "commonjs", "--target", "es2020", tsFile]);
        expect(fs.existsSync(path.join(out, "maker.js.map"))).toBe(true);
        const node = framesOf(stackOf(["--enable-source-maps"], "./bin/maker.js"), "maker.ts");
        const ours = framesOf(stackOf([], "./bin/maker.js", RUNNER_SETUP(true, false)), "maker.ts");
        expect(node.length).toBeGreaterThanOrEqual(3);
        expect(ours).toEqual(node);
    });

    it("without mapping, formats every stack as Node does by default", () => {
        fs.writeFileSync(path.join(dir, "plain.js"), 'exports.viaArrow = () => ["x"].map((s) => { throw new TypeError(`bad ${s}`); });\n');
        expect(stackOf([], "./plain.js", RUNNER_SETUP(false, false))).toBe(stackOf([], "./plain.js"));
        // Even a program's JavaScript with a source map is not mapped then (as Node without source maps).
        expect(framesOf(stackOf([], "./bin/maker.js", RUNNER_SETUP(false, false)), "maker.ts")).toEqual([]);
    });

    it("leaves frames outside the program's folder unmapped", () => {
        // The same compiled file, run from a folder that is not the program's: Node's source maps are not used.
        const elsewhere = stackOf([], path.join(dir, "bin", "maker.js"), RUNNER_SETUP(true, false, path.join(dir, "other")));
        expect(framesOf(elsewhere, "maker.ts")).toEqual([]);
        expect(framesOf(elsewhere, path.join("bin", "maker.js")).length).toBeGreaterThanOrEqual(3);
    });
});
