// The generated part of docs/evasion.md: counts of cases by control and cloud, what the cases found (and how it was
// fixed), the deliberate decisions they pin, and every case by title. tests/evasion/docs.test.ts fails when the file
// is stale; `SRGUARD_WRITE_EVASION_DOCS=1 npx vitest run tests/evasion/docs.test.ts` rewrites it.

import * as path from "node:path";
import { CLOUDS, CONTROLS } from "../../policies/core/policy";
import type { EvasionCase } from "./model";

export const EVASION_DOC = path.resolve(__dirname, "..", "..", "docs", "evasion.md");
export const START = "<!-- evasion:start (generated from tests/evasion/cases; see tests/evasion/summary.ts) -->";
export const END = "<!-- evasion:end -->";

const CLOUD_TITLE = { aws: "AWS", azure: "Azure" } as const;

function groups(cases: readonly EvasionCase[]) {
    return CONTROLS.flatMap((control) =>
        CLOUDS.map((cloud) => ({ control, cloud, cases: cases.filter((c) => c.control === control && c.cloud === cloud) })),
    ).filter((g) => g.cases.length > 0);
}

function oneLine(s: string): string {
    return s.replace(/\s+/g, " ").trim();
}

/** The registered policies no case expects a violation from (listed in the docs, so a gap is visible). */
export function unexercised(cases: readonly EvasionCase[], policyNames: readonly string[]): string[] {
    const named = new Set(cases.flatMap((c) => (c.violations ?? []).map((v) => v.policy)));
    return policyNames.filter((n) => !named.has(n));
}

export function renderSummary(cases: readonly EvasionCase[], policyNames: readonly string[]): string {
    const count = (list: readonly EvasionCase[], pred: (c: EvasionCase) => boolean) => list.filter(pred).length;
    const evasion = (c: EvasionCase) => c.kind === "evasion";
    const legitimate = (c: EvasionCase) => c.kind === "legitimate";
    const found = (c: EvasionCase) => c.found !== undefined;
    const out: string[] = [
        "| Control | Cloud | Evasions | Legitimate look-alikes | Cases also read as `preview --json` | Found and fixed |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ];
    for (const g of groups(cases)) {
        out.push(
            `| ${g.control} | ${CLOUD_TITLE[g.cloud]} | ${count(g.cases, evasion)} | ${count(g.cases, legitimate)} | ` +
                `${count(g.cases, (c) => c.preview === true)} | ${count(g.cases, found)} |`,
        );
    }
    out.push(
        `| **all** | | **${count(cases, evasion)}** | **${count(cases, legitimate)}** | **${count(cases, (c) => c.preview === true)}** | ` +
            `**${count(cases, found)}** |`,
        "",
        `${cases.length} cases. Policies no case expects a violation from: ${unexercised(cases, policyNames).map((n) => `\`${n}\``).join(", ") || "none"}.`,
        "",
        "### What the cases found",
        "",
    );
    const foundCases = cases.filter(found);
    if (!foundCases.length) out.push("Nothing.");
    for (const c of foundCases) out.push(`- **${c.id}** (${c.kind === "evasion" ? "evasion" : "false alarm"}) — ${oneLine(c.found ?? "")}`);
    out.push("", "### Deliberate decisions the cases pin", "");
    const decided = cases.filter((c) => c.decision !== undefined);
    if (!decided.length) out.push("None.");
    for (const c of decided) out.push(`- **${c.id}** — ${oneLine(c.decision ?? "")}`);
    out.push("", "### Every case", "");
    for (const g of groups(cases)) {
        out.push(`#### ${g.control} — ${CLOUD_TITLE[g.cloud]}`, "");
        for (const c of g.cases) out.push(`- ${c.kind === "evasion" ? "evasion" : "legitimate"}: ${oneLine(c.title)} (\`${c.id}\`)`);
        out.push("");
    }
    return out.join("\n").trimEnd();
}

/** `doc` with the generated section replaced by `summary`. */
export function withSummary(doc: string, summary: string): string {
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`docs/evasion.md has no ${START} ... ${END} section`);
    return `${doc.slice(0, start + START.length)}\n${summary}\n${doc.slice(end)}`;
}
