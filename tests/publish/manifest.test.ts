// The pack folders' manifests are derived, not written twice: policies/package.json takes its version from the root
// package.json and its dependencies from the root lockfile, npm-shrinkwrap.json is the lockfile's subtree for them,
// and the team pack depends on this srguard. `npm run pack:sync` rewrites them when this fails.

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
    PACK_PACKAGE_JSON,
    PACK_RUNTIME_DEPENDENCIES,
    PACK_SHRINKWRAP,
    TEAM_PACK_PACKAGE_JSON,
    expectedPackManifest,
    expectedTeamPackageJson,
} from "../../tools/pack-folders";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")) as Record<string, unknown>;

/** The packages a TypeScript folder imports at run time (not `import type`, not relative, not Node's own). */
function runtimeImports(dir: string): Set<string> {
    const out = new Set<string>();
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) {
                if (e.name !== "dist" && e.name !== "node_modules") walk(p);
            } else if (e.name.endsWith(".ts")) {
                const src = fs.readFileSync(p, "utf8");
                for (const m of src.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+"([^"]+)"|require\("([^"]+)"\)/gm)) {
                    const spec = m[1] ?? m[2] ?? "";
                    if (spec.startsWith(".") || spec.startsWith("node:")) continue;
                    out.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec));
                }
            }
        }
    };
    walk(dir);
    return out;
}

describe("policies/ as a package", () => {
    it("package.json and npm-shrinkwrap.json are what the root package.json and lockfile say (npm run pack:sync)", () => {
        const expected = expectedPackManifest();
        expect(fs.readFileSync(PACK_PACKAGE_JSON, "utf8")).toBe(expected.packageJson);
        expect(fs.readFileSync(PACK_SHRINKWRAP, "utf8")).toBe(expected.shrinkwrap);
    });

    it("has the root's version, its main inside the folder, and no registry publishing", () => {
        const pkg = read(PACK_PACKAGE_JSON);
        expect(pkg["version"]).toBe(read(path.join(ROOT, "package.json"))["version"]);
        expect(pkg["main"]).toBe("main.js");
        expect(pkg["private"]).toBe(true);
        expect(fs.existsSync(path.join(ROOT, "policies", "main.js"))).toBe(true);
    });

    it("has no lifecycle scripts: npm prints their banner on stdout, where `pulumi policy publish` reads the tarball's name", () => {
        expect(read(PACK_PACKAGE_JSON)["scripts"]).toBeUndefined();
        expect(read(TEAM_PACK_PACKAGE_JSON)["scripts"]).toBeUndefined();
    });

    it("declares every package the pack imports at run time", () => {
        const declared = Object.keys(read(PACK_PACKAGE_JSON)["dependencies"] as object);
        expect([...runtimeImports(path.join(ROOT, "policies"))].filter((m) => !declared.includes(m))).toEqual([]);
        expect(declared.sort()).toEqual([...PACK_RUNTIME_DEPENDENCIES].sort());
    });

    it("the shrinkwrap pins the SDKs to the root lockfile's versions, with integrity for every package", () => {
        const lock = read(path.join(ROOT, "package-lock.json"))["packages"] as Record<string, { version?: string }>;
        const sw = read(PACK_SHRINKWRAP)["packages"] as Record<string, { version?: string; integrity?: string }>;
        for (const name of PACK_RUNTIME_DEPENDENCIES) expect(sw[`node_modules/${name}`]?.version).toBe(lock[`node_modules/${name}`]?.version);
        const missing = Object.entries(sw).filter(([k, v]) => k !== "" && !v.integrity);
        expect(missing).toEqual([]);
    });
});

describe("examples/team-pack as a package", () => {
    it("depends on this srguard (npm run pack:sync)", () => {
        expect(fs.readFileSync(TEAM_PACK_PACKAGE_JSON, "utf8")).toBe(expectedTeamPackageJson());
    });

    it("declares every package it imports, and @pulumi/pulumi for run-policy-pack", () => {
        const declared = Object.keys(read(TEAM_PACK_PACKAGE_JSON)["dependencies"] as object);
        const imports = runtimeImports(path.join(ROOT, "examples", "team-pack"));
        expect([...imports, "@pulumi/pulumi"].filter((m) => !declared.includes(m))).toEqual([]);
        expect(read(TEAM_PACK_PACKAGE_JSON)["main"]).toBe("dist/index.js");
    });
});

describe("the root package", () => {
    it("ships no provider SDK as a dependency and takes the Pulumi SDKs as peers of the pinned versions", () => {
        const pkg = read(path.join(ROOT, "package.json")) as Record<string, Record<string, string> | undefined>;
        const deps = Object.keys(pkg["dependencies"] ?? {});
        for (const sdk of ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/policy", "@pulumi/pulumi"]) expect(deps).not.toContain(sdk);
        const semver = require(require.resolve("semver", { paths: [path.join(ROOT, "node_modules", "@pulumi", "pulumi")] })) as {
            satisfies(v: string, r: string): boolean;
        };
        for (const sdk of ["@pulumi/policy", "@pulumi/pulumi"]) {
            const peer = pkg["peerDependencies"]?.[sdk] ?? "";
            const pinned = pkg["devDependencies"]?.[sdk] ?? "";
            expect(semver.satisfies(pinned, peer), `${sdk}: ${pinned} within ${peer}`).toBe(true);
        }
    });
});
