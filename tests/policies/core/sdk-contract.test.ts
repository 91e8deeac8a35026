// What the pack's SDK fast paths (policies/core/sdk-contract.ts) rely on, checked in-process without installing
// them (this project shares one module graph): no policy writes to what the SDK hands it (so one decoded object can
// serve every policy), the type test agrees with the checks, the config cache. tests/gate/sdk-fast-paths.test.ts
// runs the installed fast paths against the plain SDK over gRPC.

import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import * as sdk from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import type { GateResource } from "../../../gate/model";
import { parseProviderRef } from "../../../gate/model";
import { defineResourcePolicy, resourceTypeTest } from "../../../policies/core/policy";
import { requestedFastPaths } from "../../../policies/core/sdk-contract";
import { pass } from "../../../policies/core/verdict";
import { policies } from "../../../policies/registry";
import { mixedStack } from "../../mixed-stack";

const unknownCheckingProxy = sdk.unknownCheckingProxy as unknown as <T>(o: T) => T;
const UnknownValueError = sdk.UnknownValueError as unknown as new (...args: never[]) => Error;
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties(s: Struct, keepSecrets: boolean): Record<string, unknown>;
};

class WriteError extends Error {}

/** `o` behind a proxy that throws on any write, at any depth (set, delete, defineProperty, setPrototypeOf). */
function readOnly(o: unknown, path = "props"): unknown {
    if (typeof o !== "object" || o === null) return o;
    const refuse = (what: string) => (_t: object, key: string | symbol): never => {
        throw new WriteError(`${what} ${path}.${String(key)}`);
    };
    return new Proxy(o, {
        get: (t, key) => readOnly((t as Record<string | symbol, unknown>)[key], `${path}.${String(key)}`),
        set: refuse("wrote"),
        deleteProperty: refuse("deleted"),
        defineProperty: refuse("defined"),
        setPrototypeOf: () => {
            throw new WriteError(`changed the prototype of ${path}`);
        },
    });
}

/** The properties as the SDK hands them to a policy (decoded, proxied), with every write refused underneath. */
function handed(props: GateResource["inputs"]): Record<string, unknown> {
    const decoded = deserializeProperties(Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]), false);
    return unknownCheckingProxy(readOnly(decoded) as Record<string, unknown>);
}

const stack = mixedStack(600);
const providers = new Map(stack.resources.map((r) => [r.urn, r]));
function providerOf(r: GateResource) {
    const ref = r.provider ? parseProviderRef(r.provider) : undefined;
    const p = ref ? providers.get(ref.urn) : undefined;
    return p ? { type: p.type, name: p.name, urn: p.urn, props: handed(p.inputs) } : undefined;
}
const OPTS = { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] };

/** Runs `f`; an unknown value read is the SDK's business, a write is the test's failure. */
async function settle(f: () => unknown): Promise<void> {
    try {
        await f();
    } catch (e) {
        if (!(e instanceof UnknownValueError)) throw e;
    }
}

describe("sdk fast paths: what they rely on", () => {
    it("no resource policy writes to the properties (or the provider's) it is handed", async () => {
        let calls = 0;
        for (const p of policies) {
            if (!("validateResource" in p) || typeof p.validateResource !== "function") continue;
            const validate = p.validateResource;
            for (const r of stack.resources.filter((x) => x.analyze)) {
                const provider = providerOf(r);
                const args: ResourceValidationArgs = {
                    type: r.type,
                    props: handed(r.inputs),
                    urn: r.urn,
                    name: r.name,
                    opts: OPTS,
                    ...(provider ? { provider } : {}),
                    stackTags: new Map(),
                    isType: () => false,
                    asType: () => undefined,
                    getConfig: <T extends object>() => ({}) as T,
                    notApplicable: (): never => {
                        throw new Error("notApplicable");
                    },
                };
                await settle(() => validate(args, () => undefined));
                calls++;
            }
        }
        expect(calls).toBeGreaterThan(10_000);
    });

    it("no stack policy writes to the resources it is handed", async () => {
        const resources: PolicyResource[] = stack.resources.map((r) => {
            const provider = providerOf(r);
            return {
                type: r.type,
                props: handed(r.outputs),
                urn: r.urn,
                name: r.name,
                opts: OPTS,
                ...(provider ? { provider } : {}),
                dependencies: [],
                propertyDependencies: {},
                isType: () => false,
                asType: () => undefined,
            };
        });
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        stack.resources.forEach((r, i) => {
            const res = resources[i];
            if (!res) return;
            for (const [k, urns] of Object.entries(r.propertyDependencies)) {
                res.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
            }
            res.dependencies = r.dependencies.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
        });
        let stackPolicies = 0;
        for (const p of policies) {
            if (!("validateStack" in p)) continue;
            const args: StackValidationArgs = {
                resources,
                stackTags: new Map(),
                getConfig: <T extends object>() => ({}) as T,
                notApplicable: (): never => {
                    throw new Error("notApplicable");
                },
            };
            await settle(() => p.validateStack(args, () => undefined));
            stackPolicies++;
        }
        expect(stackPolicies).toBeGreaterThan(0);
    });

    it("a write is caught by the check above", async () => {
        const props = handed({ tags: { a: "1" }, list: ["x"] });
        expect(() => {
            (props["tags"] as Record<string, unknown>)["b"] = "2";
        }).toThrow(WriteError);
        expect(() => (props["list"] as string[]).push("y")).toThrow(WriteError);
        expect(() => (props["list"] as string[]).sort()).not.toThrow(); // one element: sort writes nothing
    });
});

describe("resourceTypeTest", () => {
    const bucketPolicy = policies.find((p) => p.meta.resourceTypes !== "all" && p.meta.resourceTypes.includes("aws:s3/bucket:Bucket") && "validateResource" in p);

    it("answers for every srguard resource policy, and agrees with the check's own type filter across aliases", () => {
        expect(bucketPolicy).toBeDefined();
        const test = resourceTypeTest(bucketPolicy && "validateResource" in bucketPolicy ? bucketPolicy.validateResource : undefined);
        expect(test?.("aws:s3/bucket:Bucket")).toBe(true);
        expect(test?.("aws:s3/bucketV2:BucketV2")).toBe(true);
        expect(test?.("azure-native:storage:StorageAccount")).toBe(false);
        for (const p of policies) {
            if ("validateResource" in p) expect(resourceTypeTest(p.validateResource), p.name).toBeTypeOf("function");
        }
    });

    it("says nothing about functions that are not srguard's", () => {
        expect(resourceTypeTest(() => undefined)).toBeUndefined();
        expect(resourceTypeTest(undefined)).toBeUndefined();
    });
});

describe("requestedFastPaths", () => {
    it.each([
        [undefined, ["decode", "lazy", "route", "stack"]],
        ["", ["decode", "lazy", "route", "stack"]],
        ["on", ["decode", "lazy", "route", "stack"]],
        ["ALL", ["decode", "lazy", "route", "stack"]],
        ["off", []],
        ["none", []],
        ["decode", ["decode"]],
        ["route", ["route"]],
        ["stack", ["stack"]],
        ["route,decode,stack", ["decode", "route", "stack"]],
        [" route , decode ", ["decode", "route"]],
        ["bogus", []],
    ])("reads SRGUARD_SDK_FAST_PATHS=%j as %j", (value, expected) => {
        expect([...requestedFastPaths(value)].sort()).toEqual(expected);
    });
});

describe("config resolution cache", () => {
    const seen: object[] = [];
    const policy = defineResourcePolicy({
        name: "aws-test-resource-configure-cache",
        title: "t",
        cloud: "aws",
        control: "log-retention",
        severity: "low",
        description: "d",
        remediation: "r",
        frameworks: [],
        enforcementLevel: "advisory",
        resourceTypes: ["aws:sqs/queue:Queue"],
        config: {
            days: { type: "integer", default: 1, description: "d" },
            regions: { type: "array", items: { type: "string" }, default: [], description: "r" },
        },
        examples: {
            pass: [{ title: "any queue", type: "aws:sqs/queue:Queue", props: {} }],
            fail: [{ title: "none fails", type: "aws:sqs/queue:Queue", props: {} }],
        },
        check: (_r, config) => {
            seen.push(config);
            return pass;
        },
    });
    const run = (config: Record<string, unknown>) => {
        if (!("validateResource" in policy) || typeof policy.validateResource !== "function") throw new Error("not a resource policy");
        return policy.validateResource(
            {
                type: "aws:sqs/queue:Queue",
                props: {},
                urn: "urn:pulumi:s::p::aws:sqs/queue:Queue::t",
                name: "t",
                opts: OPTS,
                stackTags: new Map(),
                isType: () => false,
                asType: () => undefined,
                getConfig: <T extends object>() => ({ ...config }) as T,
                notApplicable: (): never => {
                    throw new Error("notApplicable");
                },
            },
            () => undefined,
        );
    };

    it("reuses the resolved config while the SDK hands the same entries, and resolves again when one changes", () => {
        seen.length = 0;
        const regions = ["ap-northeast-1"];
        void run({ days: 3, regions });
        void run({ days: 3, regions });
        void run({ regions, days: 3 });
        void run({ days: 4, regions });
        void run({ days: 4, regions: ["ap-northeast-1"] });
        expect(seen[0]).toBe(seen[1]);
        expect(seen[1]).toBe(seen[2]);
        expect(seen[3]).not.toBe(seen[2]);
        expect(seen[3]).toEqual({ days: 4, regions: ["ap-northeast-1"] });
        expect(seen[4]).not.toBe(seen[3]);
        expect(seen[4]).toEqual(seen[3]);
    });

    it("treats no config and an empty one alike, and never caches a refused config", () => {
        seen.length = 0;
        void run({});
        void run({});
        expect(seen[0]).toBe(seen[1]);
        expect(seen[0]).toEqual({ days: 1, regions: [] });
        expect(() => run({ days: "3" })).toThrow(/days/);
        expect(() => run({ days: "3" })).toThrow(/days/);
        void run({});
        expect(seen[2]).toBe(seen[0]);
    });
});
