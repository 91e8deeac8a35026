// bench/verdicts-pass.ts makes one of the bench's floors, srguard with every check's verdict a pass: a copy of the
// compiled pack that serves the same policies, routed, configured and narrowed as srguard, and reports nothing; it is
// refused when the compiled calls of the checks it replaces are not there exactly once.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CHECK_CALLS, verdictsPassDist, verdictsPassPack } from "../../bench/verdicts-pass";
import type { Finding } from "../../gate/evaluate";
import type { GateStack } from "../../gate/model";
import { GateSession } from "../../gate/session";
import { examplesStack } from "../mixed-stack";
import { ROOT, ensureBuilt } from "./helpers";

let tmp = "";
beforeAll(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-verdicts-pass-"));
    // the copy resolves @pulumi/policy and @pulumi/pulumi as the bench's copy (inside the checkout) does
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tmp, "node_modules"), "dir");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function evaluate(packDir: string, stack: GateStack): Promise<{ policies: string[]; findings: readonly Finding[] }> {
    const session = await GateSession.open({ packDir, configDoc: { all: "mandatory" }, configFile: "config.json" });
    try {
        const result = await session.evaluate(stack);
        return { policies: session.info.policies.map((p) => p.name), findings: result.findings };
    } finally {
        session.close();
    }
}

it("serves srguard's policies and reports nothing on every policy's examples, where srguard reports for most policies", async () => {
    const stack = examplesStack();
    const srguard = await evaluate(path.join(ROOT, "policies"), stack);
    const pass = await evaluate(verdictsPassPack(path.join(ROOT, "policies"), path.join(tmp, "pack")), stack);
    expect(new Set(srguard.findings.map((f) => f.policyName)).size).toBeGreaterThan(150);
    expect(pass.policies).toEqual(srguard.policies);
    expect(pass.findings).toEqual([]);
}, 120_000);

it("refuses a compiled pack in which a check's call is not there exactly once", () => {
    const dist = path.join(tmp, "dist");
    fs.cpSync(path.join(ROOT, "policies", "dist"), dist, { recursive: true });
    const file = path.join(dist, "core", "policy.js");
    const call = CHECK_CALLS[0]?.[0] ?? "";
    const source = fs.readFileSync(file, "utf8");
    expect(source.split(call).length - 1).toBe(1);
    fs.writeFileSync(file, source.replace(call, () => call.replace("check(", "check (")));
    expect(() => verdictsPassDist(dist, path.join(tmp, "out"))).toThrow(/core[/\\]policy\.js: expected one .* found 0/);
});
