// The fast encoding of Analyze answers (policies/core/sdk-contract.ts `fastEncoder`): the same bytes as
// google-protobuf's own `serializeBinary` for every answer it encodes, and google-protobuf's for every answer it leaves
// alone (a lone surrogate, an enum it does not write). tests/gate/sdk-fast-paths.test.ts compares the installed pack's
// answers with the plain SDK's over gRPC.

import { createRequire } from "node:module";
import * as path from "node:path";
import fc from "fast-check";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import { fastEncoder } from "../../../policies/core/sdk-contract";

// The Analyzer messages as @pulumi/policy resolves them (what the pack's encoder is built on).
const sdkRequire = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
const pb = sdkRequire("@pulumi/pulumi/proto/analyzer_pb") as typeof analyzerPbTypes;

function encoder() {
    const e = fastEncoder(pb as unknown as Record<string, unknown>);
    if (typeof e === "string") throw new Error(e);
    return e;
}

interface DiagnosticFields {
    policyName: string;
    packName: string;
    packVersion: string;
    description: string;
    message: string;
    level: number;
    urn: string;
    severity: number;
}

function response(ds: readonly DiagnosticFields[], na: readonly { name: string; reason: string }[]): analyzerPbTypes.AnalyzeResponse {
    const r = new pb.AnalyzeResponse();
    r.setDiagnosticsList(
        ds.map((f) => {
            const d = new pb.AnalyzeDiagnostic();
            d.setPolicyname(f.policyName);
            d.setPolicypackname(f.packName);
            d.setPolicypackversion(f.packVersion);
            d.setDescription(f.description);
            d.setMessage(f.message);
            d.setEnforcementlevel(f.level as analyzerPbTypes.EnforcementLevel);
            d.setUrn(f.urn);
            d.setSeverity(f.severity as analyzerPbTypes.PolicySeverity);
            return d;
        }),
    );
    r.setNotApplicableList(
        na.map((n) => {
            const m = new pb.PolicyNotApplicable();
            m.setPolicyName(n.name);
            m.setReason(n.reason);
            return m;
        }),
    );
    return r;
}

const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary", maxLength: 2000 }),
    // any UTF-16 code unit: lone surrogates too
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }), fc.constant(""));
const diagnostic = fc.record({
    policyName: text,
    packName: text,
    packVersion: text,
    description: text,
    message: text,
    level: fc.integer({ min: 0, max: 3 }),
    urn: text,
    severity: fc.integer({ min: 0, max: 4 }),
});

describe("the fast encoding of Analyze answers", () => {
    it("is installed on the pinned SDK", () => {
        expect(typeof fastEncoder(pb as unknown as Record<string, unknown>)).toBe("object");
    });

    it("writes google-protobuf's bytes, or leaves the answer to google-protobuf", () => {
        const e = encoder();
        let encoded = 0;
        let left = 0;
        fc.assert(
            fc.property(fc.array(diagnostic, { maxLength: 4 }), fc.array(fc.record({ name: text, reason: text }), { maxLength: 3 }), (ds, na) => {
                const r = response(ds, na);
                const fast = e.encode(r);
                const strings = [...ds.flatMap((d) => [d.policyName, d.packName, d.packVersion, d.description, d.message, d.urn]), ...na.flatMap((n) => [n.name, n.reason])];
                // a lone surrogate is the one thing it leaves to google-protobuf (which encodes it its own way)
                const lone = strings.some((s) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));
                expect(fast === undefined).toBe(lone);
                // the serializeBinary an answer is handed to grpc-js with: these bytes, or google-protobuf's own
                expect(Buffer.from(e.serializeBinary.call(r)).toString("hex")).toBe(Buffer.from(r.serializeBinary()).toString("hex"));
                if (fast) {
                    encoded++;
                    expect(Buffer.from(fast).toString("hex")).toBe(Buffer.from(r.serializeBinary()).toString("hex"));
                } else left++;
            }),
            { numRuns: 500 },
        );
        expect(encoded).toBeGreaterThan(100);
        expect(left).toBeGreaterThan(0);
    });

    it("leaves an enum it does not write to google-protobuf", () => {
        const base: DiagnosticFields = { policyName: "p", packName: "k", packVersion: "1", description: "d", message: "m", level: 1, urn: "", severity: 2 };
        const e = encoder();
        expect(e.encode(response([base], []))).toBeDefined();
        expect(e.encode(response([{ ...base, level: 200 }], []))).toBeUndefined();
        expect(e.encode(response([{ ...base, severity: -1 }], []))).toBeUndefined();
    });

    it("encodes an empty answer as no bytes, like google-protobuf", () => {
        const r = response([], []);
        expect(Buffer.from(encoder().encode(r) ?? [1]).length).toBe(0);
        expect(r.serializeBinary().length).toBe(0);
    });

    it("knows the SDK's answers from other messages", () => {
        const e = encoder();
        expect(e.isResponse(new pb.AnalyzeResponse())).toBe(true);
        expect(e.isResponse(new pb.AnalyzeDiagnostic())).toBe(false);
        expect(e.isResponse({ getDiagnosticsList: () => [] })).toBe(false);
    });

    it("is off, saying why, when the messages are written another way", () => {
        const Diagnostic = function () {} as unknown as Record<string, unknown>;
        Diagnostic["serializeBinaryToWriter"] = (message: { getPolicyname(): string }, writer: { writeString(n: number, v: string): void }) => {
            writer.writeString(1, message.getPolicyname());
        };
        expect(fastEncoder({ ...(pb as unknown as Record<string, unknown>), AnalyzeDiagnostic: Diagnostic })).toBe("the Analyzer messages are encoded another way");
        expect(fastEncoder(undefined)).toBe("the Analyzer messages were not found");
    });
});
