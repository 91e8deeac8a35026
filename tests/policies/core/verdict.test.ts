import { describe, expect, it } from "vitest";
import { Value } from "../../../policies/core/read";
import { all, decide, each, fail, failIf, pass, unknown } from "../../../policies/core/verdict";
import { decodeProps, UNKNOWN } from "../../harness";

const props = Value.root<Record<string, unknown>>(decodeProps({ known: "x", later: UNKNOWN }));

describe("verdicts", () => {
    it("keeps only the needs that are unknown", () => {
        const v = unknown(props.get("known"), props.get("later"), undefined);
        expect(v.kind === "unknown" && v.needs.map((n) => (typeof n === "string" ? n : n.path))).toEqual(["later"]);
    });

    it("lets a proven violation win over an unrelated unknown, with every message", () => {
        expect(all([unknown(props.get("later")), fail("a"), pass, fail("b", "c")])).toEqual({ kind: "fail", messages: ["a", "b", "c"] });
    });

    it("is unknown when nothing failed and something is unknown, with every need", () => {
        const v = all([pass, unknown(props.get("later")), unknown("the role it attaches to")]);
        expect(v.kind).toBe("unknown");
        expect(v.kind === "unknown" && v.needs.length).toBe(2);
    });

    it("passes when everything passes, and when there is nothing to judge", () => {
        expect(all([pass, pass])).toBe(pass);
        expect(all([])).toBe(pass);
        expect(each([], () => fail("never"))).toBe(pass);
    });

    it("judges each element", () => {
        expect(each([1, 2, 3], (n) => failIf(n % 2 === 0, `${n} is even`))).toEqual({ kind: "fail", messages: ["2 is even"] });
    });

    it("decides only from a known value", () => {
        expect(decide(props.get("later"), () => fail("no")).kind).toBe("unknown");
        expect(decide(props.get("known"), (v) => failIf(v.text() === "x", "is x"))).toEqual({ kind: "fail", messages: ["is x"] });
    });
});
