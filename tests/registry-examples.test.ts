// Every policy's examples (its metadata: at least one input it passes and one it fails) are executed here the way the
// analyzer server runs the policy, and rendered into docs/policies.md by `npm run docs`: an example that says "fails"
// must fail, one that says "passes" must pass.

import { describe, expect, it } from "vitest";
import type { ResourceExample, SrguardPolicy, StackExample } from "../policies/core/policy";
import { policies } from "../policies/registry";
import { runResourcePolicy, runStackPolicy } from "./harness";

function isStack(p: SrguardPolicy): boolean {
    return "validateStack" in p;
}

async function verdictOf(p: SrguardPolicy, example: ResourceExample<string> | StackExample): Promise<string> {
    const config = { ...(example.config ?? {}) };
    if ("resources" in example) {
        const r = await runStackPolicy(p, example.resources.map((x) => ({ ...x, props: { ...x.props } })), config);
        return r.violating.length ? "fail" : r.diagnostics.length ? "unknown" : "pass";
    }
    return (await runResourcePolicy(p, { type: example.type, props: { ...example.props } }, config)).verdict;
}

const withExamples = policies.filter((p) => p.meta.examples);

describe("policy examples", () => {
    it("every policy has examples that pass and fail", () => {
        const missing = policies.filter((p) => !p.meta.examples?.pass.length || !p.meta.examples.fail.length).map((p) => p.name);
        expect(missing).toEqual([]);
    });

    describe.each(withExamples.map((p) => [p.name, p] as const))("%s", (_, p) => {
        const { pass, fail } = p.meta.examples ?? { pass: [], fail: [] };
        it.each(pass.map((e) => [e.title, e] as const))("passes: %s", async (_t, e) => {
            expect("resources" in e).toBe(isStack(p));
            expect(await verdictOf(p, e)).toBe("pass");
        });
        it.each(fail.map((e) => [e.title, e] as const))("fails: %s", async (_t, e) => {
            expect("resources" in e).toBe(isStack(p));
            expect(await verdictOf(p, e)).toBe("fail");
        });
    });
});
