// The report for people. Per stack: the pack with a verdict mark, then the findings grouped by policy — the policy's
// level, severity, name and title, its description and remediation once, then each resource (with the file:line of
// the program that declared it, when known) and what the policy reported about it. Three groups, in this order:
// violations of the preview, violations that would block at `pulumi up` (found by the second evaluation with
// computed values resolved to stand-ins), and policies that could not run during the preview. The stack ends with a
// summary line and one line per policy that reported anything. Findings an exemption covers are not violations: they
// are listed in an "Exemptions" section (with days to expiry), beside the expired exemptions whose violations count
// again.

import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { type Finding, isExempted, type StackResult } from "../evaluate";
import { daysText, reportExemptions } from "../exemptions";
import type { PolicyView } from "../pack";
import { type Report, effectiveLevel, policyIndex, summarize } from "../report";
import { blocks, cantRunReason, isCantRun } from "../would-block";

export interface TextOptions {
    readonly color: boolean;
    /** Where file names are relative to (default: the working directory). */
    readonly base?: string;
}

const CODES = { red: 31, yellow: 33, green: 32, bold: 1, dim: 2 } as const;
type Paint = (code: keyof typeof CODES, s: string) => string;

function painter(color: boolean): Paint {
    return (code, s) => (color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `index.ts:12` for a finding whose resource's declaration is known. */
export function locationOf(f: Finding, base: string = process.cwd()): string | undefined {
    if (!f.source) return undefined;
    let file: string;
    try {
        file = fileURLToPath(f.source.uri);
    } catch {
        return undefined;
    }
    return `${path.relative(base, file).split(path.sep).join("/")}:${f.source.line}`;
}

/** What the policy reported, without the policy's description the SDK puts first. */
function reported(f: Finding): string[] {
    let m = f.message;
    if (isCantRun(f)) m = cantRunReason(f);
    else if (f.description && m.startsWith(`${f.description}\n`)) m = m.slice(f.description.length + 1);
    else if (f.description && m === f.description) m = "";
    return m.split(/\r?\n/).filter((l) => l.trim() !== "");
}

function wrap(text: string, indent: string, width = 116): string[] {
    const out: string[] = [];
    for (const para of text.split(/\r?\n/)) {
        let line = "";
        for (const word of para.split(/\s+/).filter((w) => w !== "")) {
            if (line && indent.length + line.length + 1 + word.length > width) {
                out.push(indent + line);
                line = word;
            } else line = line ? `${line} ${word}` : word;
        }
        if (line) out.push(indent + line);
    }
    return out;
}

type Group = "violation" | "up" | "cant-run";

interface PolicyGroup {
    readonly name: string;
    readonly findings: Finding[];
}

function byPolicy(findings: readonly Finding[]): PolicyGroup[] {
    const groups = new Map<string, PolicyGroup>();
    for (const f of findings) {
        let g = groups.get(f.policyName);
        if (!g) groups.set(f.policyName, (g = { name: f.policyName, findings: [] }));
        g.findings.push(f);
    }
    // Mandatory policies first, then by name; resources keep the stack's order.
    return [...groups.values()].sort(
        (a, b) =>
            Number(b.findings.some((f) => f.enforcementLevel === "mandatory")) - Number(a.findings.some((f) => f.enforcementLevel === "mandatory")) ||
            a.name.localeCompare(b.name),
    );
}

function levelTag(report: Report, g: PolicyGroup, kind: Group, policy: PolicyView | undefined, paint: Paint): string {
    if (kind === "cant-run") {
        const mandatory = policy ? blocks(effectiveLevel(report, policy)) : false;
        const tag = mandatory ? (report.strictUnknowns ? paint("red", "[can't run: mandatory policy]") : paint("yellow", "[can't run: mandatory policy]")) : paint("dim", "[can't run]");
        return tag;
    }
    return g.findings.some((f) => f.enforcementLevel === "mandatory") ? paint("red", "[mandatory]") : paint("yellow", "[advisory]");
}

function policyBlock(report: Report, g: PolicyGroup, kind: Group, policies: ReadonlyMap<string, PolicyView>, paint: Paint, base: string): string[] {
    const policy = policies.get(g.name);
    const first = g.findings[0];
    const severity = (first?.severity ?? policy?.severity) ? `[${first?.severity ?? policy?.severity}]  ` : "";
    const title = policy?.displayName ? ` — ${policy.displayName}` : "";
    const lines = [`    ${levelTag(report, g, kind, policy, paint)}  ${severity}${paint("bold", g.name)}${title}`];
    // Description and remediation once per policy (not for "can't run": the policy did not judge anything).
    if (kind !== "cant-run") {
        const description = policy?.description || first?.description;
        if (description) lines.push(...wrap(description, "        "));
        if (policy?.remediation) lines.push(...wrap(`Fix: ${policy.remediation}`, "        "));
    }
    for (const f of g.findings) {
        const where = locationOf(f, base);
        lines.push(`        - ${f.resourceType} ${paint("bold", f.resourceName)}${where ? paint("dim", ` (${where})`) : ""}`);
        for (const m of reported(f)) lines.push(`          ${m}`);
    }
    return lines;
}

function tally(r: StackResult): string[] {
    const rows = new Map<string, { mandatory: number; advisory: number; up: number; cantRun: number; exempted: number }>();
    const row = (name: string) => {
        let x = rows.get(name);
        if (!x) rows.set(name, (x = { mandatory: 0, advisory: 0, up: 0, cantRun: 0, exempted: 0 }));
        return x;
    };
    for (const f of r.findings) {
        const x = row(f.policyName);
        if (isExempted(f)) x.exempted++;
        else if (isCantRun(f)) x.cantRun++;
        else if (f.enforcementLevel === "mandatory") x.mandatory++;
        else x.advisory++;
    }
    for (const f of r.wouldBlock ?? []) row(f.policyName).up++;
    const width = Math.max(0, ...[...rows.keys()].map((k) => k.length));
    return [...rows.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, x]) => {
            const parts = [
                x.mandatory ? `${x.mandatory} mandatory` : "",
                x.advisory ? `${x.advisory} advisory` : "",
                x.up ? `${x.up} would block at \`pulumi up\`` : "",
                x.cantRun ? `${x.cantRun} can't run during preview` : "",
                x.exempted ? `${x.exempted} exempted` : "",
            ].filter((p) => p !== "");
            return `    ${name.padEnd(width)}  ${parts.join(", ")}`;
        });
}

function stackBlock(report: Report, r: StackResult, paint: Paint, base: string): string[] {
    const lines: string[] = [];
    const s = summarize([r], report.config);
    const policies = policyIndex(report.pack);
    lines.push(paint("bold", `${r.stack.origin} (project ${r.stack.project}, stack ${r.stack.stack}): ${plural(r.resources, "resource")} evaluated`));
    lines.push("");
    lines.push("Policies:");
    const failed = s.mandatory > 0 || s.wouldBlock.mandatory > 0 || (report.strictUnknowns === true && s.cantRunMandatory > 0);
    const mark = failed ? paint("red", "❌") : s.advisory || s.wouldBlock.advisory || s.cantRun ? paint("yellow", "⚠️ ") : paint("green", "✅");
    lines.push(`    ${mark} ${report.pack.name}@v${report.pack.version} (local: ${report.packDisplay})`);
    const violations = r.findings.filter((f) => !isCantRun(f) && !isExempted(f));
    const cantRun = r.findings.filter(isCantRun);
    const section = (kind: Group, heading: string | undefined, findings: readonly Finding[]) => {
        if (!findings.length) return;
        lines.push("");
        if (heading) lines.push(paint("bold", heading));
        for (const g of byPolicy(findings)) {
            lines.push(...policyBlock(report, g, kind, policies, paint, base));
            lines.push("");
        }
        lines.pop();
    };
    section("violation", undefined, violations);
    section(
        "up",
        "Would block at `pulumi up` — found with every computed value resolved to a stand-in (ids, ARNs, names), hidden in the preview by an unknown:",
        r.wouldBlock ?? [],
    );
    section(
        "cant-run",
        report.strictUnknowns
            ? "Can't run during preview (a value is computed by another resource) — with --strict-unknowns a mandatory policy here fails the gate:"
            : "Can't run during preview (a value is computed by another resource; --strict-unknowns makes a mandatory one fail the gate):",
        cantRun,
    );
    const exemptions = reportExemptions([r]);
    if (exemptions.length) {
        lines.push("", paint("bold", "Exemptions (soonest expiry first):"));
        for (const e of exemptions) {
            const status = e.status === "in-force" ? paint("yellow", "[exempted]") : paint("red", "[expired] ");
            const when = e.status === "in-force" ? `until ${e.expires}, ${daysText(e.daysLeft)}` : `${daysText(e.daysLeft)} (on ${e.expires}): the violation counts again`;
            lines.push(`    ${status}  ${e.policyName} on ${e.resourceType} ${paint("bold", e.resourceName)} — ${when}`);
            lines.push(...wrap(`${e.where}: ${e.reason}`, "        "));
        }
    }
    lines.push("");
    const verdict = failed
        ? paint("red", s.mandatory ? "FAILED: mandatory policy violations" : s.wouldBlock.mandatory ? "FAILED: `pulumi up` would be blocked" : "FAILED: mandatory policies could not run (--strict-unknowns)")
        : paint("green", "passed");
    const extras = [
        s.wouldBlock.mandatory || s.wouldBlock.advisory ? `${s.wouldBlock.mandatory + s.wouldBlock.advisory} would block at \`pulumi up\`` : "",
        s.cantRun ? `${s.cantRun} can't run during preview` : "",
        s.exempted ? `${s.exempted} exempted` : "",
    ].filter((e) => e !== "");
    lines.push(
        `Summary: ${plural(s.mandatory, "mandatory violation")}, ${plural(s.advisory, "advisory violation")}${extras.length ? `, ${extras.join(", ")}` : ""} in ${plural(r.resources, "resource")} — ${verdict}`,
    );
    lines.push(...tally(r));
    return lines;
}

export function formatText(report: Report, opts: TextOptions): string {
    const paint = painter(opts.color);
    const base = opts.base ?? process.cwd();
    const blocks = report.results.map((r) => stackBlock(report, r, paint, base).join("\n"));
    if (report.results.length > 1) {
        const s = summarize(report.results, report.config);
        const up = s.wouldBlock.mandatory + s.wouldBlock.advisory;
        blocks.push(
            `Total: ${plural(s.mandatory, "mandatory violation")}, ${plural(s.advisory, "advisory violation")}${up ? `, ${up} would block at \`pulumi up\`` : ""}${s.cantRun ? `, ${s.cantRun} can't run during preview` : ""}${s.exempted ? `, ${s.exempted} exempted` : ""} in ${plural(s.resources, "resource")} of ${plural(report.results.length, "stack")}`,
        );
    }
    return `${blocks.join("\n\n")}\n`;
}
