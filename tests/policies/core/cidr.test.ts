import { describe, expect, it } from "vitest";
import { isUnboundedRange, prefixOf } from "../../../policies/core/cidr";

describe("prefixOf", () => {
    it.each([
        ["203.0.113.0/24", { family: 4, prefix: 24 }],
        [" 198.51.100.7 ", { family: 4, prefix: 32 }],
        ["2001:db8::/48", { family: 6, prefix: 48 }],
        ["::1", { family: 6, prefix: 128 }],
    ])("reads %j", (value, expected) => {
        expect(prefixOf(value)).toEqual(expected);
    });

    it.each(["", "vpce-1a2b3c", "10.0.0.0/abc", "10.0.0/8", "Internet"])("is undefined for %j (not an IP range)", (value) => {
        expect(prefixOf(value)).toBeUndefined();
    });
});

describe("isUnboundedRange", () => {
    it.each(["*", "0.0.0.0/0", "10.0.0.0/0", "::/0", "0.0.0.0/1", "128.0.0.0/1", "64.0.0.0/7", "2000::/3", "2001::/31"])("%j is unbounded", (value) => {
        expect(isUnboundedRange(value)).toBe(true);
    });

    it.each(["44.0.0.0/8", "203.0.113.0/24", "198.51.100.7", "2001:db8::/32", "2001:db8::/48", "not an address", 42, undefined])("%j is not", (value) => {
        expect(isUnboundedRange(value)).toBe(false);
    });
});
