// Typed policy configuration: one spec per policy gives the JSON schema the Pulumi CLI validates against,
// the TypeScript type the check receives, the defaults, and the validation the pack and the gate apply.

export type ConfigProperty =
    | { readonly type: "boolean"; readonly default: boolean; readonly description: string }
    | {
          readonly type: "integer";
          readonly default: number;
          readonly minimum?: number;
          readonly maximum?: number;
          readonly description: string;
      }
    | {
          readonly type: "string";
          readonly default: string;
          readonly pattern?: string;
          readonly enum?: readonly string[];
          readonly description: string;
      }
    | {
          readonly type: "array";
          readonly items: { readonly type: "string"; readonly pattern?: string; readonly enum?: readonly string[] };
          readonly default: readonly string[];
          readonly description: string;
      }
    | ObjectListProperty;

/**
 * A list of records of string fields (e.g. `srguard-exemptions`' `exemptions`): JSON schema `array` of `object` with
 * `properties`, `required` and `additionalProperties: false` (a misspelt field is refused, never ignored).
 */
export interface ObjectListProperty {
    readonly type: "array";
    readonly items: {
        readonly type: "object";
        readonly properties: Readonly<Record<string, { readonly type: "string"; readonly pattern?: string; readonly description: string }>>;
        readonly required: readonly string[];
        readonly additionalProperties: false;
    };
    readonly default: readonly [];
    readonly description: string;
}

export type ConfigSpec = Readonly<Record<string, ConfigProperty>>;

type ValueOf<P extends ConfigProperty> = P extends { type: "boolean" }
    ? boolean
    : P extends { type: "integer" }
      ? number
      : P extends { type: "string" }
        ? string
        : P extends ObjectListProperty
          ? readonly { readonly [F in keyof P["items"]["properties"]]?: string }[]
          : readonly string[];

/** The configuration type a policy's check receives: every key present, defaults applied. */
export type ConfigOf<S extends ConfigSpec> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** A configuration value that the pack refuses: the message names the policy and the key. */
export class ConfigError extends Error {
    constructor(
        readonly policyName: string,
        readonly key: string,
        problem: string,
    ) {
        super(`policy '${policyName}': config key '${key}' ${problem}`);
        this.name = "ConfigError";
    }
}

/** The JSON schema handed to `@pulumi/policy` (and through it to the Pulumi CLI, which validates config with it). */
export function toJsonSchema(spec: ConfigSpec): { properties: Record<string, object> } {
    const properties: Record<string, object> = {};
    for (const [key, p] of Object.entries(spec)) {
        properties[key] = { ...p };
    }
    return { properties };
}

function describe(value: unknown): string {
    if (Array.isArray(value)) return "an array";
    if (value === null) return "null";
    return `a ${typeof value}`;
}

function checkString(
    policy: string,
    key: string,
    value: unknown,
    rule: { readonly pattern?: string; readonly enum?: readonly string[] },
): string {
    if (typeof value !== "string") throw new ConfigError(policy, key, `must be a string, got ${describe(value)}`);
    if (rule.enum && !rule.enum.includes(value)) {
        throw new ConfigError(policy, key, `must be one of ${rule.enum.join(", ")}, got '${value}'`);
    }
    if (rule.pattern && !new RegExp(rule.pattern).test(value)) {
        throw new ConfigError(policy, key, `has a malformed value '${value}' (expected to match ${rule.pattern})`);
    }
    return value;
}

function checkValue(policy: string, key: string, p: ConfigProperty, value: unknown): unknown {
    switch (p.type) {
        case "boolean":
            if (typeof value !== "boolean") throw new ConfigError(policy, key, `must be a boolean, got ${describe(value)}`);
            return value;
        case "integer":
            if (typeof value !== "number" || !Number.isInteger(value)) {
                throw new ConfigError(policy, key, `must be an integer, got ${describe(value)}`);
            }
            if (p.minimum !== undefined && value < p.minimum) throw new ConfigError(policy, key, `must be at least ${p.minimum}, got ${value}`);
            if (p.maximum !== undefined && value > p.maximum) throw new ConfigError(policy, key, `must be at most ${p.maximum}, got ${value}`);
            return value;
        case "string":
            return checkString(policy, key, value, p);
        case "array":
            if (p.items.type === "object") return checkObjectList(policy, key, p as ObjectListProperty, value);
            if (!Array.isArray(value)) throw new ConfigError(policy, key, `must be an array of strings, got ${describe(value)}`);
            return Object.freeze(value.map((v, i) => checkString(policy, `${key}[${i}]`, v, p.items as { readonly pattern?: string; readonly enum?: readonly string[] })));
    }
}

function checkObjectList(policy: string, key: string, p: ObjectListProperty, value: unknown): unknown {
    if (!Array.isArray(value)) throw new ConfigError(policy, key, `must be an array of objects, got ${describe(value)}`);
    const fields = p.items.properties;
    return Object.freeze(
        value.map((entry, i) => {
            const at = `${key}[${i}]`;
            if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new ConfigError(policy, at, `must be an object, got ${describe(entry)}`);
            const given = entry as Record<string, unknown>;
            for (const f of Object.keys(given)) {
                if (!Object.prototype.hasOwnProperty.call(fields, f)) {
                    throw new ConfigError(policy, `${at}.${f}`, `is not a field of an entry (known: ${Object.keys(fields).join(", ")})`);
                }
            }
            for (const f of p.items.required) if (given[f] === undefined) throw new ConfigError(policy, `${at}.${f}`, "is required");
            const out: Record<string, string> = {};
            for (const [f, rule] of Object.entries(fields)) {
                if (given[f] !== undefined) out[f] = checkString(policy, `${at}.${f}`, given[f], rule);
            }
            return Object.freeze(out);
        }),
    );
}

/**
 * Applies defaults and validates `raw` (what `args.getConfig()` returns: the policy's entry of the
 * `--policy-pack-config` file without `enforcementLevel`). Unknown keys are rejected so that a typo does not
 * silently leave a default in force.
 */
export function resolveConfig<S extends ConfigSpec>(policyName: string, spec: S, raw: unknown): ConfigOf<S> {
    if (raw === undefined || raw === null) raw = {};
    if (typeof raw !== "object" || Array.isArray(raw)) {
        throw new ConfigError(policyName, "(policy entry)", `must be an object, got ${describe(raw)}`);
    }
    const given = raw as Record<string, unknown>;
    for (const key of Object.keys(given)) {
        if (key !== "enforcementLevel" && !Object.prototype.hasOwnProperty.call(spec, key)) {
            const known = Object.keys(spec);
            throw new ConfigError(
                policyName,
                key,
                `is not a setting of this policy (${known.length ? `known: ${known.join(", ")}` : "it takes none"})`,
            );
        }
    }
    const out: Record<string, unknown> = {};
    for (const [key, p] of Object.entries(spec)) {
        out[key] = given[key] === undefined ? p.default : checkValue(policyName, key, p, given[key]);
    }
    return Object.freeze(out) as ConfigOf<S>;
}

const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

export function isEnforcementLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}

/**
 * Validates a whole `--policy-pack-config` document against the pack's policies, as the CLI does before it
 * starts analysis. Returns the normalised config (a bare enforcement level becomes `{ enforcementLevel }`).
 */
export function validatePackConfig(
    doc: unknown,
    specs: ReadonlyMap<string, ConfigSpec>,
): Record<string, Record<string, unknown>> {
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        throw new ConfigError("(pack)", "(document)", `must be a JSON object, got ${describe(doc)}`);
    }
    const out: Record<string, Record<string, unknown>> = {};
    for (const [name, entry] of Object.entries(doc as Record<string, unknown>)) {
        if (name === "all") {
            if (!isEnforcementLevel(entry)) throw new ConfigError("all", "(enforcement level)", `must be one of ${ENFORCEMENT_LEVELS.join(", ")}`);
            out[name] = { enforcementLevel: entry };
            continue;
        }
        const spec = specs.get(name);
        if (!spec) throw new ConfigError(name, "(policy name)", "names no policy of this pack");
        if (typeof entry === "string") {
            if (!isEnforcementLevel(entry)) {
                throw new ConfigError(name, "enforcementLevel", `must be one of ${ENFORCEMENT_LEVELS.join(", ")}, got '${entry}'`);
            }
            out[name] = { enforcementLevel: entry };
            continue;
        }
        resolveConfig(name, spec, entry);
        const level = (entry as Record<string, unknown>).enforcementLevel;
        if (level !== undefined && !isEnforcementLevel(level)) {
            throw new ConfigError(name, "enforcementLevel", `must be one of ${ENFORCEMENT_LEVELS.join(", ")}`);
        }
        out[name] = { ...(entry as Record<string, unknown>) };
    }
    return out;
}

/** A policy name that the pack does not have (the gate says the same words, after the config file's name). */
export class UnknownPolicyError extends Error {
    constructor(
        readonly policyName: string,
        packName: string,
    ) {
        super(`'${policyName}' names no policy of the pack ${packName}`);
        this.name = "UnknownPolicyError";
    }
}

/** The spec a schema made by `toJsonSchema` came from (it copies each property), or `{}` for a policy without one. */
export function specFromSchema(schema: { readonly properties?: unknown } | undefined): ConfigSpec {
    const properties = schema?.properties;
    return (typeof properties === "object" && properties !== null ? properties : {}) as ConfigSpec;
}

/**
 * Checks the config the engine hands the pack in `Configure`, as the gate checks the file before it starts: every
 * entry the engine sends — each policy's reconciled config (schema defaults, the pack's initial config, the file or the
 * Pulumi Cloud policy group), `all`, and any other name the file or the group holds — must name a policy of the pack,
 * and each policy's properties must pass its spec (`resolveConfig`: no unknown key, every value of the right type and
 * form). Throws the first problem, in the gate's words.
 */
export function checkConfigured(
    packName: string,
    entries: Iterable<readonly [string, Readonly<Record<string, unknown>>]>,
    specs: ReadonlyMap<string, ConfigSpec>,
): void {
    for (const [name, properties] of entries) {
        if (name === "all") continue;
        const spec = specs.get(name);
        if (!spec) throw new UnknownPolicyError(name, packName);
        resolveConfig(name, spec, properties);
    }
}
