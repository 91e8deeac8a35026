// A Pulumi project folder: Pulumi.yaml (name, runtime, main, project-level config) and its stacks' config files
// (Pulumi.<stack>.yaml). Config is flattened the way the engine hands it to a program: namespaced keys
// (`aws:region`, `<project>:<key>`), string values (structured values as JSON), and secure values marked secret.
// A secure value cannot be decrypted offline: the program sees the engine's unknown sentinel in its place.

import * as fs from "node:fs";
import * as path from "node:path";
import { inputError, oneLine } from "./errors";
import { type Json, type JsonObject, UNKNOWN, isJsonObject } from "./wire";

// js-yaml is a dependency of srguard (package.json) and ships no types; `load` is all the gate uses.
const yaml = require("js-yaml") as { load(text: string): unknown };

export interface Project {
    readonly dir: string;
    /** The folder as the user named it, for messages. */
    readonly display: string;
    readonly name: string;
    readonly runtime: string;
    readonly typescript: boolean;
    readonly main?: string;
    readonly description?: string;
    readonly stackConfigDir: string;
    /** Project-level config defaults (namespaced keys). */
    readonly defaults: Readonly<Record<string, string>>;
}

export interface StackConfig {
    readonly values: Readonly<Record<string, string>>;
    readonly secretKeys: readonly string[];
}

function readYaml(file: string, display: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw inputError(display, "cannot be read");
    }
    try {
        return yaml.load(text) ?? {};
    } catch (e) {
        throw inputError(display, `malformed YAML: ${oneLine((e as Error).message)}`);
    }
}

function namespaced(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** A config value as the program reads it; `secret` when it is (or holds) a secure value. */
function configValue(v: unknown): { value: string; secret: boolean } {
    let secret = false;
    const plain = (x: unknown): Json => {
        if (isJsonObject(x as Json) && typeof (x as JsonObject)["secure"] === "string" && Object.keys(x as JsonObject).length === 1) {
            secret = true;
            return UNKNOWN;
        }
        if (Array.isArray(x)) return x.map(plain);
        if (isJsonObject(x as Json)) {
            const o: JsonObject = {};
            for (const [k, e] of Object.entries(x as JsonObject)) o[k] = plain(e);
            return o;
        }
        if (x === undefined) return null;
        return x as Json;
    };
    const p = plain(v);
    if (typeof p === "string") return { value: p, secret };
    if (typeof p === "number" || typeof p === "boolean") return { value: String(p), secret };
    if (p === null) return { value: "", secret };
    return { value: JSON.stringify(p), secret };
}

export function loadProject(dir: string, display: string): Project {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw inputError(display, "no such folder");
    if (!file) throw inputError(display, "no Pulumi.yaml here (not a Pulumi project)");
    const fileDisplay = path.join(display, path.basename(file));
    const doc = readYaml(file, fileDisplay);
    if (!isJsonObject(doc as Json)) throw inputError(fileDisplay, "must be a YAML mapping");
    const d = doc as JsonObject;
    const name = d["name"];
    if (typeof name !== "string" || name === "") throw inputError(fileDisplay, "has no project `name`");
    // As the Pulumi CLI (tokens.ValidateProjectName): letters, digits, `-`, `_` and `.`, at most 100.
    if (/\$\{[^}]*\}/.test(name)) {
        throw inputError(fileDisplay, `project name '${name}' is a template placeholder: replace it with the project's name (as \`pulumi new\` does)`);
    }
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
        throw inputError(fileDisplay, `project name '${name}' is not valid: use letters, digits, '-', '_' and '.' (at most 100), as the Pulumi CLI requires`);
    }
    const rt = d["runtime"];
    const runtime = typeof rt === "string" ? rt : isJsonObject(rt ?? null) && typeof (rt as JsonObject)["name"] === "string" ? String((rt as JsonObject)["name"]) : "";
    if (runtime !== "nodejs") {
        throw inputError(fileDisplay, `runtime '${runtime || "(none)"}' is not supported offline; run \`pulumi preview --json\` and \`srguard scan\` its output`);
    }
    const options = isJsonObject(rt ?? null) ? (rt as JsonObject)["options"] : undefined;
    const typescript = !(isJsonObject(options ?? null) && (options as JsonObject)["typescript"] === false);
    const defaults: Record<string, string> = {};
    const config = d["config"];
    if (isJsonObject(config ?? null)) {
        for (const [k, v] of Object.entries(config as JsonObject)) {
            // `key: value`, or a declaration `key: { type, default | value }`.
            const decl = isJsonObject(v) && ("default" in v || "value" in v || "type" in v) ? v : undefined;
            const raw = decl ? (decl["value"] ?? decl["default"]) : v;
            if (raw === undefined || raw === null) continue;
            defaults[namespaced(k, name)] = configValue(raw).value;
        }
    }
    const main = typeof d["main"] === "string" ? d["main"] : undefined;
    const description = typeof d["description"] === "string" ? d["description"] : undefined;
    const stackConfigDir = typeof d["stackConfigDir"] === "string" ? path.resolve(dir, d["stackConfigDir"]) : dir;
    return {
        dir,
        display,
        name,
        runtime,
        typescript,
        ...(main ? { main } : {}),
        ...(description ? { description } : {}),
        stackConfigDir,
        defaults,
    };
}

/** The stacks that have a config file. */
export function listStacks(project: Project): string[] {
    if (!fs.existsSync(project.stackConfigDir)) return [];
    return fs
        .readdirSync(project.stackConfigDir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** The stack to run: the one named, else the only one. */
export function chooseStack(project: Project, requested: string | undefined): string {
    const stacks = listStacks(project);
    if (requested !== undefined) {
        if (!stacks.includes(requested)) {
            throw inputError(project.display, `unknown stack '${requested}' (stacks: ${stacks.length ? stacks.join(", ") : "none"})`);
        }
        return requested;
    }
    if (stacks.length === 1 && stacks[0]) return stacks[0];
    if (stacks.length === 0) throw inputError(project.display, "no stack config (Pulumi.<stack>.yaml) found");
    throw inputError(project.display, `several stacks (${stacks.join(", ")}); choose one with --stack`);
}

export function loadStackConfig(project: Project, stack: string): StackConfig {
    const candidates = ["yaml", "yml"].map((ext) => path.join(project.stackConfigDir, `Pulumi.${stack}.${ext}`));
    const file = candidates.find((f) => fs.existsSync(f)) ?? candidates[0] ?? "";
    const fileDisplay = path.join(project.display, path.relative(project.dir, file));
    const doc = readYaml(file, fileDisplay);
    if (!isJsonObject(doc as Json)) throw inputError(fileDisplay, "must be a YAML mapping");
    const values: Record<string, string> = { ...project.defaults };
    const secretKeys: string[] = [];
    const config = (doc as JsonObject)["config"];
    if (config !== undefined && config !== null && !isJsonObject(config)) throw inputError(fileDisplay, "`config` must be a mapping");
    for (const [k, v] of Object.entries((config as JsonObject | undefined) ?? {})) {
        const key = namespaced(k, project.name);
        const { value, secret } = configValue(v);
        values[key] = value;
        if (secret) secretKeys.push(key);
    }
    return { values, secretKeys };
}
