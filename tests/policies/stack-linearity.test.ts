// Stack policies stay linear in the number of resources: no per-resource scan of the whole stack. Measured in property
// reads (deterministic, unlike time) over bench/stack-scaling.ts's stress stack, which takes the expensive branch of
// every join (unknown references that may point anywhere, many resources sharing one join key). With 4× the
// resources a linear policy reads ~4× as much; a quadratic one ~16×.

import { describe, expect, it } from "vitest";
import { type ReadCounter, runStackPolicy, stressResources } from "../../bench/stack-scaling";
import { policies } from "../../policies/registry";

const N = 1200;
const small: ReadCounter = { reads: 0 };
const large: ReadCounter = { reads: 0 };
// Hand-written joins plus every stack policy's own examples (renamed apart, some references made unknown).
const smallStack = stressResources(N, small, policies);
const largeStack = stressResources(4 * N, large, policies);

/** Known to scan per resource; remove a name once its policy is fixed (the test then tells you). */
// - custom role definitions joined by a GUID that the examples repeat in every unit (the stress stack's reuse);
// - replication rules of the examples' buckets (×5.6 at n=1,200).
const KNOWN_QUADRATIC: ReadonlySet<string> = new Set([
    "azure-authorization-role-assignment-disallow-standing-custom-privileged",
    "aws-s3-bucket-restrict-replication-region",
]);

describe("stack policies are linear in the number of resources", () => {
    const stackPolicies = policies.filter((p) => "validateStack" in p);

    it("covers every stack policy of the registry", () => {
        expect(stackPolicies.length).toBeGreaterThan(5);
    });

    for (const p of stackPolicies) {
        const test = KNOWN_QUADRATIC.has(p.name) ? it.fails : it;
        test(`${p.name} reads (and reports) at most ~4× as much for 4× the resources`, () => {
            const s = runStackPolicy(p, smallStack, small);
            const l = runStackPolicy(p, largeStack, large);
            // exercised: it read something or reported something (a policy that only counts companions reads nothing)
            expect(s.reads + s.diagnostics).toBeGreaterThan(0);
            expect(l.reads / Math.max(1, s.reads)).toBeLessThan(5);
            expect(l.diagnostics).toBeLessThanOrEqual(5 * Math.max(1, s.diagnostics));
        });
    }
});
