// What a run found, for the output formats: the pack's metadata, the effective enforcement levels, and each stack's
// findings.

import type { StackResult } from "./evaluate";
import type { EnforcementLevel, PackInfo, PolicyConfigValue, PolicyView } from "./pack";

export interface Report {
    readonly pack: PackInfo;
    /** The pack folder as the user named it. */
    readonly packDisplay: string;
    /** Each policy's enforcement level after the config file (what the pack ran with). */
    readonly config: ReadonlyMap<string, PolicyConfigValue>;
    readonly results: readonly StackResult[];
}

export interface Summary {
    readonly resources: number;
    readonly mandatory: number;
    readonly advisory: number;
}

export function summarize(results: readonly StackResult[]): Summary {
    let resources = 0;
    let mandatory = 0;
    let advisory = 0;
    for (const r of results) {
        resources += r.resources;
        for (const f of r.findings) {
            if (f.enforcementLevel === "mandatory") mandatory++;
            else advisory++;
        }
    }
    return { resources, mandatory, advisory };
}

/** The policy's control, from its `control:<x>` tag. */
export function controlOf(policy: PolicyView | undefined): string | null {
    const tag = policy?.tags.find((t) => t.startsWith("control:"));
    return tag ? tag.slice("control:".length) : null;
}

export function policyIndex(pack: PackInfo): ReadonlyMap<string, PolicyView> {
    return new Map(pack.policies.map((p) => [p.name, p]));
}

export function effectiveLevel(report: Report, policy: PolicyView): EnforcementLevel {
    return report.config.get(policy.name)?.enforcementLevel ?? policy.enforcementLevel;
}
