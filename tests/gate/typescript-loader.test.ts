// The runner's TypeScript loader (gate/typescript-loader.ts) keeps what it compiles: a file compiled before, with the
// same source, tsconfig and compiler, is run from the cache without loading the compiler; anything else is compiled
// again; a syntax error is never kept. Each run is its own Node process, as each runner is.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuilt } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-tsload-"));
const cacheDir = path.join(dir, "node_modules", ".cache", "srguard-typescript");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
    ensureBuilt();
    fs.mkdirSync(path.join(dir, "node_modules"));
});

interface Run {
    readonly value?: unknown;
    readonly error?: string;
    /** How many times the loader asked for the compiler. */
    readonly compilerLoads: number;
}

/** Requires `entry` under the loader in a fresh `node` (compiler identity `identity`; null: none). */
function run(entry: string, identity: string | null = "ts-under-test"): Run {
    const script = `
let loads = 0;
const compiler = () => { loads++; return require(${JSON.stringify(require.resolve("typescript"))}); };
require(${JSON.stringify(path.join(ROOT, "dist", "gate", "typescript-loader.js"))}).registerTypeScript(${JSON.stringify(dir)}, compiler, ${identity === null ? "{}" : `{ compilerIdentity: ${JSON.stringify(identity)} }`});
let out;
try { out = { value: require(${JSON.stringify(path.join(dir, entry))}).value }; } catch (e) { out = { error: String(e.message) }; }
process.stdout.write(JSON.stringify({ ...out, compilerLoads: loads }));`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" })) as Run;
}

const cached = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.endsWith(".js")).length : 0);

describe("the runner's TypeScript loader", () => {
    it("runs a file it compiled before from the project's cache, without loading the compiler", () => {
        fs.writeFileSync(path.join(dir, "a.ts"), `import { b } from "./b";\nexport const value: string = \`a+\${b}\`;\n`);
        fs.writeFileSync(path.join(dir, "b.ts"), `export const b: number = 2;\n`);
        expect(run("a.ts")).toEqual({ value: "a+2", compilerLoads: 1 });
        expect(cached()).toBe(2);
        expect(run("a.ts")).toEqual({ value: "a+2", compilerLoads: 0 });
    });

    it("compiles again what changed: the source, the tsconfig, the compiler", () => {
        fs.writeFileSync(path.join(dir, "b.ts"), `export const b: number = 3;\n`);
        expect(run("a.ts")).toEqual({ value: "a+3", compilerLoads: 1 });
        expect(run("a.ts")).toEqual({ value: "a+3", compilerLoads: 0 });
        // a tsconfig that changes the output (the class field semantics): compiled again, and its output used
        fs.writeFileSync(path.join(dir, "c.ts"), `class C { x = 1; constructor() { (this as any).y = "x" in this; } }\nexport const value = (new C() as any).y;\n`);
        const before = run("c.ts");
        fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES5" } }));
        expect(run("c.ts").compilerLoads).toBe(1);
        expect(run("c.ts")).toEqual({ value: before.value, compilerLoads: 0 });
        expect(run("c.ts", "another-compiler").compilerLoads).toBe(1);
        fs.rmSync(path.join(dir, "tsconfig.json"));
    });

    it("keeps no syntax error, and nothing without a compiler identity", () => {
        fs.writeFileSync(path.join(dir, "broken.ts"), `export const value = ;\n`);
        const n = cached();
        for (let i = 0; i < 2; i++) {
            const r = run("broken.ts");
            expect(r.error).toMatch(/^broken\.ts\(1,22\): Expression expected/);
            expect(r.compilerLoads).toBe(1);
        }
        expect(cached()).toBe(n);
        fs.writeFileSync(path.join(dir, "d.ts"), `export const value: number = 4;\n`);
        expect(run("d.ts", null)).toEqual({ value: 4, compilerLoads: 1 });
        expect(run("d.ts", null)).toEqual({ value: 4, compilerLoads: 1 });
        expect(cached()).toBe(n);
    });
});
