// The evasion suite: every case of tests/evasion/cases, written out as `pulumi stack export` files (and some as
// `pulumi preview --json` files), read by the gate's scan reader and evaluated by ONE started srguard pack over the real
// analyzer protocol (Analyze per resource with its provider, AnalyzeStack with outputs and property dependencies).
// A case whose forbidden configuration passes is an evasion; a case whose fine configuration fails is a false alarm.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import { CLOUDS, CONTROLS } from "../../policies/core/policy";
import { policies } from "../../policies/registry";
import { ensureBuilt } from "../gate/helpers";
import { toPreview, toStackExport } from "./build";
import { CASES } from "./cases";
import { sessionConfig } from "./config";
import { caseProblems, verdictProblems } from "./verdict";

let session: GateSession | undefined;
let dir: string;
const exported = new Map<string, StackResult>();
const previewed = new Map<string, StackResult>();

beforeAll(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-evasion-"));
    const files = CASES.map((c) => {
        const file = path.join(dir, `${c.id}.export.json`);
        fs.writeFileSync(file, JSON.stringify(toStackExport(c), null, 2));
        let preview: string | undefined;
        if (c.preview) {
            preview = path.join(dir, `${c.id}.preview.json`);
            fs.writeFileSync(preview, JSON.stringify(toPreview(c), null, 2));
        }
        return { c, file, preview };
    });
    session = await GateSession.open({ configDoc: sessionConfig(policies), configFile: "evasion-config.json" });
    // One stack at a time: the pack is configured per stack (ConfigureStack) before its resources are analyzed.
    for (const { c, file, preview } of files) {
        exported.set(c.id, await session.evaluate(scanFile(file)));
        if (preview) previewed.set(c.id, await session.evaluate(scanFile(preview)));
    }
}, 120_000);

afterAll(() => {
    session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the corpus", () => {
    it("has unique case ids", () => {
        const ids = CASES.map((c) => c.id);
        expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it.each(CONTROLS.flatMap((control) => CLOUDS.map((cloud) => [control, cloud] as const)))(
        "has evasions and legitimate look-alikes for %s on %s",
        (control, cloud) => {
            const cases = CASES.filter((c) => c.control === control && c.cloud === cloud);
            expect(cases.filter((c) => c.kind === "evasion").length).toBeGreaterThan(0);
            expect(cases.filter((c) => c.kind === "legitimate").length).toBeGreaterThan(0);
        },
    );

    it.each(CASES.map((c) => [c.id, c] as const))("%s is well-formed", (_, c) => {
        expect(caseProblems(c, policies)).toEqual([]);
    });
});

describe.each(["evasion", "legitimate"] as const)("%s cases", (kind) => {
    const cases = CASES.filter((c) => c.kind === kind);
    it.each(cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
        const result = exported.get(c.id);
        expect(result, "the case was evaluated").toBeDefined();
        expect(verdictProblems(c, result?.findings ?? [], policies)).toEqual([]);
        expect(result?.warnings ?? []).toEqual([]);
    });
});

describe("as `pulumi preview --json`", () => {
    const cases = CASES.filter((c) => c.preview);
    it.each(cases.map((c) => [c.id, c] as const))("%s gives the same verdict", (_, c) => {
        const result = previewed.get(c.id);
        expect(result, "the case was evaluated").toBeDefined();
        expect(verdictProblems(c, result?.findings ?? [], policies)).toEqual([]);
        expect(result?.warnings ?? []).toEqual([]);
    });
});
