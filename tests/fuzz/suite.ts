// The fuzz suite of one cloud's policies: every registered policy (so a new policy is covered without a line
// here), on random JSON property bags and on bags shaped from the properties its code reads and from mutants of its
// unit tests' fixtures — resource policies one resource at a time, stack policies on small stacks of the types they
// join.

import { describe, it } from "vitest";
import { policies } from "../../policies/registry";
import type { Cloud, SrguardPolicy } from "../../policies/core/policy";
import { resourceSamples, stackSamples } from "./arbitraries";
import { fixturesOf } from "./fixtures";
import { checkResourceSample, checkStackSample, fuzz, FUZZ_TIMEOUT_MS } from "./properties";
import { vocabularyOf } from "./vocabulary";

function isStackPolicy(policy: SrguardPolicy): boolean {
    return "validateStack" in policy;
}

export function describeFuzz(cloud: Cloud): void {
    for (const policy of policies.filter((p) => p.meta.cloud === cloud)) {
        const { name } = policy.meta;
        describe(name, () => {
            for (const shape of ["random", "shaped"] as const) {
                const what = shape === "random" ? "random JSON property bags" : "property bags shaped from the properties it reads";
                if (isStackPolicy(policy)) {
                    it(`never throws, leaks a value or changes its verdict on stacks of ${what}`, async () => {
                        await fuzz(`${name}/stack/${shape}`, stackSamples(policy, vocabularyOf(policy), shape, fixturesOf(policy)), (s) => checkStackSample(policy, s));
                    }, FUZZ_TIMEOUT_MS);
                } else {
                    it(`never throws, leaks a value or changes its verdict on ${what}`, async () => {
                        await fuzz(`${name}/resource/${shape}`, resourceSamples(policy, vocabularyOf(policy), shape, fixturesOf(policy)), (s) => checkResourceSample(policy, s));
                    }, FUZZ_TIMEOUT_MS);
                }
            }
        });
    }
}
