// Holds a case to its expected verdict: what each case says must (and must not) be reported, compared with the
// findings the gate got from the pack.

import type { Finding } from "../../gate/evaluate";
import type { SrguardPolicy } from "../../policies/core/policy";
import type { EvasionCase } from "./model";

type Level = "mandatory" | "advisory";

function describe(f: Finding): string {
    const firstLine = f.message.split("\n").slice(1).join(" ").slice(0, 200);
    return `${f.policyName} → ${f.resourceName} [${f.enforcementLevel}] ${firstLine}`;
}

/**
 * What is wrong with `findings` for case `c` (empty when the verdict is the expected one):
 * - every policy named in `violations` reports on exactly the named resources, each at its level;
 * - the `silent` policies (or every policy of the case's control) report nothing.
 */
export function verdictProblems(c: EvasionCase, findings: readonly Finding[], registry: readonly SrguardPolicy[]): string[] {
    const problems: string[] = [];
    const meta = new Map(registry.map((p) => [p.name, p.meta]));
    const expected = new Map<string, Set<string>>();
    for (const v of c.violations ?? []) {
        const level: Level = v.level ?? meta.get(v.policy)?.enforcementLevel ?? "mandatory";
        const set = expected.get(v.policy) ?? new Set<string>();
        set.add(`${v.resource} [${level}]`);
        expected.set(v.policy, set);
    }
    for (const [policy, want] of expected) {
        const got = new Set(findings.filter((f) => f.policyName === policy).map((f) => `${f.resourceName} [${f.enforcementLevel}]`));
        for (const w of want) if (!got.has(w)) problems.push(`expected ${policy} → ${w}, got ${[...got].join(", ") || "nothing"}`);
        for (const g of got) if (!want.has(g)) problems.push(`unexpected ${policy} → ${g}`);
    }
    const silent = c.silent === "control" ? registry.filter((p) => p.meta.control === c.control && p.meta.cloud === c.cloud).map((p) => p.name) : (c.silent ?? []);
    const quiet = new Set(silent);
    for (const f of findings) if (quiet.has(f.policyName)) problems.push(`expected no diagnostic from ${f.policyName}, got ${describe(f)}`);
    return problems;
}

/** What is wrong with the case itself (names that do not exist, a legitimate case without expectations, ...). */
export function caseProblems(c: EvasionCase, registry: readonly SrguardPolicy[]): string[] {
    const problems: string[] = [];
    const byName = new Map(registry.map((p) => [p.name, p]));
    const names = c.stack.resources.map((r) => r.name);
    if (new Set(names).size !== names.length) problems.push("resource names are not unique");
    if (!/^(aws|azure)-[a-z0-9-]+$/.test(c.id) || !c.id.startsWith(`${c.cloud}-${c.control}-`)) problems.push(`id must start with "${c.cloud}-${c.control}-"`);
    if (c.kind === "evasion" && !c.violations?.length) problems.push("an evasion case must name the violations it expects");
    if (c.kind === "legitimate" && (c.violations?.length || !c.silent)) problems.push("a legitimate case expects silence, not violations");
    for (const v of c.violations ?? []) {
        const p = byName.get(v.policy);
        if (!p) problems.push(`no policy ${v.policy} in the registry`);
        else if (p.meta.control !== c.control || p.meta.cloud !== c.cloud) problems.push(`${v.policy} is not a ${c.cloud} ${c.control} policy`);
        if (!names.includes(v.resource)) problems.push(`no resource ${v.resource} in the case`);
    }
    if (c.silent !== undefined && c.silent !== "control") for (const s of c.silent) if (!byName.has(s)) problems.push(`no policy ${s} in the registry`);
    return problems;
}
