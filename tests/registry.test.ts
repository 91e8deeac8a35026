import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { CLOUDS, CONTROLS, FRAMEWORKS, PACK_CONTROLS, policyFolder, SEVERITIES } from "../policies/core/policy";
import { type ConfigSpec, resolveConfig } from "../policies/core/config";
import { policies } from "../policies/registry";

const ROOT = path.resolve(__dirname, "..");
const NAME = /^(aws|azure|srguard)-[a-z0-9]+(-[a-z0-9]+)*$/;
const VERBS = ["disallow", "enable", "require", "configure", "restrict"];

function policyFiles(cloud: string): string[] {
    return fs
        .readdirSync(path.join(ROOT, "policies", cloud))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => f.slice(0, -3))
        .sort();
}

/**
 * Every default of `spec`, given to the pack's own validator as if a user had written it: `resolveConfig` with `{}`
 * would only fill the defaults in, never check them.
 */
function validateDefaults(name: string, spec: ConfigSpec): void {
    resolveConfig(name, spec, Object.fromEntries(Object.entries(spec).map(([key, p]) => [key, p.default])));
}

describe("the defaults check", () => {
    const spec = (p: ConfigSpec[string]): ConfigSpec => ({ x: p });

    it.each([
        ["an integer below its minimum", spec({ type: "integer", default: -5, minimum: 1, description: "d" }), "config key 'x' must be at least 1, got -5"],
        ["an integer above its maximum", spec({ type: "integer", default: 9, maximum: 3, description: "d" }), "must be at most 3, got 9"],
        ["a string outside its enum", spec({ type: "string", default: "c", enum: ["a", "b"], description: "d" }), "config key 'x'"],
        ["a list item that breaks the pattern", spec({ type: "array", items: { type: "string", pattern: "^[0-9]{12}$" }, default: ["12"], description: "d" }), "config key 'x[0]'"],
    ])("refuses %s", (_what, s, message) => {
        expect(() => validateDefaults("p", s)).toThrow(message);
        // What the old check did passes the same spec: it never looked at the defaults.
        expect(() => resolveConfig("p", s, {})).not.toThrow();
    });

    it("accepts defaults that satisfy the schema", () => {
        expect(() => validateDefaults("p", spec({ type: "integer", default: 5, minimum: 1, description: "d" }))).not.toThrow();
    });
});

describe("the registry", () => {
    it("lists every policy file exactly once, under the file's own name", () => {
        for (const cloud of [...CLOUDS, "any" as const]) {
            const registered = policies.filter((p) => p.meta.cloud === cloud).map((p) => p.name).sort();
            expect(registered).toEqual(policyFiles(policyFolder(cloud)));
        }
    });

    it("has unique policy names", () => {
        const names = policies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
    });

    it("covers every customer-side control on AWS", () => {
        const controls = new Set(policies.filter((p) => p.meta.cloud === "aws").map((p) => p.meta.control));
        for (const c of ["encryption-at-rest", "public-access", "mfa", "log-retention", "data-region"]) expect(controls).toContain(c);
    });
});

describe.each(policies.map((p) => [p.name, p] as const))("%s", (name, p) => {
    const m = p.meta;

    it("is named <cloud>-<service>-<resource>-<verb> after its cloud, with a known verb", () => {
        expect(name).toMatch(NAME);
        expect(name.startsWith(`${policyFolder(m.cloud)}-`)).toBe(true);
        // The pack's own policies (cloud `any`) are named `srguard-<concern>`.
        if (m.cloud !== "any") expect(name.split("-").some((w) => VERBS.includes(w))).toBe(true);
    });

    it("is fully described", () => {
        expect([...CONTROLS, ...PACK_CONTROLS]).toContain(m.control);
        expect(SEVERITIES).toContain(m.severity);
        expect(["mandatory", "advisory"]).toContain(m.enforcementLevel);
        expect(m.title.length).toBeGreaterThan(10);
        expect(m.description.length).toBeGreaterThan(30);
        expect(m.remediation.length).toBeGreaterThan(20);
        expect(m.resourceTypes === "all" || m.resourceTypes.length > 0).toBe(true);
        for (const f of m.frameworks) {
            expect(Object.keys(FRAMEWORKS)).toContain(f.framework);
            expect(f.id).not.toBe("");
            expect(f.version).not.toBe("");
        }
    });

    it("maps its metadata onto the SDK's own fields", () => {
        expect(p.displayName).toBe(m.title);
        expect(p.severity).toBe(m.severity);
        expect(p.remediationSteps).toBe(m.remediation);
        expect(p.enforcementLevel).toBe(m.enforcementLevel);
        expect(p.tags).toContain(`control:${m.control}`);
        if (m.frameworks.length) expect(p.framework?.reference).toBe(m.frameworks[0]?.id);
    });

    it("has defaults that satisfy its own config schema", () => {
        expect(() => validateDefaults(name, m.config)).not.toThrow();
        for (const [key, spec] of Object.entries(m.config)) expect(spec.description, key).not.toBe("");
    });

    it("has a test file with passes, fails, unknown-during-preview and config cases", () => {
        const file = path.join(ROOT, "tests", "policies", policyFolder(m.cloud), `${name}.test.ts`);
        expect(fs.existsSync(file), file).toBe(true);
        const text = fs.readFileSync(file, "utf8");
        for (const block of ['"passes"', '"fails"', '"unknown during preview"', '"config"']) expect(text, block).toContain(`describe(${block}`);
    });
});
