import * as fs from "fs";
import { describe, expect, it } from "vitest";
import { README_PATH, REFERENCE_PATH, readmeWithTable, renderReference } from "../tools/gen-docs";
import { policies } from "../policies/registry";

describe("generated docs", () => {
    it("docs/policies.md matches the registry (run `npm run docs` when this fails)", () => {
        expect(fs.readFileSync(REFERENCE_PATH, "utf8")).toBe(renderReference());
    });

    it("the README policy table matches the registry (run `npm run docs` when this fails)", () => {
        const readme = fs.readFileSync(README_PATH, "utf8");
        expect(readme).toBe(readmeWithTable(readme));
    });

    it("documents every policy", () => {
        const reference = renderReference();
        for (const p of policies) expect(reference).toContain(`### ${p.name}`);
    });
});
