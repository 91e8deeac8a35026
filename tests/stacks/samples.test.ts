// Every sample stack in stacks/ is evaluated offline with the whole pack — with its own policy-config.json when the
// folder has one (as `srguard samples` does), else at the pack's defaults — and
// held to the exact list in its expected.json: every diagnostic (policy, resource, level), no more, no less. A
// compliant stack's list has no mandatory violation (an advisory the defaults report, such as FSBP S3.9 server access
// logs, is listed). Each violating resource's declaration carries a `// violates: <policy>` comment,
// and the comments and the list must name the same policies.

import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { type SampleOutcome, evaluateSamples, findSamples } from "../../gate/samples";
import { ROOT, ensureBuilt } from "../gate/helpers";

interface Expected {
    readonly description: string;
    readonly violations: readonly { readonly policy: string; readonly resource: string; readonly type: string; readonly level: "mandatory" | "advisory" }[];
}

const STACKS = path.join(ROOT, "stacks");
const samples = findSamples(STACKS).map((f) => path.basename(f.dir));

function expectedOf(name: string): Expected {
    return JSON.parse(fs.readFileSync(path.join(STACKS, name, "expected.json"), "utf8")) as Expected;
}

function programText(name: string): string {
    const dir = path.join(STACKS, name);
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
        .join("\n");
}

// Exactly what `srguard samples stacks` (npm start) evaluates: one pack per distinct config (gate/samples.ts).
const results = new Map<string, StackResult>();
const outcomes: SampleOutcome[] = [];

beforeAll(async () => {
    ensureBuilt();
    const run = await evaluateSamples(STACKS, { programsAtOnce: 3 });
    for (const o of run.outcomes) {
        outcomes.push(o);
        if (o.result) results.set(path.basename(o.dir), o.result);
    }
});

it("there are sample stacks, each with an expected.json, and every one could be evaluated", () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.filter((o) => o.error !== undefined).map((o) => `${o.origin}: ${o.error}`)).toEqual([]);
    for (const s of samples) expect(fs.existsSync(path.join(STACKS, s, "expected.json")), s).toBe(true);
});

describe.each(samples)("stacks/%s", (name) => {
    it("gets no finding from the stand-ins of the `pulumi up` pass: nothing would block at `pulumi up` that the preview missed", () => {
        expect((results.get(name)?.wouldBlock ?? ["the up pass did not run"]).map((f) => (typeof f === "string" ? f : `${f.policyName} ${f.urn}`))).toEqual([]);
    });

    it("produces exactly the violations listed in its expected.json", () => {
        const actual = (results.get(name)?.findings ?? []).map((f) => `${f.enforcementLevel} ${f.policyName} ${f.resourceType}::${f.resourceName}`).sort();
        const expected = expectedOf(name)
            .violations.map((v) => `${v.level} ${v.policy} ${v.type}::${v.resource}`)
            .sort();
        expect(actual).toEqual(expected);
    });

    it("comments each violating resource with the policies it trips", () => {
        const commented = [...programText(name).matchAll(/\/\/ violates: ([a-z0-9-]+(?:, [a-z0-9-]+)*)/g)].flatMap((m) => (m[1] ?? "").split(", "));
        const listed = expectedOf(name).violations.map((v) => v.policy);
        expect([...new Set(commented)].sort()).toEqual([...new Set(listed)].sort());
    });
});
