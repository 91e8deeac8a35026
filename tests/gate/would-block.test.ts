// The `pulumi up` pass of `srguard preview` (gate/would-block.ts) asks the pack again only about resources whose
// Analyze request differs from the preview pass's: a request answered before would say what the preview already
// reported, which the pass drops. Checked with the real pack over gRPC: the skipped answers are exactly the ones
// already given, a changed resource is still asked about, and a differently configured stack skips nothing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import type { GateStack } from "../../gate/model";
import { GateSession } from "../../gate/session";
import { evaluateBothPasses } from "../../gate/would-block";
import { mixedStack } from "../mixed-stack";
import { ensureBuilt } from "./helpers";

let session: GateSession;
let stack: GateStack;

/** Counts the Analyze calls the session's pack receives. */
function counting(s: GateSession): { readonly calls: () => number } {
    const pack = s.pack as unknown as { analyzeBytes: (b: Buffer, urn: string) => Promise<unknown> };
    const original = pack.analyzeBytes.bind(pack);
    let n = 0;
    pack.analyzeBytes = (b, urn) => {
        n++;
        return original(b, urn);
    };
    return { calls: () => n };
}

const brief = (r: StackResult | undefined) => (r?.wouldBlock ?? []).map((f) => `${f.policyName} ${f.resourceName}: ${f.message}`);

beforeAll(async () => {
    ensureBuilt();
    session = await GateSession.open({});
    stack = mixedStack(120);
}, 120_000);

afterAll(() => session?.close());

describe("the `pulumi up` pass", () => {
    it("does not ask again about a resource whose request is the preview's", async () => {
        const count = counting(session);
        const analyzed = stack.resources.filter((r) => r.analyze).length;
        const result = await evaluateBothPasses(session, stack, Promise.resolve(stack));
        expect(analyzed).toBeGreaterThan(50);
        // the preview pass asks about every resource, the up pass about none
        expect(count.calls()).toBe(analyzed);
        expect(result.wouldBlock).toEqual([]);
        expect(result.findings.length).toBeGreaterThan(10);
    });

    it("still asks about a resource the up pass sees differently, and finds what only it has", async () => {
        const queue = stack.resources.find((r) => r.analyze && r.type === "aws:sqs/queue:Queue");
        expect(queue).toBeDefined();
        const changed: GateStack = {
            ...stack,
            resources: stack.resources.map((r) => (r === queue ? { ...r, inputs: { ...r.inputs, sqsManagedSseEnabled: false, kmsMasterKeyId: null } } : r)),
        };
        const count = counting(session);
        const analyzed = stack.resources.filter((r) => r.analyze).length;
        const result = await evaluateBothPasses(session, stack, Promise.resolve(changed));
        expect(count.calls()).toBe(analyzed + 1);
        const plain = await session.evaluate(changed);
        const only = plain.findings.filter((f) => f.urn === queue?.urn && f.stage === "resource" && !result.findings.some((p) => p.urn === f.urn && p.message === f.message));
        expect(only.length).toBeGreaterThan(0);
        expect(brief(result)).toEqual(only.map((f) => `${f.policyName} ${f.resourceName}: ${f.message}`));
    });

    it("asks again about every resource when the pack is configured otherwise for it", async () => {
        const count = counting(session);
        const analyzed = stack.resources.filter((r) => r.analyze).length;
        await evaluateBothPasses(session, stack, Promise.resolve({ ...stack, tags: { ...stack.tags, team: "other" } }));
        expect(count.calls()).toBe(2 * analyzed);
    });
});
