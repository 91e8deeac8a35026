// Shared by the publish tests: the Pulumi CLI's own steps with a pack folder — `npm pack` in it (what `pulumi policy
// publish` uploads), extraction outside the repository and `npm install --loglevel=error` there (what an enforcing
// machine does), then the pack started from that folder — with no network: npm runs `--offline` on the cache that
// `npm ci` filled. The registry's part (resolving a range to a version) is played by lockfiles pinned to the root
// lockfile.

import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { GateResource } from "../../gate/model";
import type { EnforcementLevel, PackInfo, PolicyConfigValue } from "../../gate/pack";
import type { JsonObject } from "../../gate/wire";
import { lockedSubtree } from "../../tools/pack-folders";

export { ROOT, ensureBuilt, fixture } from "../gate/helpers";

/** A fresh folder outside the repository (the pack must not resolve anything from the repository's node_modules). */
export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), `srguard-${prefix}-`));
}

/** The environment without what an enclosing `npm run` sets (its prefix and package would leak into the child npm). */
function npmEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
    return { ...env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
}

export interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

export function run(command: string, args: readonly string[], cwd: string): Run {
    const r = spawnSync(command, args, { cwd, encoding: "utf8", env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

export interface PackedFile {
    readonly path: string;
    readonly size: number;
}

export interface Tarball {
    readonly file: string;
    readonly size: number;
    readonly unpackedSize: number;
    readonly files: readonly PackedFile[];
}

/**
 * `npm pack --loglevel=error` in a pack folder, exactly as `pulumi policy publish` runs it (pkg/npm): the CLI reads the
 * whole of stdout as the tarball's file name, so `stdout` must be that name and nothing else — which is why the pack
 * folders have no lifecycle scripts (npm prints each script's banner on stdout, even at --loglevel=error).
 */
export function cliPack(dir: string, destination: string): { file: string; stdout: string; files: string[]; size: number } {
    const r = run("npm", ["pack", "--loglevel=error", "--pack-destination", destination], dir);
    if (r.code !== 0) throw new Error(`npm pack in ${dir} failed: ${r.stderr}`);
    const file = path.join(destination, r.stdout.trim());
    if (!fs.existsSync(file)) return { file, stdout: r.stdout, files: [], size: 0 };
    const list = spawnSync("tar", ["tzf", file], { encoding: "utf8" });
    const files = list.stdout
        .split("\n")
        .filter((l) => l !== "" && !l.endsWith("/"))
        .map((l) => l.replace(/^package\//, ""));
    return { file, stdout: r.stdout, files, size: fs.statSync(file).size };
}

/**
 * `npm pack` of the srguard package (the root). Its `prepare` (the root build) is skipped: `ensureBuilt()` did it,
 * without rewriting dist/ under the other test files.
 */
export function npmPack(dir: string, destination: string): Tarball {
    const r = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], dir);
    if (r.code !== 0) throw new Error(`npm pack in ${dir} failed: ${r.stderr}`);
    const [info] = JSON.parse(r.stdout) as { filename: string; size: number; unpackedSize: number; files: PackedFile[] }[];
    if (!info) throw new Error(`npm pack in ${dir} printed no tarball`);
    return { file: path.join(destination, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files };
}

/** Extracts a tarball's `package/` into `dir`, as the CLI extracts a downloaded pack. */
export function extract(tarball: string, dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const r = run("tar", ["xzf", tarball, "-C", dir, "--strip-components=1"], dir);
    if (r.code !== 0) throw new Error(`tar failed: ${r.stderr}`);
}

/** `npm install --loglevel=error` as the CLI runs it in an installed pack's folder (here from the cache only). */
export function npmInstall(dir: string): Run {
    return run("npm", ["install", "--loglevel=error", "--offline"], dir);
}

/** What a tarball's package.json says (without extracting it). */
export function tarballPackageJson(tarball: string): JsonObject {
    const r = spawnSync("tar", ["xzf", tarball, "-O", "package/package.json"], { encoding: "utf8" });
    return JSON.parse(r.stdout) as JsonObject;
}

/**
 * A package-lock.json for the project in `dir`, as `npm install` against a registry would write it: its dependencies
 * pinned to the root lockfile's versions, and local tarballs (`file:`) for packages that are not published.
 */
export function writeLockfile(dir: string, tarballs: Readonly<Record<string, string>>): void {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as JsonObject;
    const deps = (pkg["dependencies"] ?? {}) as Record<string, string>;
    // The registry's packages: the project's own, and those the tarballs' packages depend on.
    const registry = new Set(Object.keys(deps).filter((n) => !(n in tarballs)));
    for (const tarball of Object.values(tarballs)) {
        for (const n of Object.keys((tarballPackageJson(tarball)["dependencies"] ?? {}) as object)) registry.add(n);
    }
    const packages: Record<string, JsonObject> = {
        "": { name: String(pkg["name"]), version: String(pkg["version"]), dependencies: deps },
        ...lockedSubtree([...registry]),
    };
    for (const [name, tarball] of Object.entries(tarballs)) {
        const meta = tarballPackageJson(tarball);
        const entry: JsonObject = {
            version: String(meta["version"]),
            resolved: `file:${path.relative(dir, tarball)}`,
            integrity: `sha512-${crypto.createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`,
        };
        for (const k of ["license", "bin", "engines", "peerDependencies", "dependencies"]) {
            if (meta[k] !== undefined) entry[k] = meta[k] ?? null;
        }
        packages[`node_modules/${name}`] = entry;
    }
    const lock = { name: pkg["name"], version: pkg["version"], lockfileVersion: 3, requires: true, packages };
    fs.writeFileSync(path.join(dir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
}

/** Bytes and files under `dir` (apparent sizes, symlinks not followed). */
export function treeSize(dir: string): { bytes: number; files: number } {
    let bytes = 0;
    let files = 0;
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.isFile()) {
                bytes += fs.statSync(p).size;
                files++;
            }
        }
    };
    walk(dir);
    return { bytes, files };
}

/** A resource as the engine hands it to `Analyze` (a preview: inputs, no provider). */
export function resource(type: string, name: string, inputs: JsonObject): GateResource {
    return {
        urn: `urn:pulumi:dev::publish-test::${type}::${name}`,
        type,
        name,
        custom: true,
        inputs,
        outputs: inputs,
        dependencies: [],
        propertyDependencies: {},
        options: { protect: false, ignoreChanges: [], additionalSecretOutputs: [], aliases: [] },
        analyze: true,
    };
}

type ConfigDoc = Readonly<Record<string, string | Readonly<Record<string, unknown>>>>;

/**
 * The config the engine sends in `Configure` for a --policy-pack-config document, with none of srguard's checks:
 * pkg/resource/analyzer/config.go `ReconcilePolicyPackConfig` — every policy at its default level with its schema
 * defaults, the pack's initial config, then the file (`all` first, then every entry, including names that are no
 * policy of the pack).
 */
export function engineConfig(info: PackInfo, doc: ConfigDoc): Map<string, PolicyConfigValue> {
    const result = new Map<string, PolicyConfigValue>();
    for (const p of info.policies) {
        const properties: JsonObject = {};
        for (const [k, s] of Object.entries(p.configSchema ?? {})) {
            const d = (s as JsonObject)["default"];
            if (d !== undefined) properties[k] = d;
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties });
    }
    const apply = (given: Map<string, { level?: EnforcementLevel; properties: JsonObject }>) => {
        const all = given.get("all")?.level;
        if (all) for (const [k, v] of result) result.set(k, { ...v, enforcementLevel: all });
        for (const [name, g] of given) {
            const cur = result.get(name);
            result.set(name, {
                enforcementLevel: g.level ?? cur?.enforcementLevel ?? "advisory",
                properties: { ...(cur?.properties ?? {}), ...g.properties },
            });
        }
    };
    apply(new Map([...info.initialConfig].map(([k, v]) => [k, { level: v.enforcementLevel, properties: v.properties }])));
    const fromFile = new Map<string, { level?: EnforcementLevel; properties: JsonObject }>();
    for (const [name, entry] of Object.entries(doc)) {
        if (typeof entry === "string") fromFile.set(name, { level: entry as EnforcementLevel, properties: {} });
        else {
            const { enforcementLevel, ...properties } = entry as Record<string, unknown>;
            fromFile.set(name, {
                ...(typeof enforcementLevel === "string" ? { level: enforcementLevel as EnforcementLevel } : {}),
                properties: properties as JsonObject,
            });
        }
    }
    apply(fromFile);
    return result;
}
