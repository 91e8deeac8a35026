// Generates the compliance matrix (docs/compliance.md): the benchmark catalogue (docs/catalogue.json, vendored from the
// team's shared catalogue) held against the registry. Which items a policy enforces is data: the policy's own
// `catalogue` metadata, merged with docs/catalogue-coverage.ts for policies written before the field existed; items no
// policy can decide from declared properties are explained in docs/catalogue-undecidable.ts.
// `npm run docs` writes it (through tools/gen-docs.ts); tests/compliance.test.ts fails when it is stale or when a
// policy names a key the catalogue lacks.

import * as fs from "fs";
import * as path from "path";
import { EXISTING_POLICY_COVERAGE } from "../docs/catalogue-coverage";
import { UNDECIDABLE } from "../docs/catalogue-undecidable";
import { CLOUDS, CONTROLS, FRAMEWORKS, type FrameworkKey, type SrguardPolicy } from "../policies/core/policy";
import { policies } from "../policies/registry";

const ROOT = path.resolve(__dirname, path.basename(path.dirname(__dirname)) === "dist" ? "../.." : "..");
export const CATALOGUE_PATH = path.join(ROOT, "docs", "catalogue.json");
export const COMPLIANCE_PATH = path.join(ROOT, "docs", "compliance.md");

export interface CatalogueSource {
    readonly name: string;
    readonly id?: string | null;
    readonly title: string;
    readonly confidence: string;
}

export interface CatalogueItem {
    readonly key: string;
    readonly cloud: string;
    readonly control: string;
    readonly sources: readonly CatalogueSource[];
    readonly requirement: string;
    readonly tokens: readonly string[];
    readonly property: string;
    readonly decided_by: "resource" | "stack";
}

export function loadCatalogue(): readonly CatalogueItem[] {
    return JSON.parse(fs.readFileSync(CATALOGUE_PATH, "utf8")) as CatalogueItem[];
}

/** The catalogue keys each registered policy enforces: its `catalogue` field, else its entry in catalogue-coverage.ts. */
export function policyKeys(p: SrguardPolicy): readonly string[] {
    return p.meta.catalogue ?? EXISTING_POLICY_COVERAGE[p.name] ?? [];
}

/** What is inconsistent between the catalogue, the policies' keys and the coverage data (empty when all is well). */
export function catalogueProblems(catalogue: readonly CatalogueItem[] = loadCatalogue()): string[] {
    const items = new Map(catalogue.map((i) => [i.key, i]));
    const names = new Set(policies.map((p) => p.name));
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const i of catalogue) {
        if (seen.has(i.key)) problems.push(`docs/catalogue.json lists \`${i.key}\` twice`);
        seen.add(i.key);
    }
    for (const p of policies) {
        if (p.meta.catalogue && p.name in EXISTING_POLICY_COVERAGE) {
            problems.push(`${p.name} sets \`catalogue\` and is also listed in docs/catalogue-coverage.ts; delete its line there`);
        }
        const keys = policyKeys(p);
        if (new Set(keys).size !== keys.length) problems.push(`${p.name} names a catalogue key twice`);
        for (const k of keys) {
            const item = items.get(k);
            if (!item) problems.push(`${p.name} names catalogue key \`${k}\`, which docs/catalogue.json does not have`);
            else if (item.cloud !== p.meta.cloud) problems.push(`${p.name} (${p.meta.cloud}) names \`${k}\`, an ${item.cloud} item`);
        }
    }
    for (const name of Object.keys(EXISTING_POLICY_COVERAGE)) {
        if (!names.has(name)) problems.push(`docs/catalogue-coverage.ts lists ${name}, which the registry does not have`);
    }
    const covered = coverage(catalogue);
    for (const k of Object.keys(UNDECIDABLE)) {
        if (!items.has(k)) problems.push(`docs/catalogue-undecidable.ts explains \`${k}\`, which docs/catalogue.json does not have`);
        else if (covered.get(k)?.length) problems.push(`\`${k}\` is enforced by ${covered.get(k)?.join(", ")} and also listed as undecidable; remove it from docs/catalogue-undecidable.ts`);
    }
    return problems;
}

/** Catalogue key → the registered policies that enforce it (by name, sorted). */
export function coverage(catalogue: readonly CatalogueItem[] = loadCatalogue()): Map<string, string[]> {
    const out = new Map<string, string[]>(catalogue.map((i) => [i.key, []]));
    for (const p of policies) for (const k of policyKeys(p)) out.get(k)?.push(p.name);
    for (const list of out.values()) list.sort();
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

const CLOUD_TITLE: Record<string, string> = { aws: "AWS", azure: "Azure" };

/** The srguard framework a catalogue source belongs to, when srguard's metadata can cite it. */
function frameworkOf(source: CatalogueSource): FrameworkKey | undefined {
    if (source.name === "AWS FSBP") return "aws-fsbp";
    if (source.name.startsWith("CIS AWS Foundations")) return "cis-aws";
    if (source.name.startsWith("CIS Microsoft Azure Foundations")) return "cis-azure";
    return undefined;
}

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

const code = (s: string) => `\`${s}\``;
const policyLink = (name: string) => `[\`${name}\`](policies.md#${name})`;
const byId = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
const controlIndex = (i: CatalogueItem) => (CONTROLS as readonly string[]).indexOf(i.control);

interface Row {
    readonly id: string;
    title: string | undefined;
    readonly cited: Set<string>;
    readonly items: Set<string>;
}

function itemStatus(key: string, covered: Map<string, string[]>): string {
    if (covered.get(key)?.length) return code(key);
    if (key in UNDECIDABLE) return `${code(key)} (cannot be decided)`;
    return `${code(key)} (**gap**)`;
}

function frameworkSection(title: string, rows: Map<string, Row>, covered: Map<string, string[]>): string[] {
    const out = [`### ${title}`, "", "| Id | Title | Policies | Catalogue items |", "| --- | --- | --- | --- |"];
    for (const row of [...rows.values()].sort((a, b) => byId(a.id, b.id))) {
        const enforcing = new Set(row.cited);
        for (const k of row.items) for (const p of covered.get(k) ?? []) enforcing.add(p);
        const names = [...enforcing].sort().map((p) => (row.cited.has(p) ? policyLink(p) : `${policyLink(p)} (not cited)`));
        const keys = [...row.items].sort().map((k) => itemStatus(k, covered));
        out.push(`| ${row.id} | ${cell(row.title ?? "")} | ${names.join(", ") || "—"} | ${keys.join(", ") || "—"} |`);
    }
    out.push("");
    return out;
}

export function renderCompliance(catalogue: readonly CatalogueItem[] = loadCatalogue()): string {
    const covered = coverage(catalogue);
    const items = new Map(catalogue.map((i) => [i.key, i]));
    const isCovered = (k: string) => (covered.get(k)?.length ?? 0) > 0;
    const out: string[] = [
        "# Compliance matrix",
        "",
        "Generated by `npm run docs` from the registry and the benchmark catalogue (docs/catalogue.json, see",
        "docs/catalogue.md); do not edit by hand. A policy enforces a catalogue item when its `catalogue` metadata names the",
        "item's key (policies written before that field: docs/catalogue-coverage.ts); where several policies are listed for",
        "one item, together they enforce it. Items no policy can decide from a program's declared properties are explained in",
        "docs/catalogue-undecidable.ts.",
        "",
        "## Summary",
        "",
        "| Cloud | Control | Items | Enforced | Cannot be decided | Gaps |",
        "| --- | --- | --- | --- | --- | --- |",
    ];
    for (const cloud of CLOUDS) {
        for (const control of CONTROLS) {
            const inGroup = catalogue.filter((i) => i.cloud === cloud && i.control === control);
            if (!inGroup.length) continue;
            const enforced = inGroup.filter((i) => isCovered(i.key)).length;
            const undecidable = inGroup.filter((i) => !isCovered(i.key) && i.key in UNDECIDABLE).length;
            out.push(`| ${CLOUD_TITLE[cloud]} | ${control} | ${inGroup.length} | ${enforced} | ${undecidable} | ${inGroup.length - enforced - undecidable} |`);
        }
    }

    // By framework: every id a policy cites or a catalogue item comes from.
    out.push(
        "",
        "## By framework",
        "",
        "For each framework id: the policies that enforce it (those that cite it, and those that enforce a catalogue item",
        "taken from it — marked *not cited* when the policy's metadata does not cite the id) and the catalogue items taken",
        "from it.",
        "",
    );
    const sections = new Map<string, Map<string, Row>>();
    const row = (section: string, id: string): Row => {
        let rows = sections.get(section);
        if (!rows) sections.set(section, (rows = new Map()));
        let r = rows.get(id);
        if (!r) rows.set(id, (r = { id, title: undefined, cited: new Set(), items: new Set() }));
        return r;
    };
    const sectionTitle = (f: FrameworkKey, version: string) => `${FRAMEWORKS[f]} ${version}`;
    // Versions each srguard framework is cited at (the catalogue's sources match on the id, within the version the
    // catalogue names when it names one).
    for (const p of policies) for (const f of p.meta.frameworks) row(sectionTitle(f.framework, f.version), f.id).cited.add(p.name);
    for (const i of catalogue) {
        for (const s of i.sources) {
            const f = frameworkOf(s);
            let section: string;
            let id: string;
            if (f) {
                const named = /v(\d[\d.]*)$/.exec(s.name)?.[1];
                const cited = [...sections.keys()].filter((t) => t.startsWith(`${FRAMEWORKS[f]} `));
                const version = named ?? (cited.length === 1 ? cited[0]?.slice(FRAMEWORKS[f].length + 1) : undefined) ?? "";
                section = sectionTitle(f, version).trim();
                id = s.id ?? s.title;
            } else {
                section = s.name;
                id = s.id ?? s.title;
            }
            const r = row(section, id);
            r.title ??= s.id ? s.title : undefined;
            r.items.add(i.key);
        }
    }
    for (const [title, rows] of [...sections.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        out.push(...frameworkSection(title, rows, covered));
    }

    // Every catalogue item.
    out.push("## Catalogue items", "");
    for (const cloud of CLOUDS) {
        for (const control of CONTROLS) {
            const inGroup = catalogue.filter((i) => i.cloud === cloud && i.control === control);
            if (!inGroup.length) continue;
            out.push(`### ${CLOUD_TITLE[cloud]} — ${control}`, "", "| Key | Requirement | Sources | Policies |", "| --- | --- | --- | --- |");
            for (const i of [...inGroup].sort((a, b) => a.key.localeCompare(b.key))) {
                const sources = i.sources.map((s) => `${s.name}${s.id ? ` ${s.id}` : ""}`).join("; ");
                const by = covered.get(i.key) ?? [];
                const status = by.length ? by.map(policyLink).join(", ") : i.key in UNDECIDABLE ? "— (cannot be decided, see below)" : "— **gap**";
                out.push(`| ${code(i.key)} | ${cell(i.requirement)} | ${cell(sources)} | ${status} |`);
            }
            out.push("");
        }
    }

    out.push("## Gaps", "", "Catalogue items no policy enforces yet.", "");
    const gaps = catalogue.filter((i) => !isCovered(i.key) && !(i.key in UNDECIDABLE));
    if (!gaps.length) out.push("None.", "");
    for (const cloud of CLOUDS) {
        const inCloud = gaps.filter((i) => i.cloud === cloud).sort((a, b) => controlIndex(a) - controlIndex(b) || a.key.localeCompare(b.key));
        if (!inCloud.length) continue;
        out.push(`### ${CLOUD_TITLE[cloud]} (${inCloud.length})`, "");
        for (const i of inCloud) out.push(`- ${code(i.key)} (${i.control}) — ${i.requirement}`);
        out.push("");
    }

    out.push("## Cannot be decided from declared properties", "");
    const undecidable = Object.keys(UNDECIDABLE).filter((k) => items.has(k) && !isCovered(k)).sort();
    if (!undecidable.length) out.push("None.", "");
    for (const k of undecidable) out.push(`- ${code(k)} — ${UNDECIDABLE[k]}`);
    if (undecidable.length) out.push("");
    return out.join("\n");
}

export function writeCompliance(): void {
    const problems = catalogueProblems();
    if (problems.length) throw new Error(`the catalogue coverage is inconsistent:\n- ${problems.join("\n- ")}`);
    fs.writeFileSync(COMPLIANCE_PATH, renderCompliance());
}

if (require.main === module) {
    writeCompliance();
    console.log(`wrote ${path.relative(ROOT, COMPLIANCE_PATH)}`);
}
