// The gate encodes its Analyze, Remediate and AnalyzeStack requests itself (gate/pack.ts encodeAnalyzeRequest,
// analyzeStackRequestBytes): the bytes must be exactly what google-protobuf makes of the messages the stubs would
// send (analyzeRequest, analyzeStackRequest).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY_OPTIONS, type GateResource, type GateStack } from "../../gate/model";
import { type ProviderView, analyzeRequest, analyzeStackRequest, analyzeStackRequestBytes, encodeAnalyzeRequest, providerResolver } from "../../gate/pack";
import { scanFile } from "../../gate/scan";
import type { Json, JsonObject } from "../../gate/wire";
import { mixedStack } from "../mixed-stack";
import { fixture } from "./helpers";

function stackBytesMatch(stack: GateStack): boolean {
    const providerOf = providerResolver(stack, () => undefined);
    const whole = Buffer.from(analyzeStackRequest(stack, providerOf).serializeBinary());
    return analyzeStackRequestBytes(stack, providerOf).equals(whole);
}

function analyzeBytesMatch(r: GateResource, props: JsonObject, provider: ProviderView | undefined): boolean {
    return encodeAnalyzeRequest(r, props, provider).equals(Buffer.from(analyzeRequest(r, props, provider).serializeBinary()));
}

const PROVIDER: ProviderView = {
    urn: "urn:pulumi:s::p::pulumi:providers:aws::default_7_48_0",
    type: "pulumi:providers:aws",
    name: "default_7_48_0",
    inputs: { region: "eu-west-1", version: "7.48.0" },
};

function resource(props: JsonObject, extra: Partial<GateResource> = {}): GateResource {
    return {
        urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b",
        type: "aws:s3/bucket:Bucket",
        name: "b",
        custom: true,
        inputs: props,
        outputs: props,
        dependencies: [],
        propertyDependencies: {},
        options: EMPTY_OPTIONS,
        analyze: true,
        ...extra,
    };
}

/** Strings with what UTF-8 encoders disagree on: lone surrogates, pairs, NUL, multi-byte characters. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom("a", "é", "\u0000", "\ud800", "\udc00", "\udbff", "\ud83d\ude00", "\u20ac"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 12 });
/** Keys: any text, and `__proto__` (which google-protobuf's maps drop). */
const key = fc.oneof(text, fc.constant("__proto__"));
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 5e-324, 2 ** 53, -1.5));
const { json } = fc.letrec<{ json: Json }>((tie) => ({
    json: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        number,
        text,
        fc.array(tie("json"), { maxLength: 4 }),
        fc.dictionary(key, tie("json"), { maxKeys: 5 }),
    ),
}));
const props = fc.dictionary(key, json, { maxKeys: 6 });
const strings = fc.array(text, { maxLength: 3 });

const BASE: GateStack = { ...mixedStack(0), resources: [] };

describe("the requests the gate encodes itself", () => {
    it.each([
        ["a generated mixed stack with secrets, unknowns and property dependencies", () => mixedStack(400)],
        ["an export with plaintext secrets", () => scanFile(fixture("scan", "export-show-secrets.json"))],
        ["an export", () => scanFile(fixture("scan", "export.json"))],
        ["a preview digest", () => scanFile(fixture("scan", "preview.json"))],
        ["an empty stack", () => ({ ...mixedStack(4), resources: [] })],
    ])("are byte for byte google-protobuf's serialisation for %s", (_, make) => {
        const stack = make();
        expect(stackBytesMatch(stack)).toBe(true);
        const providerOf = providerResolver(stack, () => undefined);
        const mismatched = stack.resources.filter((r) => !analyzeBytesMatch(r, r.inputs, providerOf(r))).map((r) => r.urn);
        expect(mismatched).toEqual([]);
    });

    it("encodes lengths of more than one varint byte", () => {
        const stack = mixedStack(40);
        const providerOf = providerResolver(stack, () => undefined);
        const bytes = analyzeStackRequestBytes(stack, providerOf);
        // every resource of the generated stack is longer than 127 bytes: two-byte lengths throughout
        expect(bytes.length).toBeGreaterThan(40 * 130);
        expect(stackBytesMatch(stack)).toBe(true);
        // and one property longer than 16 KB: a three-byte length
        expect(stackBytesMatch({ ...stack, resources: [resource({ policy: "x".repeat(20_000) })] })).toBe(true);
    });

    it("are google-protobuf's serialisation for any JSON properties (lone surrogates, -0, empty keys, nesting)", () => {
        fc.assert(
            fc.property(props, props, (inputs, outputs) => {
                const r = resource(inputs, { outputs });
                return analyzeBytesMatch(r, inputs, PROVIDER) && analyzeBytesMatch(r, inputs, undefined) && stackBytesMatch({ ...BASE, resources: [r] });
            }),
            { numRuns: 300 },
        );
    });

    it("are google-protobuf's serialisation for any resource options, parents, dependencies and providers", () => {
        const options = fc.record({
            protect: fc.boolean(),
            ignoreChanges: strings,
            deleteBeforeReplace: fc.option(fc.boolean(), { nil: undefined }),
            additionalSecretOutputs: strings,
            aliases: strings,
            customTimeouts: fc.option(fc.record({ create: number, update: number, delete: number }), { nil: undefined }),
        });
        const extra = fc.record({
            urn: text,
            type: text,
            name: text,
            parent: fc.option(text, { nil: "" }),
            dependencies: strings,
            propertyDependencies: fc.dictionary(key, strings, { maxKeys: 4 }),
            options,
        });
        const provider = fc.option(fc.record({ urn: text, type: text, name: text, inputs: props }), { nil: undefined });
        fc.assert(
            fc.property(extra, props, provider, (e, p, prov) => {
                const { deleteBeforeReplace, customTimeouts, ...rest } = e.options;
                const r = resource(p, {
                    ...e,
                    options: { ...rest, ...(deleteBeforeReplace !== undefined ? { deleteBeforeReplace } : {}), ...(customTimeouts ? { customTimeouts } : {}) },
                    ...(prov ? { provider: `${prov.urn}::id` } : {}),
                });
                const stack: GateStack = { ...BASE, resources: [r] };
                return analyzeBytesMatch(r, p, prov) && stackBytesMatch(stack);
            }),
            { numRuns: 300 },
        );
    });
});
