// The properties every srguard policy must have on any input, checked on one generated sample:
// - it never throws anything but the SDK's UnknownValueError (which the harness turns into verdict "unknown"; any
//   other error propagates out of the harness and fails the property);
// - no message contains a value that could be a secret (the markers and secret numbers of arbitraries.ts);
// - the verdict is pass, fail or unknown, and "unknown" only when the input holds an unknown value (resource
//   policies: the SDK's "can't run during preview" comes only from reading one);
// - the same input gives the same verdict and messages again; so does the input with one more property that the
//   policy never reads set to an unknown value, and (resource policies) the input with the canonical spelling of an
//   alias type token;
// - a resource of another cloud is not looked at.
//
// Settings: SRGUARD_FUZZ_SEED (base seed; each policy and property derives its own from it) and SRGUARD_FUZZ_RUNS
// (runs per policy and property) explore beyond the fixed defaults that CI runs.

import fc, { type Arbitrary, type Parameters } from "fast-check";
import { expect } from "vitest";
import type { SrguardPolicy } from "../../policies/core/policy";
import { canonicalType } from "../../policies/core/tokens";
import { runResourcePolicy, runStackPolicy, UNKNOWN } from "../harness";
import { forbiddenTexts, holdsUnknown, type ResourceSample, type StackSample } from "./arbitraries";

function envInteger(name: string, fallback: number): number {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
    return n;
}

/** A property name no policy reads. */
const UNRELATED = "srguardFuzzUnrelatedProperty";

export const FUZZ_SEED = envInteger("SRGUARD_FUZZ_SEED", 20_260_517);
/** Runs per policy and property (the default keeps the whole fuzz suite within about half a minute on 2 cores). */
export const FUZZ_RUNS = envInteger("SRGUARD_FUZZ_RUNS", 150);
/** Time allowed to one policy's property: generous, scaled with the runs. */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 200);

/** FNV-1a: a stable per-policy, per-property seed derived from the base seed. */
function hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

export function fuzzParameters<T>(label: string, runs = FUZZ_RUNS): Parameters<T> {
    return { seed: (FUZZ_SEED ^ hash(label)) | 0, numRuns: runs, endOnFailure: false };
}

function assertNoLeak(messages: readonly string[], input: unknown): void {
    const forbidden = forbiddenTexts(input);
    if (!forbidden.size) return;
    for (const m of messages) {
        const text = m.toLowerCase();
        for (const f of forbidden) {
            if (text.includes(f)) throw new Error(`a message contains a property value (${JSON.stringify(f)}): ${JSON.stringify(m)}`);
        }
    }
}

export async function checkResourceSample(policy: SrguardPolicy, { input, config, foreign }: ResourceSample): Promise<void> {
    const first = await runResourcePolicy(policy, input, config);
    expect(["pass", "fail", "unknown"]).toContain(first.verdict);
    for (const m of first.messages) expect(typeof m).toBe("string");
    assertNoLeak(first.messages, input);
    if (!holdsUnknown(input)) expect(first.verdict, "unknown without an unknown value in the input").not.toBe("unknown");
    if (foreign) expect(first).toEqual({ verdict: "pass", messages: [] });
    const again = await runResourcePolicy(policy, input, config);
    expect(again, "same input, same verdict and messages").toEqual(first);
    // A property the policy never names, unknown during preview, changes nothing.
    const unrelated = await runResourcePolicy(policy, { ...input, props: { ...input.props, [UNRELATED]: UNKNOWN } }, config);
    expect(unrelated, "an unknown value in a property the policy does not read changes its verdict").toEqual(first);
    // An alias spelling of the type (BucketV2, a versioned Azure token) is judged as the canonical type.
    const canonical = canonicalType(input.type);
    if (canonical !== input.type) {
        const asCanonical = await runResourcePolicy(policy, { ...input, type: canonical }, config);
        expect(asCanonical, "the alias token and the canonical token give different verdicts").toEqual(first);
    }
}

export async function checkStackSample(policy: SrguardPolicy, { resources, config }: StackSample): Promise<void> {
    const first = await runStackPolicy(policy, resources, config);
    expect(["pass", "fail", "unknown"]).toContain(first.verdict);
    const names = new Set(resources.map((r) => r.name));
    for (const d of first.diagnostics) {
        expect(typeof d.message).toBe("string");
        expect(["violation", "unknown"]).toContain(d.kind);
        expect(["mandatory", "advisory"]).toContain(d.enforcementLevel);
        if (d.resource !== undefined) expect(names.has(d.resource)).toBe(true);
    }
    assertNoLeak(
        first.diagnostics.map((d) => d.message),
        resources,
    );
    const again = await runStackPolicy(policy, resources, config);
    expect(again, "same stack, same verdict and diagnostics").toEqual(first);
}

/** Runs `check` on `runs` samples of `samples`; a failure reports the (shrunk) counterexample and the seed. */
export async function fuzz<T>(label: string, samples: Arbitrary<T>, check: (sample: T) => Promise<void>, runs = FUZZ_RUNS): Promise<void> {
    await fc.assert(fc.asyncProperty(samples, check), fuzzParameters<[T]>(label, runs));
}
