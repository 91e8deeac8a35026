// The one reader (policies/core/read.ts) on properties as the SDK hands them over: decoded by the SDK's own
// deserializer and wrapped in its unknown-checking proxy (tests/harness.ts `decodeProps`).

import { describe, expect, it } from "vitest";
import { Value } from "../../../policies/core/read";
import { decodeProps, secret, UNKNOWN, UnknownValueError } from "../../harness";

const root = (props: Record<string, unknown>) => Value.root<Record<string, unknown>>(decodeProps(props));

describe("Value", () => {
    describe("states", () => {
        it("tells set, unset (absent or null) and unknown apart without throwing", () => {
            const p = root({ a: "x", b: null, c: UNKNOWN });
            expect([p.get("a").state, p.get("b").state, p.get("c").state, p.get("d").state]).toEqual(["set", "unset", "unknown", "unset"]);
            expect(p.get("c").value).toBeUndefined();
        });

        it("reads a secret's plaintext as the pack sees it", () => {
            expect(root({ s: secret("hidden") }).get("s").text()).toBe("hidden");
        });

        it("treats a blank string as blank but set", () => {
            const v = root({ a: "  " }).get("a");
            expect([v.isSet, v.isBlank, v.isText()]).toEqual([true, true, false]);
        });
    });

    describe("paths", () => {
        it("names nested fields and elements", () => {
            const p = root({ rules: [{ apply: { alg: "AES256" } }] });
            const [rule] = p.get("rules").items();
            expect(rule?.path).toBe("rules[0]");
            expect(rule?.get("apply").get("alg").path).toBe("rules[0].apply.alg");
        });

        it("carries an unknown parent into its fields, and reading it names the parent", () => {
            const p = root({ block: UNKNOWN });
            const f = p.get("block").get("enabled");
            expect(f.isUnknown).toBe(true);
            expect(() => f.readThroughProxy()).toThrow(UnknownValueError);
            expect(() => f.readThroughProxy()).toThrow(".block");
        });

        it("reads an unknown element through the proxy with its index in the path", () => {
            const [, second] = root({ xs: ["a", UNKNOWN] }).get("xs").items();
            expect(second?.isUnknown).toBe(true);
            expect(() => second?.readThroughProxy()).toThrow(".xs.1");
        });

        it("finds an unknown deep inside a set value", () => {
            const v = root({ doc: { Statement: [{ Principal: UNKNOWN }] } }).get("doc");
            expect([v.isSet, v.hasUnknown]).toEqual([true, true]);
            expect(() => v.readThroughProxy()).toThrow(".doc.Statement.0.Principal");
        });
    });

    describe("items and blocks", () => {
        it("treats a single value as one element and unset as none", () => {
            const p = root({ one: { a: 1 }, none: null });
            expect(p.get("one").items()).toHaveLength(1);
            expect(p.get("none").items()).toHaveLength(0);
        });

        it("keeps unknown elements and object blocks, leaves out known non-objects", () => {
            const blocks = root({ xs: [{ a: 1 }, "text", UNKNOWN, [1]] }).get("xs").blocks();
            expect(blocks.map((b) => b.state)).toEqual(["set", "unknown"]);
        });

        it("lists map entries as values", () => {
            const entries = root({ tags: { team: "a", owner: UNKNOWN } }).get("tags").entries();
            expect(Object.fromEntries(entries.map(([k, v]) => [k, v.state]))).toEqual({ team: "set", owner: "unknown" });
        expect(entries.find(([k]) => k === "owner")?.[1].path).toBe("tags.owner");
        });
    });

    describe("scalars", () => {
        it.each([
            [true, true, false],
            ["TRUE", true, false],
            [false, false, true],
            ["False", false, true],
            ["yes", false, false],
            [1, false, false],
        ])("reads %j as true=%s false=%s", (v, t, f) => {
            const x = root({ v }).get("v");
            expect([x.isTrue(), x.isFalse()]).toEqual([t, f]);
        });

        it("reads numbers and numeric strings, not other things", () => {
            const p = root({ a: 30, b: "90", c: "ninety", d: true });
            expect([p.get("a").number(), p.get("b").number(), p.get("c").number(), p.get("d").number()]).toEqual([30, 90, undefined, undefined]);
        });

        it("compares enum spellings without case", () => {
            expect(root({ v: "tls1_2" }).get("v").isOneOf("TLS1_2", "TLS1_3")).toBe(true);
            expect(root({ v: "TLS1_0" }).get("v").isOneOf("TLS1_2", "TLS1_3")).toBe(false);
        });

        it("says nothing about an unknown value", () => {
            const v = root({ v: UNKNOWN }).get("v");
            expect([v.isTrue(), v.isFalse(), v.text(), v.number(), v.isBlank, v.isOneOf("x")]).toEqual([false, false, undefined, undefined, false, false]);
        });
    });
});
