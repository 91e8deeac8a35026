// What a run found, for the output formats: the pack's metadata, the effective enforcement levels, and each stack's
// findings.

import { isExempted, type StackResult } from "./evaluate";
import type { EnforcementLevel, PackInfo, PolicyConfigValue, PolicyView } from "./pack";
import { blocks, isCantRun } from "./would-block";

export interface Report {
    readonly pack: PackInfo;
    /** The pack folder as the user named it. */
    readonly packDisplay: string;
    /** Each policy's enforcement level after the config file (what the pack ran with). */
    readonly config: ReadonlyMap<string, PolicyConfigValue>;
    readonly results: readonly StackResult[];
    /** `--strict-unknowns`: a mandatory policy that can't run during preview fails the gate. */
    readonly strictUnknowns?: boolean;
}

export interface Summary {
    readonly resources: number;
    /** Violations the preview proves, at each level ("can't run" findings are not violations). */
    readonly mandatory: number;
    readonly advisory: number;
    /** Policies that could not run during the preview (a value they need is unknown), one per policy and resource. */
    readonly cantRun: number;
    /** Of those, the ones whose policy is mandatory (they fail the gate with `--strict-unknowns`). */
    readonly cantRunMandatory: number;
    /** Violations only the `pulumi up` pass finds, at each level. */
    readonly wouldBlock: { readonly mandatory: number; readonly advisory: number };
    /** Findings an exemption in force covers (not counted as violations). */
    readonly exempted: number;
}

/** `config`: the effective levels, to tell which "can't run" findings belong to mandatory policies. */
export function summarize(results: readonly StackResult[], config?: ReadonlyMap<string, PolicyConfigValue>): Summary {
    let resources = 0;
    let mandatory = 0;
    let advisory = 0;
    let cantRun = 0;
    let cantRunMandatory = 0;
    let upMandatory = 0;
    let upAdvisory = 0;
    let exempted = 0;
    for (const r of results) {
        resources += r.resources;
        for (const f of r.findings) {
            if (isExempted(f)) exempted++;
            else if (isCantRun(f)) {
                cantRun++;
                if (blocks(config?.get(f.policyName)?.enforcementLevel)) cantRunMandatory++;
            } else if (f.enforcementLevel === "mandatory") mandatory++;
            else advisory++;
        }
        for (const f of r.wouldBlock ?? []) {
            if (isExempted(f)) continue;
            if (f.enforcementLevel === "mandatory") upMandatory++;
            else upAdvisory++;
        }
    }
    return { resources, mandatory, advisory, cantRun, cantRunMandatory, wouldBlock: { mandatory: upMandatory, advisory: upAdvisory }, exempted };
}

/** Whether the run fails the gate (exit 1): a mandatory violation of the preview or of the `pulumi up` pass, or
 * with `--strict-unknowns` a mandatory policy that could not run. */
export function failsGate(report: Pick<Report, "results" | "config" | "strictUnknowns">): boolean {
    const s = summarize(report.results, report.config);
    return s.mandatory > 0 || s.wouldBlock.mandatory > 0 || (report.strictUnknowns === true && s.cantRunMandatory > 0);
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
