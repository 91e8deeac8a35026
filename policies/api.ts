// srguard for platform teams: every policy with its metadata, and a way to build a pack from a selection.
// Importing this module never starts a policy server: only `new PolicyPack(...)` does, in your own pack's entry.
//
//   import { PolicyPack } from "@pulumi/policy";
//   import { packArgs } from "srguard";
//   new PolicyPack("team-pack", packArgs({ clouds: ["aws"], extra: [myPolicy] }));

import type { EnforcementLevel, PolicyPackArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { Cloud, Control, FrameworkKey, Severity, SrguardPolicy } from "./core/policy";
import { SEVERITIES } from "./core/policy";
import { specFromSchema } from "./core/config";
import { type SharedSettings, expandSettings, parseSettings } from "./core/settings";
import { installConfigureTap, installSecretTagTap } from "./core/sdk-contract";
import { policies } from "./registry";

export { policies } from "./registry";
export type { Cloud, Control, FrameworkKey, FrameworkRef, PolicyMeta, Severity, SrguardPolicy } from "./core/policy";
export { CLOUDS, CONTROLS, FRAMEWORKS, SEVERITIES, defineResourcePolicy, defineStackPolicy } from "./core/policy";
export { ConfigError, resolveConfig, validatePackConfig } from "./core/config";
export type { SharedSettings } from "./core/settings";
export { SHARED_SETTINGS, SettingsError, expandSettings, parseSettings } from "./core/settings";

export const PACK_NAME = "srguard";

export interface Selection {
    /** Keep policies of these clouds (default: all). */
    readonly clouds?: readonly Cloud[];
    /** Keep policies of these controls (default: all). */
    readonly controls?: readonly Control[];
    /** Keep policies of at least this severity. */
    readonly minSeverity?: Severity;
    /** Keep policies that map to at least one of these frameworks. */
    readonly frameworks?: readonly FrameworkKey[];
    /** Keep (only) these policy names; unknown names are an error. */
    readonly names?: readonly string[];
    /** Drop these policy names; unknown names are an error. */
    readonly exclude?: readonly string[];
}

function checkNames(names: readonly string[] | undefined, what: string): void {
    for (const n of names ?? []) {
        if (!policies.some((p) => p.name === n)) throw new Error(`srguard: ${what} names no srguard policy: '${n}'`);
    }
}

/**
 * The srguard policies that match every criterion of `selection`. The pack's own policies (cloud `any`:
 * srguard-exemptions) serve every other policy, so only `names` and `exclude` leave them out.
 */
export function selectPolicies(selection: Selection = {}): SrguardPolicy[] {
    checkNames(selection.names, "selection.names");
    checkNames(selection.exclude, "selection.exclude");
    const minRank = selection.minSeverity ? SEVERITIES.indexOf(selection.minSeverity) : 0;
    return policies.filter((p) => {
        const m = p.meta;
        if (m.cloud === "any") return !(selection.names && !selection.names.includes(p.name)) && !selection.exclude?.includes(p.name);
        if (selection.clouds && !selection.clouds.includes(m.cloud)) return false;
        if (selection.controls && !selection.controls.includes(m.control)) return false;
        if (SEVERITIES.indexOf(m.severity) < minRank) return false;
        if (selection.frameworks && !m.frameworks.some((f) => selection.frameworks?.includes(f.framework))) return false;
        if (selection.names && !selection.names.includes(p.name)) return false;
        if (selection.exclude && selection.exclude.includes(p.name)) return false;
        return true;
    });
}

/** A copy of `policy` with another default enforcement level. */
export function withEnforcement<P extends ResourceValidationPolicy | StackValidationPolicy>(policy: P, level: EnforcementLevel): P {
    return Object.freeze(Object.assign({}, policy, { enforcementLevel: level }));
}

/**
 * A copy of `policy` whose config schema defaults are `values` (key → value): the engine fills the schema's defaults
 * into the config it sends, so they apply wherever the `--policy-pack-config` file says nothing else.
 */
export function withConfigDefaults<P extends ResourceValidationPolicy | StackValidationPolicy>(policy: P, values: Readonly<Record<string, unknown>>): P {
    const schema = policy.configSchema;
    if (!schema || !Object.keys(values).length) return policy;
    const properties = { ...schema.properties };
    for (const [k, v] of Object.entries(values)) {
        const property = properties[k];
        if (property === undefined) throw new Error(`srguard: policy '${policy.name}' has no config key '${k}'`);
        properties[k] = { ...property, default: v } as typeof property;
    }
    return Object.freeze(Object.assign({}, policy, { configSchema: { ...schema, properties } }));
}

export interface PackOptions extends Selection {
    /**
     * Shared settings (allowed regions and locations, organisation accounts, approved MSPs), stated once: they become
     * the config defaults of every selected srguard policy that takes them (the `--policy-pack-config` file still
     * overrides them; the gate warns when policies that share a setting end up with different values).
     */
    readonly settings?: SharedSettings;
    /** Per-policy default enforcement levels (the `--policy-pack-config` file still overrides them). */
    readonly enforcement?: Readonly<Record<string, EnforcementLevel>>;
    /** The team's own policies, added after srguard's. */
    readonly extra?: readonly (ResourceValidationPolicy | StackValidationPolicy)[];
    readonly description?: string;
}

/** Arguments for `new PolicyPack(name, packArgs(...))`: a selection of srguard's policies plus your own. */
export function packArgs(options: PackOptions = {}): PolicyPackArgs {
    checkNames(Object.keys(options.enforcement ?? {}), "enforcement");
    // Before the pack is served: exemptions need the whole config the engine sends and which tags are secret
    // (core/sdk-contract.ts §5, §6). When either cannot be had, the first finding says so on stderr and nothing (or no
    // tag) is exempted.
    installConfigureTap();
    installSecretTagTap();
    const chosen = selectPolicies(options);
    const fromSettings = options.settings
        ? expandSettings(
              parseSettings(options.settings),
              chosen.map((p) => ({ name: p.name, spec: specFromSchema(p.configSchema) })),
          )
        : {};
    const selected = chosen.map((p) => {
        const level = options.enforcement?.[p.name];
        const configured = withConfigDefaults(p, fromSettings[p.name] ?? {});
        return level ? withEnforcement(configured, level) : configured;
    });
    const all = [...selected, ...(options.extra ?? [])];
    const seen = new Set<string>();
    for (const p of all) {
        if (seen.has(p.name)) throw new Error(`srguard: two policies are named '${p.name}'`);
        seen.add(p.name);
    }
    return {
        description: options.description ?? "srguard: the customer's half of the shared-responsibility model, enforced",
        enforcementLevel: "advisory",
        policies: all,
    };
}
