// Azure Monitor diagnostic settings (resource, subscription activity log, management group, Entra ID): does a
// setting keep logs? It must send them to a destination that retains them (a Log Analytics workspace or a storage
// account; an event hub or a partner solution only streams them) and enable at least one log category or category
// group. Shared by the diagnostic-setting resource policy and the coverage stack policy.

import { type Props, asArray, isKnown, isObject, isTrue, knownItems } from "./values";

/** Diagnostic setting types (canonical tokens); the insights → monitor rename is folded by core/tokens.ts. */
export const DIAGNOSTIC_SETTING_TYPES: readonly string[] = [
    "azure-native:monitor:DiagnosticSetting",
    "azure-native:monitor:SubscriptionDiagnosticSetting",
    "azure-native:monitor:ManagementGroupDiagnosticSetting",
    "azure-native:aadiam:DiagnosticSetting",
];

export interface DiagnosticVerdict {
    /** What is wrong, as report messages (property names and fixed words only). */
    readonly problems: readonly string[];
    /** Whether the verdict depends on values that are unknown during preview (only when there are no problems). */
    readonly unknown: boolean;
}

function nonEmptyOrUnknown(props: Props, key: string): boolean {
    if (!isKnown(props, key)) return true; // an id that is not known yet (a new workspace's) is still a destination
    const v = props[key];
    return typeof v === "string" && v.trim() !== "";
}

/** One `logs` entry: "on" (enabled, with a category or group), "off", or "unknown". */
function logEntry(entry: unknown): "on" | "off" | "unknown" {
    if (!isObject(entry)) return "off";
    if (!isKnown(entry, "enabled")) return "unknown";
    if (!isTrue(entry.enabled)) return "off";
    return nonEmptyOrUnknown(entry, "category") || nonEmptyOrUnknown(entry, "categoryGroup") ? "on" : "off";
}

/** Judges a diagnostic setting from its known values, without reading unknown ones. */
export function judgeDiagnosticSetting(props: Props): DiagnosticVerdict {
    const problems: string[] = [];
    if (!nonEmptyOrUnknown(props, "workspaceId") && !nonEmptyOrUnknown(props, "storageAccountId")) {
        problems.push(
            "neither `workspaceId` nor `storageAccountId` is set, so the logs are not retained (an event hub or partner destination only streams them); send them to a Log Analytics workspace or a storage account.",
        );
    }
    let unknown = false;
    if (!isKnown(props, "logs")) {
        unknown = true;
    } else {
        const { items, anyUnknown } = knownItems(props.logs);
        const entries = items.map(logEntry);
        if (!entries.includes("on")) {
            if (anyUnknown || entries.includes("unknown")) unknown = true;
            else problems.push("no entry of `logs` is enabled with a `category` or `categoryGroup`; enable at least one (e.g. `categoryGroup: \"audit\"` or `\"allLogs\"`).");
        }
    }
    return { problems, unknown: unknown && problems.length === 0 };
}

/**
 * Reads the `logs` entries through the SDK's proxy, so that an unknown value raises the SDK's "can't run during
 * preview" (for a resource policy whose verdict depends on it).
 */
export function readLogsStrictly(props: Props): void {
    // `logs` may be one entry rather than a list, as judgeDiagnosticSetting accepts (knownItems).
    for (const entry of asArray(props.logs)) {
        if (isObject(entry)) void [entry.enabled, entry.category, entry.categoryGroup];
    }
}
