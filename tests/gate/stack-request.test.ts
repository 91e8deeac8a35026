// The gate sends AnalyzeStack as bytes it serialises one resource at a time (gate/pack.ts analyzeStackRequestBytes):
// they must be exactly what google-protobuf makes of the whole request.

import { describe, expect, it } from "vitest";
import { analyzeStackRequest, analyzeStackRequestBytes, providerResolver } from "../../gate/pack";
import { scanFile } from "../../gate/scan";
import { mixedStack } from "../mixed-stack";
import { fixture } from "./helpers";

describe("the AnalyzeStack request, serialised resource by resource", () => {
    it.each([
        ["a generated mixed stack with secrets, unknowns and property dependencies", () => mixedStack(400)],
        ["an export with plaintext secrets", () => scanFile(fixture("scan", "export-show-secrets.json"))],
        ["an empty stack", () => ({ ...mixedStack(4), resources: [] })],
    ])("is byte for byte the whole request's serialisation for %s", (_, make) => {
        const stack = make();
        const providerOf = providerResolver(stack, () => undefined);
        const whole = Buffer.from(analyzeStackRequest(stack, providerOf).serializeBinary());
        expect(analyzeStackRequestBytes(stack, providerOf).equals(whole)).toBe(true);
    });

    it("encodes lengths of more than one varint byte", () => {
        const stack = mixedStack(40);
        const providerOf = providerResolver(stack, () => undefined);
        const bytes = analyzeStackRequestBytes(stack, providerOf);
        // every resource of the generated stack is longer than 127 bytes: two-byte lengths throughout
        expect(bytes.length).toBeGreaterThan(40 * 130);
        expect(bytes.equals(Buffer.from(analyzeStackRequest(stack, providerOf).serializeBinary()))).toBe(true);
    });
});
