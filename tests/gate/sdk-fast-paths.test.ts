// srguard's SDK fast paths (policies/core/sdk-contract.ts) change no verdict: the same generated stack goes through
// the compiled pack twice over gRPC — once on the plain SDK (SRGUARD_SDK_FAST_PATHS=off), once with the fast paths —
// and every diagnostic of every Analyze and of the AnalyzeStack must be the same, in the same order. The stack
// shortcut (each srguard stack policy is handed only the resources of its types and those they refer to, and none
// when none of its types is in the stack) is exercised by a stack of every policy's examples, by one-cloud parts of
// the generated stack, and by running each stack policy over every other policy's examples without its own types.

import { createRequire } from "node:module";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import { beforeAll, describe, expect, it } from "vitest";
import { RawAnalyzer, buildRequests } from "../../bench/analyzer";
import type { GateStack } from "../../gate/model";
import type { JsonObject } from "../../gate/wire";
import { GateSession } from "../../gate/session";
import type { SrguardPolicy } from "../../policies/core/meta";
import { resourceTypeTest } from "../../policies/core/policy";
import { canonicalType } from "../../policies/core/tokens";
import type { StackScope } from "../../policies/core/policy";
import { FAST_PATHS_ENV, PINNED_SDK_VERSION, installSdkFastPaths } from "../../policies/core/sdk-contract";
import { policies } from "../../policies/registry";
import { runStackPolicy } from "../harness";
import { examplesStack, mixedStack } from "../mixed-stack";
import { ROOT, ensureBuilt } from "./helpers";

const pb = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"))("./analyzer_pb.js") as typeof analyzerPbTypes;

/** Non-default settings, so that enforcement levels and config resolution are part of the comparison. */
const CONFIG = {
    all: "mandatory",
    "aws-cloudwatch-log-group-configure-retention": { minimumRetentionDays: 400 },
    "aws-s3-bucket-require-public-access-block": "advisory",
} as const;

/** Config that widens the scopes of the stack policies that have one: more types, and the whole stack for exemptions. */
const WIDER_SCOPES: JsonObject = {
    ...CONFIG,
    "azure-monitor-diagnostic-setting-require-coverage": {
        requireDiagnosticSettingFor: ["azure-native:keyvault:Vault", "azure-native:storage:StorageAccount", "azure-native:sql:Server"],
    },
    // one matching resources outside the tag scope, one matching none (reported): both judged over the whole stack
    "srguard-exemptions": {
        exemptions: [
            { policy: "aws-sqs-queue-require-encryption", resource: "*jobs*", reason: "legacy consumer", expires: "2001-01-31" },
            { policy: "aws-sqs-queue-require-encryption", resource: "no-such-resource", reason: "legacy consumer", expires: "2001-01-31" },
        ],
    },
};

interface Answers {
    readonly analyze: analyzerPbTypes.AnalyzeResponse[];
    readonly analyzeStack: Buffer;
}

async function answers(mode: string, stack: GateStack): Promise<Answers> {
    const saved = process.env[FAST_PATHS_ENV];
    process.env[FAST_PATHS_ENV] = mode;
    let session: GateSession;
    try {
        session = await GateSession.open({ packDir: `${ROOT}/policies`, configDoc: CONFIG, configFile: "config.json" });
    } finally {
        if (saved === undefined) delete process.env[FAST_PATHS_ENV];
        else process.env[FAST_PATHS_ENV] = saved;
    }
    const client = new RawAnalyzer(session.pack.port);
    try {
        await session.pack.configureStack(stack);
        const requests = buildRequests(stack);
        const analyze = (await client.analyzeAll(requests.analyze, 32)).map((b) => pb.AnalyzeResponse.deserializeBinary(b));
        return { analyze, analyzeStack: await client.call("AnalyzeStack", requests.analyzeStack) };
    } finally {
        client.close();
        session.close();
    }
}

const diagnostics = (r: analyzerPbTypes.AnalyzeResponse) => r.getDiagnosticsList().map((d) => d.toObject());
const notApplicable = (r: analyzerPbTypes.AnalyzeResponse) => r.getNotApplicableList().map((n) => n.toObject());

let stack: GateStack;
let plain: Answers;
let fast: Answers;
/** One-cloud parts of the stack (each without the other cloud's types, so the stack skip leaves policies out). */
const parts: { name: string; stack: GateStack; plain: Buffer; fast: Buffer }[] = [];

async function stackAnswer(mode: string, part: GateStack, configDoc: JsonObject = CONFIG): Promise<Buffer> {
    const saved = process.env[FAST_PATHS_ENV];
    process.env[FAST_PATHS_ENV] = mode;
    let session: GateSession;
    try {
        session = await GateSession.open({ packDir: `${ROOT}/policies`, configDoc, configFile: "config.json" });
    } finally {
        if (saved === undefined) delete process.env[FAST_PATHS_ENV];
        else process.env[FAST_PATHS_ENV] = saved;
    }
    const client = new RawAnalyzer(session.pack.port);
    try {
        await session.pack.configureStack(part);
        return await client.call("AnalyzeStack", buildRequests(part).analyzeStack);
    } finally {
        client.close();
        session.close();
    }
}

type StackPolicy = SrguardPolicy & { validateStack: unknown };
const stackScope = (p: SrguardPolicy) => (p.meta as { stackScope?: (config: unknown) => StackScope | undefined }).stackScope;

/**
 * Under the default config, what the stack shortcut hands a stack policy (core/sdk-contract.ts `scopeOf`): a test of
 * a resource for the srguard stack policies with a scope — their `stackScope`, else their declared types.
 */
function scopeTest(p: StackPolicy): ((r: { type: string; props: unknown }) => boolean) | undefined {
    const fn = stackScope(p);
    const scope = fn ? fn({}) : p.meta.resourceTypes === "all" ? undefined : { types: p.meta.resourceTypes };
    if (!scope) return undefined;
    if ("where" in scope) return (r) => scope.where(r.props);
    const types = new Set(scope.types);
    return (r) => types.has(canonicalType(r.type));
}

/** The stack policies the stack shortcut narrows (and may leave out). */
const scopedStackPolicies = policies.filter((p): p is StackPolicy => "validateStack" in p && scopeTest(p as StackPolicy) !== undefined);
const skippedIn = (s: GateStack) => scopedStackPolicies.filter((p) => !s.resources.some((r) => scopeTest(p)?.({ type: r.type, props: r.outputs })));

beforeAll(async () => {
    ensureBuilt();
    stack = mixedStack(600);
    plain = await answers("off", stack);
    fast = await answers("on", stack);
    const examples = examplesStack();
    parts.push({ name: "every policy's examples", stack: examples, plain: await stackAnswer("off", examples), fast: await stackAnswer("on", examples) });
    for (const [name, keep] of [
        ["AWS", (t: string) => t.startsWith("aws:")],
        ["Azure", (t: string) => t.startsWith("azure-native:")],
    ] as const) {
        const part: GateStack = { ...stack, resources: stack.resources.filter((r) => !r.type.startsWith("aws:") && !r.type.startsWith("azure-native:") ? true : keep(r.type)) };
        parts.push({ name, stack: part, plain: await stackAnswer("off", part), fast: await stackAnswer("on", part) });
    }
    parts.push({ name: "every policy's examples, wider scopes", stack: examples, plain: await stackAnswer("off", examples, WIDER_SCOPES), fast: await stackAnswer("on", examples, WIDER_SCOPES) });
}, 240_000);

describe("srguard's SDK fast paths", () => {
    it("install on the SDK they are pinned to", () => {
        const sdkVersion = (require("@pulumi/policy/package.json") as { version: string }).version.replace(/^v/, "");
        expect(sdkVersion).toBe(PINNED_SDK_VERSION);
        expect(installSdkFastPaths(new Set(["route", "decode", "stack", "lazy"]))).toEqual({ route: true, decode: true, stack: true, lazy: true, skipped: [] });
        // decode: the SDK's deserializeProperties now answers the same Struct with the same object
        const { Struct } = createRequire(require.resolve("@pulumi/policy/server.js"))("google-protobuf/google/protobuf/struct_pb.js") as {
            Struct: { fromJavaScript(o: object): object };
        };
        const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(s: object, keep: boolean): object };
        const s = Struct.fromJavaScript({ a: { b: [1, 2] } });
        expect(deserializeProperties(s, false)).toBe(deserializeProperties(s, false));
        expect(deserializeProperties(s, true)).not.toBe(deserializeProperties(s, true));
    });

    it("give every Analyze exactly the plain SDK's diagnostics, in order", () => {
        expect(fast.analyze.length).toBe(plain.analyze.length);
        let total = 0;
        fast.analyze.forEach((r, i) => {
            const expected = plain.analyze[i];
            expect(expected).toBeDefined();
            if (expected) expect(diagnostics(r)).toEqual(diagnostics(expected));
            total += r.getDiagnosticsList().length;
        });
        // the stack exercises the pack: violations, "can't run during preview" advisories, both levels
        const all = fast.analyze.flatMap(diagnostics);
        expect(total).toBeGreaterThan(100);
        expect(all.some((d) => d.message.includes("can't run policy"))).toBe(true);
        expect(new Set(all.map((d) => d.policyname)).size).toBeGreaterThan(15);
    });

    it("give AnalyzeStack the plain SDK's answer byte for byte", () => {
        expect(fast.analyzeStack.equals(plain.analyzeStack)).toBe(true);
        expect(pb.AnalyzeResponse.deserializeBinary(fast.analyzeStack).getDiagnosticsList().length).toBeGreaterThan(20);
    });

    it("give AnalyzeStack of every policy's examples, and of a one-cloud stack (stack policies left out), the plain SDK's answer byte for byte", () => {
        expect(parts.length).toBe(4);
        for (const part of parts) {
            if (!part.name.startsWith("every policy's examples")) expect(skippedIn(part.stack).length, part.name).toBeGreaterThan(0);
            expect(part.fast.equals(part.plain), part.name).toBe(true);
        }
        expect(parts.some((p) => pb.AnalyzeResponse.deserializeBinary(p.fast).getDiagnosticsList().length > 0)).toBe(true);
        // the examples stack makes most stack policies speak, each among every other policy's resources
        const examples = parts.find((p) => p.name === "every policy's examples");
        const speaking = new Set(pb.AnalyzeResponse.deserializeBinary(examples?.fast ?? Buffer.alloc(0)).getDiagnosticsList().map((d) => d.getPolicyname()));
        expect(speaking.size).toBeGreaterThan(30);
        // the wider scopes make the scoped policies say more (coverage of the storage accounts and SQL servers, the
        // config exemption that matches no resource)
        const wider = parts.find((p) => p.name === "every policy's examples, wider scopes");
        const count = (b: Buffer | undefined, name: string) =>
            pb.AnalyzeResponse.deserializeBinary(b ?? Buffer.alloc(0)).getDiagnosticsList().filter((d) => d.getPolicyname() === name).length;
        for (const name of ["azure-monitor-diagnostic-setting-require-coverage", "srguard-exemptions"]) {
            expect(count(wider?.fast, name), name).toBeGreaterThan(count(examples?.fast, name));
        }
    });

    it("narrow only stack policies that find nothing outside their scope (every other policy's examples)", async () => {
        // every example resource of every policy, each once, under a name of its own
        const examples = policies.flatMap((p) => {
            const ex = p.meta.examples as { pass: readonly unknown[]; fail: readonly unknown[] };
            return [...ex.pass, ...ex.fail].flatMap((e) => {
                const x = e as { type?: string; props?: Record<string, unknown>; resources?: readonly { type: string; props: Record<string, unknown> }[] };
                return x.resources ? x.resources.map((r) => ({ type: r.type, props: r.props })) : x.type ? [{ type: x.type, props: x.props ?? {} }] : [];
            });
        });
        expect(scopedStackPolicies.length).toBeGreaterThan(10);
        // a scope of its own config: wider than its types (coverage), or not by type at all (exemptions)
        for (const name of ["azure-monitor-diagnostic-setting-require-coverage", "srguard-exemptions"]) {
            expect(scopedStackPolicies.some((p) => p.name === name && stackScope(p) !== undefined), name).toBe(true);
        }
        for (const p of scopedStackPolicies) {
            const inScope = scopeTest(p);
            const others = examples.filter((r) => !inScope?.(r)).map((r, i) => ({ type: r.type as never, name: `r${i}`, props: r.props }));
            expect(others.length).toBeGreaterThan(100);
            const result = await runStackPolicy(p, others);
            expect(result.diagnostics, p.name).toEqual([]);
        }
    });

    it("only leave out the SDK's 'not applicable' entries of srguard policies that do not look at the resource's type", () => {
        const analyzed = stack.resources.filter((r) => r.analyze);
        const byName = new Map(policies.map((p) => [p.name, p]));
        let dropped = 0;
        fast.analyze.forEach((r, i) => {
            const type = analyzed[i]?.type ?? "";
            const kept = notApplicable(r);
            const before = notApplicable(plain.analyze[i] ?? new pb.AnalyzeResponse());
            // what remains is in the plain SDK's list, in its order
            expect(before.filter((n) => kept.some((k) => k.policyName === n.policyName))).toEqual(kept);
            for (const n of before) {
                if (kept.some((k) => k.policyName === n.policyName)) continue;
                const p = byName.get(n.policyName);
                const test = resourceTypeTest(p && "validateResource" in p ? p.validateResource : undefined);
                expect(test, n.policyName).toBeDefined();
                expect(test?.(type), `${n.policyName} on ${type}`).toBe(false);
                dropped++;
            }
        });
        expect(dropped).toBeGreaterThan(0);
    });
});
