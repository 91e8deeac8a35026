// Stack policies stay linear in the number of resources: no per-resource scan of the whole stack. Measured in property
// reads (deterministic, unlike time) over bench/stack-scaling.ts's stress stack, which takes the expensive branch of
// every join (unknown references that may point anywhere, many resources sharing one join key). With 4× the
// resources a linear policy reads ~4× as much; a quadratic one ~16×. Every stack policy is held to it (no list of known
// exceptions: one hid three quadratic policies).

import { describe, expect, it } from "vitest";
import { type ReadCounter, runStackPolicy, stressResources } from "../../bench/stack-scaling";
import { policies } from "../../policies/registry";

const N = 1200;
const small: ReadCounter = { reads: 0 };
const large: ReadCounter = { reads: 0 };
// Hand-written joins plus every stack policy's own examples (renamed apart, some references made unknown).
const smallStack = stressResources(N, small, policies);
const largeStack = stressResources(4 * N, large, policies);

describe("stack policies are linear in the number of resources", () => {
    const stackPolicies = policies.filter((p) => "validateStack" in p);

    it("covers every stack policy of the registry", () => {
        expect(stackPolicies.length).toBeGreaterThan(5);
    });

    for (const p of stackPolicies) {
        it(`${p.name} reads (and reports) at most ~4× as much for 4× the resources`, () => {
            const s = runStackPolicy(p, smallStack, small);
            const l = runStackPolicy(p, largeStack, large);
            // exercised: it read something or reported something (a policy that only counts companions reads nothing)
            expect(s.reads + s.diagnostics).toBeGreaterThan(0);
            expect(l.reads / Math.max(1, s.reads)).toBeLessThan(5);
            expect(l.diagnostics).toBeLessThanOrEqual(5 * Math.max(1, s.diagnostics));
        });
    }
});
