// Every sample stack in stacks/ is evaluated offline with the whole pack — with its own policy-config.json when the
// folder has one (as `srguard samples` does), else at the pack's defaults — and
// held to the exact list in its expected.json: every diagnostic (policy, resource, level), no more, no less. A
// compliant stack's list is empty. Each violating resource's declaration carries a `// violates: <policy>` comment,
// and the comments and the list must name the same policies.

import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleConfigFile } from "../../gate/cli";
import type { StackResult } from "../../gate/evaluate";
import { previewProgram } from "../../gate/preview";
import { GateSession } from "../../gate/session";
import { ROOT, ensureBuilt } from "../gate/helpers";

interface Expected {
    readonly description: string;
    readonly violations: readonly { readonly policy: string; readonly resource: string; readonly type: string; readonly level: "mandatory" | "advisory" }[];
}

const STACKS = path.join(ROOT, "stacks");
const samples = fs
    .readdirSync(STACKS)
    .filter((d) => fs.existsSync(path.join(STACKS, d, "Pulumi.yaml")))
    .sort();

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

// One session (one pack) per distinct policy-pack config: the defaults, or a stack folder's policy-config.json.
const sessions = new Map<string | undefined, Promise<GateSession>>();
const results = new Map<string, StackResult>();

function sessionFor(configFile: string | undefined): Promise<GateSession> {
    let s = sessions.get(configFile);
    if (!s) sessions.set(configFile, (s = GateSession.open(configFile !== undefined ? { configFile } : {})));
    return s;
}

beforeAll(async () => {
    ensureBuilt();
    const configs = samples.map((s) => sampleConfigFile(path.join(STACKS, s), undefined));
    // Start every pack now (they start while the programs run); a refused config fails where it is awaited.
    for (const c of configs) void sessionFor(c).catch(() => undefined);
    const stacks = await Promise.all(samples.map((s) => previewProgram(path.join(STACKS, s))));
    for (const [i, s] of stacks.entries()) results.set(samples[i] ?? "", await (await sessionFor(configs[i])).evaluate(s));
});

afterAll(async () => {
    for (const s of sessions.values()) (await s.catch(() => undefined))?.close();
});

it("there are sample stacks, each with an expected.json", () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
    for (const s of samples) expect(fs.existsSync(path.join(STACKS, s, "expected.json")), s).toBe(true);
});

describe.each(samples)("stacks/%s", (name) => {
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
