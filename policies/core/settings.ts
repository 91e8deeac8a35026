// Shared settings: what a user thinks of once — allowed AWS regions and Azure locations, the organisation's own AWS
// accounts, the MSPs it approved — stated once and expanded into the config of every policy that takes it. The
// engine's config stays per policy; this is the bridge (api.ts `packArgs({ settings })`, `srguard config`), and
// `settingConflicts` is how the gate sees policies that share a setting but were given different values.
//
// A policy takes a setting when its config schema has the setting's key, so a new policy that declares
// `allowedRegions` takes `aws.allowedRegions` without a list here to keep up to date.

import { type ConfigSpec, ConfigError, resolveConfig } from "./config";

/** The shared settings document (`srguard config --settings FILE`, `packArgs({ settings })`). */
export interface SharedSettings {
    readonly aws?: {
        /** AWS regions where data may reside (`ap-northeast-1`). */
        readonly allowedRegions?: readonly string[];
        /** The organisation's own AWS account ids (12 digits). */
        readonly organizationAccountIds?: readonly string[];
        /** The MSPs the organisation approved: AWS account ids or IAM role ARNs. */
        readonly approvedMspPrincipals?: readonly string[];
    };
    readonly azure?: {
        /** Azure locations data may live in (`japaneast`). */
        readonly allowedLocations?: readonly string[];
        /** Entra tenant ids of the MSPs that may manage resources through Azure Lighthouse. */
        readonly approvedMspTenantIds?: readonly string[];
    };
}

type Cloud = keyof SharedSettings;
type SettingName<C extends Cloud> = keyof NonNullable<SharedSettings[C]> & string;

export interface SharedSetting {
    readonly cloud: Cloud;
    readonly name: string;
    /** The config key of the policies that take it. */
    readonly key: string;
    readonly description: string;
}

function setting<C extends Cloud>(cloud: C, name: SettingName<C>, key: string, description: string): SharedSetting {
    return { cloud, name, key, description };
}

/** Every shared setting: `<cloud>.<name>` → the policies' config key. */
export const SHARED_SETTINGS: readonly SharedSetting[] = Object.freeze([
    setting("aws", "allowedRegions", "allowedRegions", "AWS regions where data may reside"),
    setting("aws", "organizationAccountIds", "organizationAccountIds", "the organisation's own AWS account ids"),
    setting("aws", "approvedMspPrincipals", "approvedMspPrincipals", "the MSPs the organisation approved (AWS account ids or role ARNs)"),
    setting("azure", "allowedLocations", "allowedLocations", "Azure locations data may live in"),
    setting("azure", "approvedMspTenantIds", "approvedTenantIds", "Entra tenant ids of the approved MSPs"),
]);

export const settingPath = (s: SharedSetting) => `${s.cloud}.${s.name}`;

/** A settings document that is not of the shape above: the message names the setting. */
export class SettingsError extends Error {
    constructor(
        readonly where: string,
        problem: string,
    ) {
        super(`${where} ${problem}`);
        this.name = "SettingsError";
    }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks the shape of a settings document (JSON): known clouds and names, each a list of strings. */
export function parseSettings(doc: unknown): SharedSettings {
    if (!isRecord(doc)) throw new SettingsError("settings", "must be a JSON object with `aws` and/or `azure`");
    const out: Record<string, Record<string, string[]>> = {};
    for (const [cloud, section] of Object.entries(doc)) {
        const known = SHARED_SETTINGS.filter((s) => s.cloud === cloud);
        if (!known.length) throw new SettingsError(`settings '${cloud}'`, "is not a cloud of the shared settings (aws, azure)");
        if (!isRecord(section)) throw new SettingsError(`settings '${cloud}'`, "must be an object");
        out[cloud] = {};
        for (const [name, value] of Object.entries(section)) {
            if (!known.some((s) => s.name === name)) {
                throw new SettingsError(`setting '${cloud}.${name}'`, `is not a shared setting (known: ${known.map((s) => s.name).join(", ")})`);
            }
            if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
                throw new SettingsError(`setting '${cloud}.${name}'`, "must be a list of strings");
            }
            (out[cloud] as Record<string, string[]>)[name] = [...value];
        }
    }
    return out as SharedSettings;
}

function valueOf(settings: SharedSettings, s: SharedSetting): readonly string[] | undefined {
    const section = settings[s.cloud] as Readonly<Record<string, readonly string[] | undefined>> | undefined;
    return section?.[s.name];
}

/** A policy as the bridge sees it: its name and config spec (srguard's own, or read back from its schema). */
export interface ConfigurablePolicy {
    readonly name: string;
    readonly spec: ConfigSpec;
}

/** The policies (of `policies`) that take `s`. */
export function takersOf(s: SharedSetting, policies: readonly ConfigurablePolicy[]): string[] {
    return policies.filter((p) => Object.prototype.hasOwnProperty.call(p.spec, s.key)).map((p) => p.name);
}

/**
 * Each policy's config entry from the shared settings: policy name → { key: value } for every setting given that the
 * policy takes. Every value is validated against the policy's own spec; a refused value names the setting and the
 * policy (e.g. `setting 'aws.allowedRegions' (policy 'aws-...': config key 'allowedRegions' ...)`).
 */
export function expandSettings(settings: SharedSettings, policies: readonly ConfigurablePolicy[]): Record<string, Record<string, readonly string[]>> {
    const out: Record<string, Record<string, readonly string[]>> = {};
    for (const s of SHARED_SETTINGS) {
        const value = valueOf(settings, s);
        if (value === undefined) continue;
        for (const p of policies) {
            if (!Object.prototype.hasOwnProperty.call(p.spec, s.key)) continue;
            try {
                resolveConfig(p.name, { [s.key]: p.spec[s.key] } as ConfigSpec, { [s.key]: value });
            } catch (e) {
                if (e instanceof ConfigError) throw new SettingsError(`setting '${settingPath(s)}'`, `is refused by ${e.message}`);
                throw e;
            }
            out[p.name] = { ...(out[p.name] ?? {}), [s.key]: [...value] };
        }
    }
    return out;
}

export interface SettingConflict {
    readonly setting: SharedSetting;
    /** Each distinct value (sorted, as given) with the policies that have it. */
    readonly values: readonly { readonly value: readonly string[]; readonly policies: readonly string[] }[];
}

/**
 * The shared settings whose policies were given different values (order and duplicates aside) in `config` (policy
 * name → its effective config properties, as the engine sends them). Policies absent from `config` or disabled are
 * left out by the caller.
 */
export function settingConflicts(config: ReadonlyMap<string, Readonly<Record<string, unknown>>>): SettingConflict[] {
    const conflicts: SettingConflict[] = [];
    for (const s of SHARED_SETTINGS) {
        const byValue = new Map<string, { value: string[]; policies: string[] }>();
        for (const [name, props] of config) {
            const v = props[s.key];
            if (!Array.isArray(v) || !v.every((e): e is string => typeof e === "string")) continue;
            const value = [...new Set(v)].sort();
            const k = JSON.stringify(value);
            const entry = byValue.get(k);
            if (entry) entry.policies.push(name);
            else byValue.set(k, { value, policies: [name] });
        }
        if (byValue.size > 1) conflicts.push({ setting: s, values: [...byValue.values()] });
    }
    return conflicts;
}

/** One line for a conflict: which setting, and which policies have which value. */
export function describeConflict(c: SettingConflict): string {
    const values = c.values.map((v) => `${v.policies.join(", ")}: [${v.value.join(", ")}]`).join("; ");
    return `policies that share the setting '${settingPath(c.setting)}' (config key '${c.setting.key}') are given different values — ${values}`;
}
