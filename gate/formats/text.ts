// The report for people, in the style of the "Policies:" section of `pulumi preview`: per stack, the pack with a
// verdict mark, then each resource with its violations (enforcement level, severity, policy, message), and a
// summary line.

import type { Finding, StackResult } from "../evaluate";
import { type Report, summarize } from "../report";

export interface TextOptions {
    readonly color: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, bold: 1, dim: 2 } as const;

function painter(color: boolean) {
    return (code: keyof typeof CODES, s: string) => (color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function stackBlock(report: Report, r: StackResult, paint: ReturnType<typeof painter>): string[] {
    const lines: string[] = [];
    const s = summarize([r]);
    lines.push(paint("bold", `${r.stack.origin} (project ${r.stack.project}, stack ${r.stack.stack}): ${plural(r.resources, "resource")} evaluated`));
    lines.push("");
    lines.push("Policies:");
    const mark = s.mandatory ? paint("red", "❌") : s.advisory ? paint("yellow", "⚠️ ") : paint("green", "✅");
    lines.push(`    ${mark} ${report.pack.name}@v${report.pack.version} (local: ${report.packDisplay})`);
    const byResource = new Map<string, Finding[]>();
    for (const f of r.findings) {
        const list = byResource.get(f.urn) ?? [];
        list.push(f);
        byResource.set(f.urn, list);
    }
    for (const findings of byResource.values()) {
        const first = findings[0];
        if (!first) continue;
        lines.push(`        ${paint("bold", `${first.resourceType}: ${first.resourceName}`)}`);
        for (const f of findings) {
            const level = f.enforcementLevel === "mandatory" ? paint("red", "[mandatory]") : paint("yellow", "[advisory]");
            const severity = f.severity ? `[${f.severity}]  ` : "";
            lines.push(`            - ${level}  ${severity}${f.policyName}`);
            for (const m of f.message.split(/\r?\n/)) if (m.trim() !== "") lines.push(`              ${m}`);
        }
    }
    lines.push("");
    const verdict = s.mandatory ? paint("red", "FAILED: mandatory policy violations") : paint("green", "passed");
    lines.push(`Summary: ${plural(s.mandatory, "mandatory violation")}, ${plural(s.advisory, "advisory violation")} in ${plural(r.resources, "resource")} — ${verdict}`);
    return lines;
}

export function formatText(report: Report, opts: TextOptions): string {
    const paint = painter(opts.color);
    const blocks = report.results.map((r) => stackBlock(report, r, paint).join("\n"));
    if (report.results.length > 1) {
        const s = summarize(report.results);
        blocks.push(
            `Total: ${plural(s.mandatory, "mandatory violation")}, ${plural(s.advisory, "advisory violation")} in ${plural(s.resources, "resource")} of ${plural(report.results.length, "stack")}`,
        );
    }
    return `${blocks.join("\n\n")}\n`;
}
