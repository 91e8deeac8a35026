// The policy-pack config file (`pulumi preview --policy-pack-config FILE`): read, validated, and reconciled with the
// pack's defaults the way the Pulumi CLI does it (pkg/resource/analyzer/config.go `ReconcilePolicyPackConfig`):
//
//   1. every policy starts at its default enforcement level with the defaults of its config schema;
//   2. the pack's initial config (from `new PolicyPack(..., initialConfig)`) is applied;
//   3. the file is applied: `"all": "<level>"` first, then each policy's entry (a bare level, or an object with an
//      optional `enforcementLevel` and config properties).
//
// Validation uses srguard's own `validatePackConfig` (policies/core/config.ts) with each policy's config spec, taken
// from the schema the running pack reports in GetAnalyzerInfo — the same pack that is evaluated, whether it is
// srguard's or a platform team's pack built with `packArgs`. srguard specs are plain JSON schema (toJsonSchema copies
// the spec), so they convert back exactly; a policy whose schema is not srguard-shaped (a team's own policy) is
// checked for its enforcement level only, and left to its own pack to validate.

import * as fs from "node:fs";
import type { ConfigProperty, ConfigSpec, ObjectListProperty } from "../policies/core/config";
import { ConfigError, isEnforcementLevel, validatePackConfig } from "../policies/core/config";
import { inputError } from "./errors";
import type { EnforcementLevel, PackInfo, PolicyConfigValue, PolicyView } from "./pack";
import { type Json, type JsonObject, isJsonObject } from "./wire";

/** Reads the file; a missing file or malformed JSON is a one-line error naming it. */
export function readConfigFile(file: string): JsonObject {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw inputError(file, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read");
    }
    // As the CLI: an empty file is no config.
    if (text.trim() === "") return {};
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw inputError(file, `malformed JSON: ${(e as Error).message}`);
    }
    if (!isJsonObject(doc as Json)) throw inputError(file, "the policy-pack config must be a JSON object of policy name → config");
    return doc as JsonObject;
}

function stringArray(v: Json | undefined): string[] | undefined {
    return Array.isArray(v) && v.every((e): e is string => typeof e === "string") ? v : undefined;
}

/** An srguard config spec entry from its JSON schema, or undefined when the schema is not srguard-shaped. */
function specProperty(s: Json): ConfigProperty | undefined {
    if (!isJsonObject(s)) return undefined;
    const description = typeof s["description"] === "string" ? s["description"] : "";
    const def = s["default"];
    switch (s["type"]) {
        case "boolean":
            return typeof def === "boolean" ? { type: "boolean", default: def, description } : undefined;
        case "integer": {
            if (typeof def !== "number") return undefined;
            const min = s["minimum"];
            const max = s["maximum"];
            return {
                type: "integer",
                default: def,
                description,
                ...(typeof min === "number" ? { minimum: min } : {}),
                ...(typeof max === "number" ? { maximum: max } : {}),
            };
        }
        case "string": {
            if (typeof def !== "string") return undefined;
            const pattern = s["pattern"];
            const values = stringArray(s["enum"]);
            return {
                type: "string",
                default: def,
                description,
                ...(typeof pattern === "string" ? { pattern } : {}),
                ...(values ? { enum: values } : {}),
            };
        }
        case "array": {
            const items = s["items"];
            if (isJsonObject(items) && items["type"] === "object") return objectListProperty(items, def, description);
            const defaults = stringArray(def);
            if (!isJsonObject(items) || items["type"] !== "string" || !defaults) return undefined;
            const pattern = items["pattern"];
            const values = stringArray(items["enum"]);
            return {
                type: "array",
                default: defaults,
                description,
                items: {
                    type: "string",
                    ...(typeof pattern === "string" ? { pattern } : {}),
                    ...(values ? { enum: values } : {}),
                },
            };
        }
        default:
            return undefined;
    }
}

/** A list of records of string fields (srguard-exemptions' `exemptions`), or undefined when not srguard-shaped. */
function objectListProperty(items: JsonObject, def: Json | undefined, description: string): ObjectListProperty | undefined {
    const props = items["properties"];
    const required = stringArray(items["required"]);
    if (!isJsonObject(props) || !required || items["additionalProperties"] !== false || !Array.isArray(def) || def.length) return undefined;
    const properties: Record<string, { type: "string"; pattern?: string; description: string }> = {};
    for (const [k, f] of Object.entries(props)) {
        if (!isJsonObject(f) || f["type"] !== "string") return undefined;
        const pattern = f["pattern"];
        properties[k] = { type: "string", description: typeof f["description"] === "string" ? f["description"] : "", ...(typeof pattern === "string" ? { pattern } : {}) };
    }
    return { type: "array", default: [], description, items: { type: "object", properties, required, additionalProperties: false } };
}

/** The policy's srguard spec ({} when it takes no config), or undefined when its schema is not srguard-shaped. */
export function specOf(policy: PolicyView): ConfigSpec | undefined {
    if (!policy.configSchema) return {};
    const spec: Record<string, ConfigProperty> = {};
    for (const [key, schema] of Object.entries(policy.configSchema)) {
        const p = specProperty(schema);
        if (!p) return undefined;
        spec[key] = p;
    }
    return spec;
}

function levelOf(v: Json | undefined, file: string, policy: string): EnforcementLevel | undefined {
    if (v === undefined) return undefined;
    if (!isEnforcementLevel(v)) {
        throw inputError(file, `policy '${policy}': config key 'enforcementLevel' must be one of advisory, mandatory, remediate, disabled`);
    }
    return v;
}

/**
 * Validates `doc` against the pack and reconciles it with the pack's defaults. Returns the config sent with
 * Configure: one entry per policy (and `all`, as the CLI sends it).
 */
export function reconcileConfig(info: PackInfo, doc: JsonObject | undefined, file: string): Map<string, PolicyConfigValue> {
    const result = new Map<string, PolicyConfigValue>();
    for (const p of info.policies) {
        const props: JsonObject = {};
        for (const [k, s] of Object.entries(p.configSchema ?? {})) {
            if (isJsonObject(s) && s["default"] !== undefined) props[k] = s["default"];
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties: props });
    }
    const apply = (given: ReadonlyMap<string, { level?: EnforcementLevel; properties: JsonObject }>) => {
        const all = given.get("all")?.level;
        if (all) for (const [k, v] of result) result.set(k, { ...v, enforcementLevel: all });
        for (const [name, g] of given) {
            const cur = result.get(name);
            const level = g.level ?? cur?.enforcementLevel;
            if (!level) continue;
            result.set(name, { enforcementLevel: level, properties: { ...(cur?.properties ?? {}), ...g.properties } });
        }
    };
    apply(new Map([...info.initialConfig].map(([k, v]) => [k, { level: v.enforcementLevel, properties: v.properties }])));
    if (doc) apply(validated(info, doc, file));
    return result;
}

/** Validates the file's entries; returns them as level + properties. */
function validated(
    info: PackInfo,
    doc: JsonObject,
    file: string,
): Map<string, { level?: EnforcementLevel; properties: JsonObject }> {
    const specs = new Map<string, ConfigSpec>();
    const opaque = new Set<string>();
    for (const p of info.policies) {
        const spec = specOf(p);
        if (spec) specs.set(p.name, spec);
        else opaque.add(p.name);
    }
    const forSrguard: Record<string, unknown> = {};
    const out = new Map<string, { level?: EnforcementLevel; properties: JsonObject }>();
    for (const [name, entry] of Object.entries(doc)) {
        if (name === "all") {
            // The CLI also takes `"all": { "enforcementLevel": ... }`.
            const level = isJsonObject(entry) && Object.keys(entry).length === 1 ? entry["enforcementLevel"] : entry;
            forSrguard["all"] = level;
            out.set("all", { level: levelOf(level, file, "all"), properties: {} });
            continue;
        }
        if (opaque.has(name)) {
            if (typeof entry === "string") out.set(name, { level: levelOf(entry, file, name), properties: {} });
            else if (isJsonObject(entry)) {
                const { enforcementLevel, ...properties } = entry;
                out.set(name, { level: levelOf(enforcementLevel, file, name), properties });
            } else throw inputError(file, `policy '${name}': its entry must be an enforcement level or an object`);
            continue;
        }
        if (!specs.has(name)) {
            throw inputError(file, `'${name}' names no policy of the pack ${info.name} (see \`srguard policies\`)`);
        }
        forSrguard[name] = entry;
    }
    try {
        const normalised = validatePackConfig(forSrguard, specs);
        for (const [name, entry] of Object.entries(normalised)) {
            if (name === "all") continue;
            const properties: JsonObject = {};
            let level: EnforcementLevel | undefined;
            for (const [k, v] of Object.entries(entry)) {
                if (k === "enforcementLevel") level = levelOf(v as Json, file, name);
                else properties[k] = v as Json;
            }
            out.set(name, { ...(level ? { level } : {}), properties });
        }
    } catch (e) {
        if (e instanceof ConfigError) throw inputError(file, e.message);
        throw e;
    }
    return out;
}

/** Whether any policy runs at the `remediate` level (then the engine calls Remediate before Analyze). */
export function anyRemediation(config: ReadonlyMap<string, PolicyConfigValue>): boolean {
    for (const [name, c] of config) if (name !== "all" && c.enforcementLevel === "remediate") return true;
    return false;
}

