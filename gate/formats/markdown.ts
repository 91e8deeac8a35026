// A compact Markdown report for a pull-request comment or the GitHub Actions step summary ($GITHUB_STEP_SUMMARY): the
// verdict, violations counted by control and severity, each failing policy with its resources and remediation, then
// the exemptions in play (in force and expired) with days to expiry. GitHub caps a comment at 65,536 characters: a
// policy lists at most MAX_RESOURCES resources, and the report says how many more there are.

import { type Finding, isExempted } from "../evaluate";
import { daysText, reportExemptions } from "../exemptions";
import type { PolicyView } from "../pack";
import { controlOf, failsGate, policyIndex, type Report, summarize } from "../report";
import { isCantRun } from "../would-block";
import { locationOf } from "./text";

const MAX_RESOURCES = 20;
const SEVERITY_ORDER = ["critical", "high", "medium", "low"] as const;

/** Text safe inside a Markdown table cell or list item (no HTML, no table breaks, one line). */
function md(s: string): string {
    return s
        .replace(/\r?\n/g, " ")
        // Backticks stay: messages quote property names as code.
        .replace(/[\\<>|[\]]/g, (c) => `\\${c}`)
        .trim();
}

function code(s: string): string {
    return `\`${s.replace(/`/g, "'")}\``;
}

/** What the policy reported about the resource, without the description the SDK puts first and the exemption lines. */
function reported(f: Finding): string {
    let m = f.message;
    if (f.description && m.startsWith(`${f.description}\n`)) m = m.slice(f.description.length + 1);
    return m
        .split(/\r?\n/)
        .filter((l) => l.trim() !== "")
        .join(" ");
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export interface MarkdownOptions {
    /** Where file names are relative to (default: the working directory). */
    readonly base?: string;
}

export function formatMarkdown(report: Report, opts: MarkdownOptions = {}): string {
    const policies = policyIndex(report.pack);
    const s = summarize(report.results, report.config);
    const failed = failsGate(report);
    const violations = report.results.flatMap((r) => [
        ...r.findings.filter((f) => !isExempted(f) && !isCantRun(f)).map((f) => ({ f, up: false })),
        ...(r.wouldBlock ?? []).filter((f) => !isExempted(f)).map((f) => ({ f, up: true })),
    ]);
    const out: string[] = [];
    const counts = [
        plural(s.mandatory + s.wouldBlock.mandatory, "mandatory violation"),
        plural(s.advisory + s.wouldBlock.advisory, "advisory violation"),
        ...(s.exempted ? [`${s.exempted} exempted`] : []),
        ...(s.cantRun ? [`${s.cantRun} can't run during preview`] : []),
    ];
    out.push(`### ${failed ? "❌" : violations.length ? "⚠️" : "✅"} srguard: ${failed ? "failed" : "passed"} — ${counts.join(", ")}`);
    out.push("");
    const stacks = report.results.map((r) => code(`${r.stack.project}/${r.stack.stack}`)).join(", ");
    out.push(`${code(`${report.pack.name}@v${report.pack.version}`)} · ${plural(s.resources, "resource")} in ${report.results.length === 1 ? "stack" : "stacks"} ${stacks}`);

    if (violations.length) {
        const byControl = new Map<string, Record<string, number>>();
        for (const { f } of violations) {
            const control = controlOf(policies.get(f.policyName)) ?? "other";
            const row = byControl.get(control) ?? {};
            const sev = f.severity ?? policies.get(f.policyName)?.severity ?? "unrated";
            row[sev] = (row[sev] ?? 0) + 1;
            byControl.set(control, row);
        }
        const severities = [...SEVERITY_ORDER, ...(violations.some(({ f }) => !(f.severity ?? policies.get(f.policyName)?.severity)) ? ["unrated"] : [])];
        out.push("", `| Control | ${severities.map((x) => x[0]?.toUpperCase() + x.slice(1)).join(" | ")} | Total |`, `| --- |${severities.map(() => " ---: |").join("")} ---: |`);
        for (const [control, row] of [...byControl].sort(([a], [b]) => a.localeCompare(b))) {
            const total = Object.values(row).reduce((a, b) => a + b, 0);
            out.push(`| ${md(control)} | ${severities.map((x) => String(row[x] ?? 0)).join(" | ")} | ${total} |`);
        }

        out.push("", "#### Failing policies", "");
        const groups = new Map<string, { policy: PolicyView | undefined; items: { f: Finding; up: boolean }[] }>();
        for (const v of violations) {
            const g = groups.get(v.f.policyName) ?? { policy: policies.get(v.f.policyName), items: [] };
            g.items.push(v);
            groups.set(v.f.policyName, g);
        }
        const mandatoryFirst = [...groups].sort(
            ([a, ga], [b, gb]) =>
                Number(gb.items.some((i) => i.f.enforcementLevel === "mandatory")) - Number(ga.items.some((i) => i.f.enforcementLevel === "mandatory")) || a.localeCompare(b),
        );
        for (const [name, g] of mandatoryFirst) {
            const level = g.items.some((i) => i.f.enforcementLevel === "mandatory") ? "mandatory" : "advisory";
            const severity = g.items[0]?.f.severity ?? g.policy?.severity;
            out.push(`**${code(name)}** — ${md(g.policy?.displayName ?? "")} (${level}${severity ? `, ${severity}` : ""})`);
            for (const { f, up } of g.items.slice(0, MAX_RESOURCES)) {
                const where = locationOf(f, opts.base);
                out.push(`- ${code(f.resourceName)} ${md(f.resourceType)}${where ? ` (${code(where)})` : ""}${up ? " — would block at `pulumi up`" : ""}: ${md(reported(f))}`);
            }
            if (g.items.length > MAX_RESOURCES) out.push(`- … and ${g.items.length - MAX_RESOURCES} more`);
            if (g.policy?.remediation) out.push("", `  Fix: ${md(g.policy.remediation)}`);
            out.push("");
        }
        out.pop();
    }

    const exemptions = reportExemptions(report.results);
    if (exemptions.length) {
        out.push("", "#### Exemptions", "", "| Status | Policy | Resource | Expires | Source | Reason |", "| --- | --- | --- | --- | --- | --- |");
        for (const e of exemptions) {
            const status = e.status === "in-force" ? "exempted" : "**expired** (counts again)";
            out.push(`| ${status} | ${code(e.policyName)} | ${code(e.resourceName)} | ${e.expires} (${daysText(e.daysLeft)}) | ${md(e.where)} | ${md(e.reason)} |`);
        }
    }
    return `${out.join("\n")}\n`;
}
