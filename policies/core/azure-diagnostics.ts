// Azure Monitor diagnostic settings (resource, subscription activity log, management group, Entra ID): does a
// setting keep logs? It must send them to a destination that retains them (a Log Analytics workspace or a storage
// account; an event hub or a partner solution only streams them) and enable at least one log category or category
// group. Shared by the diagnostic-setting resource policy and the stack policies that look for such a setting.

import { isObjectValue } from "./azure";
import type { FieldOf, ItemOf, Shape, Value } from "./read";
import type { ResourceArgs } from "./resource-types.generated";
import { fail, pass, unknown, type Verdict } from "./verdict";

/** Diagnostic setting types (canonical tokens); the insights → monitor rename is folded by core/tokens.ts. */
export const DIAGNOSTIC_SETTING_TYPES = [
    "azure-native:monitor:DiagnosticSetting",
    "azure-native:monitor:SubscriptionDiagnosticSetting",
    "azure-native:monitor:ManagementGroupDiagnosticSetting",
    "azure-native:aadiam:DiagnosticSetting",
] as const;

export type DiagnosticSettingType = (typeof DIAGNOSTIC_SETTING_TYPES)[number];

/** The properties of any diagnostic setting type. */
export type DiagnosticSettingProps = Value<Shape<ResourceArgs[DiagnosticSettingType]>>;

/** One entry of a diagnostic setting's `logs`. */
export type DiagnosticLogEntry = Value<ItemOf<FieldOf<Shape<ResourceArgs[DiagnosticSettingType]>, "logs">>>;

/** An id that is not known yet (a new workspace's) is still a destination. */
function isDestination(v: Value): boolean {
    return v.isUnknown || v.isText();
}

/**
 * The values of the `logs` entries, in the order a check reads them: an unknown list or entry, or an entry's
 * `enabled`, `category`, `categoryGroup` (`logs` may be one entry rather than a list).
 */
function logValues(logs: Value<FieldOf<Shape<ResourceArgs[DiagnosticSettingType]>, "logs">>): Value[] {
    const out: Value[] = [];
    for (const entry of logs.items()) {
        if (entry.isUnknown) out.push(entry);
        else out.push(entry.get("enabled"), entry.get("category"), entry.get("categoryGroup"));
    }
    return out;
}

/**
 * Whether a diagnostic setting keeps logs: `fail` with what is wrong (property names and fixed words only), `pass`,
 * or `unknown` while an unknown value decides.
 */
export function judgeDiagnosticSetting(props: DiagnosticSettingProps): Verdict {
    const problems: string[] = [];
    if (!isDestination(props.get("workspaceId")) && !isDestination(props.get("storageAccountId"))) {
        problems.push(
            "neither `workspaceId` nor `storageAccountId` is set, so the logs are not retained (an event hub or partner destination only streams them); send them to a Log Analytics workspace or a storage account.",
        );
    }
    const logs = props.get("logs");
    let undecided = logs.isUnknown;
    if (!logs.isUnknown) {
        let on = false;
        for (const entry of logs.items()) {
            if (entry.isUnknown) {
                undecided = true;
                continue;
            }
            if (!isObjectValue(entry)) continue;
            const enabled = entry.get("enabled");
            if (enabled.isUnknown) undecided = true;
            else if (enabled.isTrue() && (isDestination(entry.get("category")) || isDestination(entry.get("categoryGroup")))) on = true;
        }
        if (on) undecided = false;
        else if (!undecided) {
            problems.push("no entry of `logs` is enabled with a `category` or `categoryGroup`; enable at least one (e.g. `categoryGroup: \"audit\"` or `\"allLogs\"`).");
        }
    }
    if (problems.length) return fail(...problems);
    return undecided ? unknown(...(logs.isUnknown ? [logs] : logValues(logs))) : pass;
}

/**
 * Whether a diagnostic setting enables one of `categories` (e.g. Key Vault's AuditEvent) or one of the category
 * groups that include them (`audit`, `allLogs`; any case): `pass`, `fail(message)`, or `unknown` while an entry that
 * could decide is unknown. Destinations are `judgeDiagnosticSetting`'s concern.
 */
export function enablesCategory(props: DiagnosticSettingProps, categories: readonly string[], groups: readonly string[], message: string): Verdict {
    const logs = props.get("logs");
    if (logs.isUnknown) return unknown(logs);
    const undecided: Value[] = [];
    for (const entry of logs.items()) {
        if (entry.isUnknown) {
            undecided.push(entry);
            continue;
        }
        if (!isObjectValue(entry)) continue;
        const enabled = entry.get("enabled");
        const category = entry.get("category");
        const group = entry.get("categoryGroup");
        const names = [category.text(), group.text()].map((s) => s?.toLowerCase());
        const matches = categories.some((c) => names[0] === c.toLowerCase()) || groups.some((g) => names[1] === g.toLowerCase());
        if (enabled.isUnknown && (matches || category.isUnknown || group.isUnknown)) undecided.push(enabled);
        else if (category.isUnknown || group.isUnknown) undecided.push(category, group);
        else if (matches && enabled.isTrue()) return pass;
    }
    return undecided.length ? unknown(...undecided) : fail(message);
}
