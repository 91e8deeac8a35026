// Reading protobuf's wire format (policies/core/protobuf-wire.ts `readFields`, `readUtf8`, `readStruct`): a Struct read
// off its bytes is what google-protobuf's `Struct.deserializeBinary(bytes).toJavaScript()` makes of them — the same
// values, keys in the same order — and anything but the plain form google-protobuf writes is left to google-protobuf
// (undefined). tests/gate/stack-request-undecoded.test.ts holds the pack that reads AnalyzeStack requests this way to
// the plain SDK's answers.

import { createRequire } from "node:module";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFields, readStruct, readUtf8 } from "../../../policies/core/protobuf-wire";
import { field } from "../../wire-bytes";

// google-protobuf's Struct as @pulumi/policy's messages resolve it
const sdkRequire = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
const { Struct } = createRequire(sdkRequire.resolve("@pulumi/pulumi/proto/analyzer_pb"))("google-protobuf/google/protobuf/struct_pb.js") as {
    Struct: {
        fromJavaScript(v: unknown): { serializeBinary(): Uint8Array };
        deserializeBinary(b: Uint8Array): { toJavaScript(): Record<string, unknown> };
    };
};

function concat(...parts: Uint8Array[]): Uint8Array {
    return Uint8Array.from(parts.flatMap((p) => [...p]));
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const stringValue = (s: string) => field(3, 2, utf8(s));
const entry = (key: Uint8Array, value: Uint8Array) => field(1, 2, concat(field(1, 2, key), field(2, 2, value)));

/** Both readings of the same bytes, for comparison with key order (JSON) and -0 / NaN (toEqual's Object.is). */
function bothReadings(bytes: Uint8Array): { ours: unknown; google: unknown } {
    return { ours: readStruct(bytes, 0, bytes.length), google: Struct.deserializeBinary(bytes).toJavaScript() };
}

// JSON-like values as the engine sends properties: any number (also -0, NaN, infinities), any string (also astral,
// BOM, digits-only keys that JS orders first), nested objects and lists
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    any: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.string({ unit: "binary" }),
        fc.array(tie("any"), { maxLength: 4 }),
        tie("object"),
    ),
    object: fc.dictionary(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("10", "2", "a", "B", "\uFEFF", "")), tie("any"), { maxKeys: 5 }),
})).object.filter((o) => !JSON.stringify(Object.keys(o)).includes("__proto__"));

describe("readStruct", () => {
    it("reads every Struct google-protobuf writes as its toJavaScript() does, keys in the same order", () => {
        fc.assert(
            fc.property(value, (v) => {
                const { ours, google } = bothReadings(Struct.fromJavaScript(v).serializeBinary());
                expect(ours).toEqual(google);
                expect(JSON.stringify(ours)).toBe(JSON.stringify(google));
            }),
            { numRuns: 400 },
        );
    });

    it("keeps -0, NaN and the infinities as google-protobuf decodes them", () => {
        const { ours, google } = bothReadings(Struct.fromJavaScript({ a: -0, b: Number.NaN, c: -Infinity, d: Infinity, e: 5e-324, f: 1.7976931348623157e308 }).serializeBinary());
        expect(ours).toEqual(google);
        expect(Object.is((ours as { a: number }).a, -0)).toBe(true);
    });

    it("takes a key given twice as google-protobuf's map does: the last, in sorted order", () => {
        const bytes = concat(entry(utf8("b"), stringValue("first")), entry(utf8("a"), stringValue("x")), entry(utf8("b"), stringValue("last")));
        const { ours, google } = bothReadings(bytes);
        expect(ours).toEqual({ a: "x", b: "last" });
        expect(JSON.stringify(ours)).toBe(JSON.stringify(google));
    });

    it.each([
        ["a Value with two kinds", entry(utf8("a"), concat(stringValue("s"), field(2, 1, new Uint8Array(8))))],
        ["a Value with no kind", entry(utf8("a"), new Uint8Array(0))],
        ["an entry without its key", field(1, 2, field(2, 2, stringValue("s")))],
        ["an entry without its value", field(1, 2, field(1, 2, utf8("a")))],
        ["an unknown field in the Struct", concat(entry(utf8("a"), stringValue("s")), field(7, 0, [1]))],
        ["an unknown field in a Value", entry(utf8("a"), concat(field(9, 0, [1])))],
        ["a key that is not UTF-8", entry(Uint8Array.from([0x61, 0xff]), stringValue("s"))],
        ["a string value that is not UTF-8", entry(utf8("a"), field(3, 2, [0xed, 0xa0, 0x80]))],
        ["a bool that is neither 0 nor 1", entry(utf8("a"), field(4, 0, [2]))],
        ["the key __proto__", entry(utf8("__proto__"), stringValue("s"))],
        ["a list with an unknown field", entry(utf8("a"), field(6, 2, field(2, 0, [1])))],
        ["bytes cut short", entry(utf8("a"), stringValue("s")).subarray(0, 5)],
    ])("leaves %s to google-protobuf", (_what, bytes) => {
        expect(readStruct(bytes, 0, bytes.length)).toBeUndefined();
    });
});

describe("readFields", () => {
    it("visits each field with its number, wire type and value's bytes, in order", () => {
        const bytes = concat(field(1, 2, utf8("ab")), field(2, 0, [0x96, 0x01]), field(3, 1, new Uint8Array(8)), field(4, 5, new Uint8Array(4)), field(300, 2, []));
        const seen: [number, number, string][] = [];
        expect(readFields(bytes, 0, bytes.length, (no, wire, s, e) => seen.push([no, wire, Buffer.from(bytes.subarray(s, e)).toString("hex")]))).toBe(true);
        expect(seen).toEqual([
            [1, 2, "6162"],
            [2, 0, "9601"],
            [3, 1, "0000000000000000"],
            [4, 5, "00000000"],
            [300, 2, ""],
        ]);
    });

    it.each([
        ["a length past the end", Uint8Array.from([0x0a, 0x05, 0x61])],
        ["a varint past the end", Uint8Array.from([0x08, 0x96])],
        ["a fixed64 past the end", Uint8Array.from([0x09, 0, 0, 0])],
        ["a group", Uint8Array.from([0x0b])],
        ["field number 0", Uint8Array.from([0x02, 0x00])],
    ])("refuses %s", (_what, bytes) => {
        expect(readFields(bytes, 0, bytes.length, () => undefined)).toBe(false);
    });
});

describe("readUtf8", () => {
    it("reads valid UTF-8 as google-protobuf does, a leading BOM kept, and refuses anything else", () => {
        fc.assert(
            fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ maxLength: 80 })), fc.boolean(), (s, bom) => {
                const text = bom ? `\uFEFF${s}` : s;
                const bytes = utf8(`..${text}..`);
                expect(readUtf8(bytes, 2, bytes.length - 2)).toBe(text);
                expect(readUtf8(Buffer.from(bytes), 2, bytes.length - 2)).toBe(text);
            }),
        );
        for (const bad of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
            expect(readUtf8(Uint8Array.from(bad), 0, bad.length)).toBeUndefined();
            expect(readUtf8(Buffer.from(bad), 0, bad.length)).toBeUndefined();
        }
        // U+FFFD itself is valid UTF-8
        expect(readUtf8(Buffer.from("a\uFFFDb"), 0, 5)).toBe("a\uFFFDb");
    });
});
