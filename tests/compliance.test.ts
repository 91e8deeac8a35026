import * as fs from "fs";
import { describe, expect, it } from "vitest";
import { EXISTING_POLICY_COVERAGE } from "../docs/catalogue-coverage";
import { UNDECIDABLE } from "../docs/catalogue-undecidable";
import { policies } from "../policies/registry";
import { type CatalogueItem, catalogueProblems, COMPLIANCE_PATH, coverage, loadCatalogue, renderCompliance } from "../tools/gen-compliance";

const catalogue = loadCatalogue();
const item = (key: string, cloud = "aws"): CatalogueItem => ({
    key,
    cloud,
    control: "log-retention",
    sources: [],
    requirement: "r",
    tokens: [],
    property: "p",
    decided_by: "resource",
});

describe("the compliance matrix", () => {
    it("docs/compliance.md matches the registry and the catalogue (run `npm run docs` when this fails)", () => {
        expect(fs.readFileSync(COMPLIANCE_PATH, "utf8")).toBe(renderCompliance());
    });

    it("has no catalogue key that docs/catalogue.json lacks, no unknown policy and no item both enforced and undecidable", () => {
        expect(catalogueProblems()).toEqual([]);
    });

    it("lists every catalogue item, and every uncovered one as a gap or as undecidable", () => {
        const doc = renderCompliance();
        const covered = coverage();
        for (const i of catalogue) {
            expect(doc).toContain(`| \`${i.key}\` |`);
            if (!covered.get(i.key)?.length) expect(doc).toMatch(new RegExp(`^- \`${i.key}\` `, "m"));
        }
    });

    it("counts an item as enforced by the policies that name it, in their metadata or in catalogue-coverage.ts", () => {
        const covered = coverage();
        for (const [name, keys] of Object.entries(EXISTING_POLICY_COVERAGE)) for (const k of keys) expect(covered.get(k)).toContain(name);
        for (const p of policies) for (const k of p.meta.catalogue ?? []) expect(covered.get(k)).toContain(p.name);
    });
});

describe("catalogue problems", () => {
    // Held against a catalogue without the keys the registry names, every named key is reported.
    it("reports a policy key the catalogue does not have", () => {
        const named = policies.filter((p) => (p.meta.catalogue ?? EXISTING_POLICY_COVERAGE[p.name] ?? []).length > 0);
        expect(named.length).toBeGreaterThan(0);
        const problems = catalogueProblems([item("aws-log-nothing")]);
        for (const p of named) expect(problems.join("\n")).toContain(`${p.name} names catalogue key`);
    });

    it("reports a policy key of the other cloud", () => {
        const [name, keys] = Object.entries(EXISTING_POLICY_COVERAGE).find(([n]) => n.startsWith("aws-")) ?? [];
        const wrongCloud = catalogue.map((i) => (keys?.includes(i.key) ? { ...i, cloud: "azure" } : i));
        expect(catalogueProblems(wrongCloud).join("\n")).toContain(`${name} (aws) names`);
    });

    it("reports a duplicate catalogue key", () => {
        const [first] = catalogue;
        expect(catalogueProblems(first ? [...catalogue, first] : []).join("\n")).toContain("twice");
    });

    it("reports an undecidable key the catalogue does not have", () => {
        const keys = Object.keys(UNDECIDABLE);
        if (!keys.length) return; // nothing to hold against
        expect(catalogueProblems(catalogue.filter((i) => i.key !== keys[0])).join("\n")).toContain(`explains \`${keys[0]}\``);
    });
});
