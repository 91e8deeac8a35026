import { describe, expect, it } from "vitest";
import { ISO_DURATION_PATTERN, isoDurationSeconds } from "../../../policies/core/duration";

describe("isoDurationSeconds", () => {
    it.each([
        ["PT8H", 8 * 3600],
        ["PT30M", 1800],
        ["PT1H30M", 5400],
        ["P1D", 86400],
        ["P1DT2H", 93600],
        ["P1W", 7 * 86400],
        ["PT45S", 45],
        ["PT0.5H", 1800],
        ["PT1,5H", 5400],
        ["pt8h", 8 * 3600],
        [" PT8H ", 8 * 3600],
    ])("reads %s", (text, seconds) => {
        expect(isoDurationSeconds(text)).toBe(seconds);
    });

    it.each([["P"], ["PT"], ["P1DT"], ["P1Y"], ["P1M"], ["8H"], ["PT-1H"], ["PT8H30"], [""], ["8 hours"]])("refuses %s", (text) => {
        expect(isoDurationSeconds(text)).toBeUndefined();
    });

    it("refuses values that are not strings", () => {
        for (const v of [28800, undefined, null, { hours: 8 }]) expect(isoDurationSeconds(v)).toBeUndefined();
    });
});

describe("ISO_DURATION_PATTERN", () => {
    it("accepts as a config pattern exactly what the parser reads (without surrounding spaces)", () => {
        const re = new RegExp(ISO_DURATION_PATTERN);
        for (const ok of ["PT8H", "pt4h", "P1DT2H", "PT1H30M"]) expect(re.test(ok), ok).toBe(true);
        for (const bad of ["8h", "P1M", "PT", " PT8H"]) expect(re.test(bad), bad).toBe(false);
    });
});
