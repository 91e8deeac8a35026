// docs/evasion.md's counts and lists are generated from the case files: this test fails when they are stale.
// Rewrite them with `SRGUARD_WRITE_EVASION_DOCS=1 npx vitest run tests/evasion/docs.test.ts`.

import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { policies } from "../../policies/registry";
import { CASES } from "./cases";
import { EVASION_DOC, renderSummary, withSummary } from "./summary";

const NAMES = policies.map((p) => p.name);

describe("docs/evasion.md", () => {
    it("holds the summary generated from the case files", () => {
        const doc = fs.readFileSync(EVASION_DOC, "utf8");
        const fresh = withSummary(doc, renderSummary(CASES, NAMES));
        if (process.env["SRGUARD_WRITE_EVASION_DOCS"] === "1" && fresh !== doc) fs.writeFileSync(EVASION_DOC, fresh);
        else expect(doc).toBe(fresh);
    });

    it("counts every case once, by control and cloud", () => {
        const summary = renderSummary(CASES, NAMES);
        const rows = summary.split("\n").filter((l) => /^\| [a-z-]+ \| (AWS|Azure) \|/.test(l));
        const total = rows.reduce((n, row) => {
            const cells = row.split("|").map((c) => c.trim());
            return n + Number(cells[3]) + Number(cells[4]);
        }, 0);
        expect(total).toBe(CASES.length);
    });
});
