// Deferred requires (policies/core/deferred-modules.ts): a module required by a planned parent, for a planned request,
// runs only when the requiring code first uses what it holds, and from then on that is what it would have held — the
// module itself, or what TypeScript's `__importStar` / `__importDefault` would have returned for it (as the SDK's
// compiled modules define them, copied below). Every other require loads as Node loads it. Each case is its own Node
// process, as a runner or a pack is.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuilt } from "../../gate/helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-deferred-"));
const nm = path.join(dir, "node_modules");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** TypeScript's helpers, as @pulumi/pulumi's compiled modules define them. */
const HELPERS = `
var __importStar = function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (Object.hasOwnProperty.call(mod, k)) result[k] = mod[k];
    result["default"] = mod;
    return result;
};
var __importDefault = function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
`;

/** A package whose module records, on `globalThis.ran`, that it started to run. */
function writePackage(name: string, body: string): void {
    fs.mkdirSync(path.join(nm, name), { recursive: true });
    fs.writeFileSync(path.join(nm, name, "index.js"), `(globalThis.ran ??= []).push(${JSON.stringify(name)});\n${body}`);
}

beforeAll(() => {
    ensureBuilt();
    // A CommonJS function with properties (like npm's arborist), an ES module compiled to CommonJS, a plain object.
    writePackage("cjs", "function Tree() { return 'tree'; }\nTree.Tree = Tree;\nTree.version = 3;\nmodule.exports = Tree;\n");
    writePackage("esm", 'Object.defineProperty(exports, "__esModule", { value: true });\nexports.default = "the default";\nexports.named = "named";\n');
    writePackage("plain", "exports.parse = (s) => s.length;\n");
    writePackage("throws", "throw new Error('cannot load here');\n");
    // The requiring module: holds each the way the SDK's modules do, and reads none of them while it loads.
    writePackage(
        "sdk",
        `${HELPERS}
const star = __importStar(require("cjs"));
const esmStar = __importStar(require("esm"));
const def = __importDefault(require("cjs"));
const esmDef = __importDefault(require("esm"));
const held = require("plain");
const eager = require("plain/index.js");
const failing = __importStar(require("throws"));
module.exports = { star, esmStar, def, esmDef, held, eager, failing, ranAtLoad: [...globalThis.ran] };
`,
    );
}, 120_000);

/** Runs `body` in a fresh node, after deferring what `plan` says (sdk's requires), and returns what it printed. */
function run(plan: Record<string, string>, body: string): unknown {
    const script = `
const { deferModules } = require(${JSON.stringify(path.join(ROOT, "dist", "policies", "core", "deferred-modules.js"))});
const sdk = require.resolve("sdk");
const deferred = deferModules(new Map([[sdk, new Map(Object.entries(${JSON.stringify(plan)}))]]));
const m = require("sdk");
const out = (() => { ${body} })();
process.stdout.write(JSON.stringify({ out, ran: globalThis.ran, deferred: deferred.deferred.map((d) => d.split(" → ")[1]), loaded: deferred.loaded.map((d) => d.split(" → ")[1]) }));
`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" }));
}

const ALL = { cjs: "__importStar", esm: "__importStar", plain: "require", throws: "__importStar" } as const;

describe("a deferred require", () => {
    it("runs no planned module while the requiring module loads; the others run as Node runs them", () => {
        const r = run(ALL, "return m.ranAtLoad;") as { out: string[]; deferred: string[]; loaded: string[] };
        // plain/index.js is required by another request (its file), which is not planned.
        expect(r.out).toEqual(["sdk", "plain"]);
        expect(r.deferred).toEqual(["cjs", "esm", "cjs", "esm", "plain", "throws"]);
        expect(r.loaded).toEqual([]);
    });

    it("is, on first use, what __importStar would have returned: the named exports and `default` of a CommonJS module", () => {
        const r = run(ALL, "const t = require('cjs'); return [m.star.Tree === t, m.star.default === t, m.star.version, Object.keys(m.star).sort(), 'Tree' in m.star, m.star.default()];") as {
            out: unknown[];
            loaded: string[];
        };
        expect(r.out).toEqual([true, true, 3, ["Tree", "default", "version"], true, "tree"]);
        // The module ran once, for both holders, when first used.
        expect(r.loaded).toEqual(["cjs"]);
    });

    it("is an ES module itself for either helper, and `{ default }` of a CommonJS one for __importDefault", () => {
        const r = run(ALL, "return [m.esmStar.named, m.esmStar.default, m.esmDef.default, m.def.default === require('cjs'), Object.keys(m.esmStar).sort(), Object.getOwnPropertyDescriptor(m.esmStar, '__esModule')];") as {
            out: unknown[];
        };
        expect(r.out).toEqual(["named", "the default", "the default", true, ["default", "named"], { value: true, writable: false, enumerable: false, configurable: false }]);
    });

    it("held straight from require, is the module: its functions, its keys, the same values as the cached module's", () => {
        const r = run(ALL, "return [m.held.parse('abc'), Object.keys(m.held), m.held.parse === require('plain').parse, typeof m.held];") as { out: unknown[]; ran: string[] };
        expect(r.out).toEqual([3, ["parse"], true, "object"]);
        expect(r.ran.filter((n) => n === "plain")).toHaveLength(1);
    });

    it("a module that fails to load fails at its first use, with its own error, each time it is used", () => {
        const r = run(ALL, "const e = []; for (let i = 0; i < 2; i++) { try { m.failing.anything; } catch (x) { e.push(x.message); } } return e;") as { out: string[] };
        expect(r.out).toEqual(["cannot load here", "cannot load here"]);
    });

    it("only the planned parent's planned requests are deferred: the others load at once, in order", () => {
        const r = run({ plain: "require", throws: "__importStar" }, "return [m.ranAtLoad, require('cjs').version];") as { out: unknown[]; deferred: string[] };
        expect(r.out).toEqual([["sdk", "cjs", "esm", "plain"], 3]);
        expect(r.deferred).toEqual(["plain", "throws"]);
    });
});

describe("@pulumi/pulumi's requires that nothing reaches at load (sdk-contract.ts section 8)", () => {
    const sdkRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const CONTRACT = path.join(ROOT, "dist", "policies", "core", "sdk-contract.js");
    const NOT_LOADED = /@npmcli\/arborist\/|normalize-package-data\/|typescript\/lib\/typescript\.js$|@pulumi\/pulumi\/automation\/index\.js$/;

    /** Loads @pulumi/pulumi in a fresh node (deferring as `how` says) and uses what was deferred; returns what it saw. */
    function useSdk(how: "none" | "sdk" | "pack"): { atLoad: string[]; automation: string; serialized: string; codePaths: number; noted: string[] } {
        const script = `
const noted = [];
const contract = require(${JSON.stringify(CONTRACT)});
if (${JSON.stringify(how)} === "sdk") contract.deferUnreachedSdkModules(${JSON.stringify(sdkRoot)}, (what, why) => noted.push(what + ": " + why));
if (${JSON.stringify(how)} === "pack") contract.deferPackSdkModules(${JSON.stringify(path.join(ROOT, "policies", "dist"))});
const pulumi = require(${JSON.stringify(sdkRoot)});
const atLoad = Object.keys(require.cache).filter((f) => ${NOT_LOADED}.test(f));
(async () => {
    const fn = await pulumi.runtime.serializeFunction(() => 42);
    const paths = await pulumi.runtime.computeCodePaths({});
    process.stdout.write(JSON.stringify({ atLoad, automation: typeof pulumi.automation.LocalWorkspace, serialized: fn.text, codePaths: paths.size, noted }));
})();
`;
        return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SRGUARD_DEFER_SDK_MODULES: "" } }));
    }

    it("the SDK srguard pins makes every one of them exactly as the contract says", async () => {
        const { unreachedSdkRequires, UNREACHED_AT_LOAD } = await import("../../../policies/core/sdk-contract");
        const { plan, kept } = unreachedSdkRequires(sdkRoot);
        expect(kept).toEqual([]);
        expect([...plan.values()].reduce((n, m) => n + m.size, 0)).toBe(UNREACHED_AT_LOAD.length);
    });

    it("deferred, none of them loads with the SDK, and closure serialization and the automation API work as without", () => {
        const plain = useSdk("none");
        // Without deferring, the SDK loads all of them (so the assertion below can fail).
        expect(plain.atLoad.length).toBeGreaterThan(40);
        for (const how of ["sdk", "pack"] as const) {
            const deferred = useSdk(how);
            expect(deferred.atLoad).toEqual([]);
            expect(deferred.noted).toEqual([]);
            expect({ ...deferred, atLoad: plain.atLoad }).toEqual(plain);
        }
        expect(plain.automation).toBe("function");
    });

    it("an SDK that requires one of them otherwise keeps it (said once, naming it), and defers nothing it cannot check", async () => {
        const { unreachedSdkRequires, deferUnreachedSdkModules } = await import("../../../policies/core/sdk-contract");
        const other = path.join(dir, "other-sdk");
        fs.mkdirSync(path.join(other, "runtime", "closure"), { recursive: true });
        // arborist required straight (no helper); index.js and parseFunction.js missing.
        fs.writeFileSync(path.join(other, "runtime", "closure", "codePaths.js"), `${HELPERS}\nconst arborist = require("@npmcli/arborist");\nconst n = __importDefault(require("normalize-package-data"));\n`);
        const { plan, kept } = unreachedSdkRequires(other);
        expect(kept).toEqual([
            "./automation (index.js)",
            `@npmcli/arborist (${path.join("runtime", "closure", "codePaths.js")})`,
            `../../typescript-shim (${path.join("runtime", "closure", "parseFunction.js")})`,
        ]);
        expect([...plan.values()].map((m) => [...m])).toEqual([[["normalize-package-data", "__importDefault"]]]);
        const notes: string[] = [];
        fs.rmSync(path.join(other, "runtime"), { recursive: true });
        expect(deferUnreachedSdkModules(other, (what, why) => notes.push(`${what}: ${why}`))).toBeUndefined();
        expect(notes).toHaveLength(1);
        expect(notes[0]).toMatch(/^deferring the SDK modules nothing reaches: @pulumi\/pulumi no longer requires \.\/automation \(index\.js\), @npmcli\/arborist/);
    });

    it("SRGUARD_DEFER_SDK_MODULES=off (any case) turns it off; unset or anything else leaves it on", async () => {
        const { deferringWanted } = await import("../../../policies/core/sdk-contract");
        expect([deferringWanted("off"), deferringWanted(" OFF "), deferringWanted(undefined), deferringWanted(""), deferringWanted("on")]).toEqual([false, false, true, true, true]);
    });
});
