// The pack reads an AnalyzeStack request off its bytes and decodes a resource only when a stack policy is handed it,
// and an Analyze request's properties only when a policy asks (policies/core/sdk-contract.ts "The AnalyzeStack
// request, decoded as it is needed"). Over gRPC the answers must be the same byte for byte — AnalyzeStack's as the
// plain SDK's (SRGUARD_SDK_FAST_PATHS=off), Analyze's as the pack's without this one shortcut (the routed answers
// leave out "not applicable" entries) —: on the exemptions fixture (tag exemptions, secret tag values), on every
// policy's examples, and on requests made odd in each of the ways the reader leaves to google-protobuf (a field given
// twice, a string that is not UTF-8, a Struct not in its plain form, a field the request does not have).
// tests/gate/sdk-fast-paths.test.ts compares the whole pack with the plain SDK on the generated stacks.

import { createRequire } from "node:module";
import * as path from "node:path";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import { beforeAll, describe, expect, it } from "vitest";
import { RawAnalyzer, buildRequests } from "../../bench/analyzer";
import type { GateStack } from "../../gate/model";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import { readFields } from "../../policies/core/protobuf-wire";
import { examplesStack } from "../mixed-stack";
import { bytesField, varintField } from "../wire-bytes";
import { ROOT, ensureBuilt, fixture } from "./helpers";

const sdkRequire = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
const pb = sdkRequire("@pulumi/pulumi/proto/analyzer_pb") as typeof analyzerPbTypes;
const { Struct } = createRequire(sdkRequire.resolve("@pulumi/pulumi/proto/analyzer_pb"))("google-protobuf/google/protobuf/struct_pb.js") as {
    Struct: { fromJavaScript(v: unknown): { serializeBinary(): Uint8Array } };
};

const struct = (v: unknown) => Struct.fromJavaScript(v).serializeBinary();

/** The resources' messages of an AnalyzeStack request. */
function resourcesOf(request: Buffer): Buffer[] {
    const out: Buffer[] = [];
    expect(readFields(request, 0, request.length, (no, _wire, s, e) => no === 1 && out.push(request.subarray(s, e)))).toBe(true);
    return out;
}
const requestOf = (resources: readonly Uint8Array[]) => Buffer.concat(resources.map((r) => bytesField(1, r)));

/** A resource's fields, but those numbered `drop`. */
function without(resource: Uint8Array, drop: number): Buffer {
    const parts: Uint8Array[] = [];
    readFields(resource, 0, resource.length, (no, _w, _s, e, tagStart) => no !== drop && parts.push(resource.subarray(tagStart, e)));
    return Buffer.concat(parts);
}

/** The first resource of `type` that a stack policy reports on in `answer`. */
function reportedOfType(stack: GateStack, answer: Buffer, type: string): number {
    const reported = new Set(pb.AnalyzeResponse.deserializeBinary(answer).getDiagnosticsList().map((d) => d.getUrn()));
    const i = stack.resources.findIndex((r) => r.type === type && reported.has(r.urn));
    expect(i, type).toBeGreaterThanOrEqual(0);
    return i;
}

/** The answer to each request (AnalyzeStack, or `method`), from one pack started with SRGUARD_SDK_FAST_PATHS=`mode`. */
async function answers(
    mode: string,
    stack: GateStack,
    requests: readonly Buffer[],
    opts: { configFile?: string; env?: Record<string, string>; method?: "Analyze" | "AnalyzeStack" } = {},
): Promise<Buffer[]> {
    const session = await GateSession.open({ packDir: `${ROOT}/policies`, ...(opts.configFile ? { configFile: opts.configFile } : {}), env: { ...opts.env, SRGUARD_SDK_FAST_PATHS: mode } });
    const client = new RawAnalyzer(session.pack.port);
    try {
        await session.pack.configureStack(stack);
        const out: Buffer[] = [];
        for (const r of requests) out.push(await client.call(opts.method ?? "AnalyzeStack", r));
        return out;
    } finally {
        client.close();
        session.close();
    }
}

const diagnosticCount = (answer: Buffer | undefined) => pb.AnalyzeResponse.deserializeBinary(answer ?? Buffer.alloc(0)).getDiagnosticsList().length;

const variants: { name: string; request: Buffer }[] = [];
let plain: Buffer[] = [];
let fast: Buffer[] = [];
/** Analyze requests: every policy's examples, and odd forms of a bucket's; answered with the lazy shortcut and without. */
const analyzeVariants: { name: string; request: Buffer }[] = [];
let analyzeEager: Buffer[] = [];
let analyzeLazy: Buffer[] = [];
let exemptions: { plain: Buffer; fast: Buffer; resources: number } | undefined;

beforeAll(async () => {
    ensureBuilt();
    const stack = examplesStack();
    const base = buildRequests(stack).analyzeStack;
    const resources = resourcesOf(base);
    expect(resources.length).toBe(stack.resources.length);
    const [reported] = await answers("off", stack, [base]);
    const bucket = reportedOfType(stack, reported as Buffer, "aws:s3/bucket:Bucket");
    const role = reportedOfType(stack, reported as Buffer, "aws:iam/role:Role");
    const edit = (i: number, f: (r: Buffer) => Buffer) => requestOf(resources.map((r, k) => (k === i ? f(r) : r)));
    variants.push(
        { name: "every policy's examples", request: base },
        { name: "a field the request does not have", request: Buffer.concat([base, varintField(15, 1)]) },
        // google-protobuf keeps the last of a message field given twice: a bucket that logs its requests
        { name: "a bucket's properties given twice", request: edit(bucket, (r) => Buffer.concat([r, bytesField(2, struct({ bucket: "decoy", logging: { targetBucket: "logs" }, loggings: [{ targetBucket: "logs" }] }))])) },
        {
            name: "a role's provider given twice",
            request: edit(role, (r) =>
                Buffer.concat([r, bytesField(6, Buffer.concat([bytesField(1, Buffer.from("pulumi:providers:aws")), bytesField(2, struct({ region: "ap-southeast-2", allowedAccountIds: ["999999999999"] })), bytesField(3, Buffer.from("urn:pulumi:test::mixed::pulumi:providers:aws::other"))]))]),
            ),
        },
        // a string that is not UTF-8 (google-protobuf decodes it its own way): the last URN given
        { name: "a role's URN that is not UTF-8", request: edit(role, (r) => Buffer.concat([r, bytesField(3, Buffer.from([0x75, 0x72, 0x6e, 0xff]))])) },
        // Values with two kinds: google-protobuf keeps the last (the logging blocks)
        {
            name: "a bucket's properties not in google-protobuf's plain form",
            request: edit(bucket, (r) => {
                const entry = (key: string, value: Buffer) => bytesField(1, Buffer.concat([bytesField(1, Buffer.from(key)), bytesField(2, value)]));
                const logs = struct({ targetBucket: "logs" });
                const odd = Buffer.concat([
                    entry("logging", Buffer.concat([bytesField(3, Buffer.from("none")), bytesField(5, logs)])),
                    entry("loggings", Buffer.concat([bytesField(3, Buffer.from("none")), bytesField(6, bytesField(1, bytesField(5, logs)))])),
                ]);
                return Buffer.concat([without(r, 2), bytesField(2, odd)]);
            }),
        },
        // a property dependency's key given twice: google-protobuf's map keeps the last
        {
            name: "a role's property dependency given twice",
            request: edit(role, (r) =>
                Buffer.concat([r, bytesField(9, Buffer.concat([bytesField(1, Buffer.from("assumeRolePolicy")), bytesField(2, bytesField(1, Buffer.from("urn:pulumi:test::mixed::aws:s3/bucket:Bucket::nowhere")))]))]),
            ),
        },
    );
    const requests = variants.map((v) => v.request);
    plain = await answers("off", stack, requests);
    fast = await answers("on", stack, requests);
    // Analyze: the same resource message's fields; the routed answers leave out "not applicable" entries, so the
    // comparison is with the other shortcuts on and only this one off
    const analyzed = stack.resources.filter((r) => r.analyze);
    const perResource = buildRequests(stack).analyze;
    const at = analyzed.findIndex((r) => r.urn === stack.resources[bucket]?.urn);
    expect(at).toBeGreaterThanOrEqual(0);
    const one = perResource[at] as Buffer;
    const logs = struct({ targetBucket: "logs" });
    analyzeVariants.push(
        ...perResource.map((request, i) => ({ name: `${analyzed[i]?.name ?? i}`, request })),
        { name: "a field the request does not have", request: Buffer.concat([one, varintField(15, 1)]) },
        { name: "properties given twice", request: Buffer.concat([one, bytesField(2, struct({ bucket: "decoy", acl: "public-read" }))]) },
        { name: "a provider given twice", request: Buffer.concat([one, bytesField(6, Buffer.concat([bytesField(1, Buffer.from("pulumi:providers:aws")), bytesField(2, struct({ region: "mars-north-1" }))]))]) },
        {
            name: "properties not in google-protobuf's plain form",
            request: Buffer.concat([without(one, 2), bytesField(2, bytesField(1, Buffer.concat([bytesField(1, Buffer.from("acl")), bytesField(2, Buffer.concat([bytesField(5, logs), bytesField(3, Buffer.from("public-read"))]))])))]),
        },
    );
    analyzeEager = await answers("route,decode,stack", stack, analyzeVariants.map((v) => v.request), { method: "Analyze" });
    analyzeLazy = await answers("on", stack, analyzeVariants.map((v) => v.request), { method: "Analyze" });
    const exempted = scanFile(fixture("exemptions", "export.json"));
    const opts = { configFile: fixture("exemptions", "policy-config.json"), env: { SRGUARD_TODAY: "2026-06-15" } };
    const request = buildRequests(exempted).analyzeStack;
    exemptions = { plain: (await answers("off", exempted, [request], opts))[0] as Buffer, fast: (await answers("on", exempted, [request], opts))[0] as Buffer, resources: exempted.resources.length };
}, 240_000);

describe("AnalyzeStack requests read off their bytes", () => {
    it("give the plain SDK's answer on tag exemptions and secret tag values", () => {
        expect(exemptions?.fast.equals(exemptions.plain)).toBe(true);
        const names = pb.AnalyzeResponse.deserializeBinary(exemptions?.fast ?? Buffer.alloc(0)).getDiagnosticsList().map((d) => d.getPolicyname());
        expect(names).toContain("srguard-exemptions");
    });

    it("give the plain SDK's answer on every policy's examples and on every odd request, byte for byte", () => {
        expect(fast.length).toBe(variants.length);
        variants.forEach((v, i) => expect(fast[i]?.equals(plain[i] as Buffer), v.name).toBe(true));
        expect(diagnosticCount(fast[0])).toBeGreaterThan(100);
    });

    it("give Analyze the answers of the pack without the lazy shortcut, byte for byte, also on odd requests", () => {
        expect(analyzeLazy.length).toBe(analyzeVariants.length);
        analyzeVariants.forEach((v, i) => expect(analyzeLazy[i]?.equals(analyzeEager[i] as Buffer), v.name).toBe(true));
        expect(analyzeLazy.reduce((n, a) => n + diagnosticCount(a), 0)).toBeGreaterThan(100);
        // the odd fields changed what the bucket's Analyze says: the last one given counted on both sides
        const base = analyzeVariants.findIndex((v) => v.name === "a field the request does not have");
        for (const name of ["properties given twice", "a provider given twice", "properties not in google-protobuf's plain form"]) {
            expect(analyzeLazy[analyzeVariants.findIndex((v) => v.name === name)]?.equals(analyzeLazy[base] as Buffer), name).toBe(false);
        }
    });

    it("were changed in what they say by the odd fields, so the last one given counts on both sides", () => {
        const at = (name: string) => fast[variants.findIndex((v) => v.name === name)];
        for (const name of ["a bucket's properties given twice", "a bucket's properties not in google-protobuf's plain form", "a role's provider given twice"]) {
            expect(at(name)?.equals(fast[0] as Buffer), name).toBe(false);
        }
    });
});
