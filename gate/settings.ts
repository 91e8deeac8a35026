// Shared settings in the gate (policies/core/settings.ts): `srguard config` writes a complete `--policy-pack-config`
// file from them, and every session warns when policies that share a setting were given different values.

import * as fs from "node:fs";
import {
    type ConfigurablePolicy,
    type SharedSettings,
    SettingsError,
    describeConflict,
    expandSettings,
    parseSettings,
    settingConflicts,
} from "../policies/core/settings";
import { reconcileConfig, specOf } from "./config";
import { inputError } from "./errors";
import type { PackInfo, PolicyConfigValue } from "./pack";
import type { JsonObject } from "./wire";

/** Reads a shared-settings file (JSON); every problem is one line naming the file and the setting. */
export function readSettingsFile(file: string): SharedSettings {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw inputError(file, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read");
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw inputError(file, `malformed JSON: ${(e as Error).message}`);
    }
    try {
        return parseSettings(doc);
    } catch (e) {
        if (e instanceof SettingsError) throw inputError(file, e.message);
        throw e;
    }
}

/** The pack's policies whose config schema srguard can read (a team's opaque policy takes no shared setting). */
function configurable(info: PackInfo): ConfigurablePolicy[] {
    return info.policies.flatMap((p) => {
        const spec = specOf(p);
        return spec ? [{ name: p.name, spec }] : [];
    });
}

/**
 * A complete `--policy-pack-config` document for the pack: every policy with its enforcement level and every config
 * key (the pack's defaults), the shared settings written into each policy that takes them. `where` names the
 * settings in messages.
 */
export function packConfigFromSettings(info: PackInfo, settings: SharedSettings, where: string): JsonObject {
    let expanded: Record<string, Record<string, readonly string[]>>;
    try {
        expanded = expandSettings(settings, configurable(info));
    } catch (e) {
        if (e instanceof SettingsError) throw inputError(where, e.message);
        throw e;
    }
    const defaults = reconcileConfig(info, undefined, where);
    const doc: JsonObject = {};
    for (const p of [...info.policies].sort((a, b) => a.name.localeCompare(b.name))) {
        const d = defaults.get(p.name);
        doc[p.name] = { enforcementLevel: d?.enforcementLevel ?? p.enforcementLevel, ...(d?.properties ?? {}), ...(expanded[p.name] ?? {}) } as JsonObject;
    }
    // What the pack itself would refuse is refused here, naming the policy and the key.
    reconcileConfig(info, doc, where);
    return doc;
}

/**
 * One line per shared setting whose policies (those not disabled) run with different values under `config` (the
 * reconciled config a session sends). `source` names where the config came from.
 */
export function settingWarnings(config: ReadonlyMap<string, PolicyConfigValue>, source: string): string[] {
    const active = new Map<string, JsonObject>();
    for (const [name, v] of config) if (name !== "all" && v.enforcementLevel !== "disabled") active.set(name, v.properties);
    return settingConflicts(active).map((c) => `${source}: ${describeConflict(c)} (state it once: srguard config --settings FILE)`);
}
