// Runs one srguard policy the way `@pulumi/policy`'s analyzer server does: properties travel as a protobuf Struct
// (unknowns as the engine's sentinel, secrets in the engine's secret envelope), are decoded by the SDK's own
// `deserializeProperties` (secrets unwrapped to plaintext, as a real pack sees them) and wrapped in the SDK's own
// unknown-checking proxy; an UnknownValueError becomes the SDK's advisory "can't run during preview".
// The end-to-end tests (tests/gate) run the compiled pack in the real analyzer server instead.

import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import * as sdk from "@pulumi/policy";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { SrguardPolicy } from "../policies/core/policy";

// The SDK exports these without types (its proxy.d.ts and deserialize.d.ts are empty).
const unknownCheckingProxy = sdk.unknownCheckingProxy as unknown as <T>(o: T) => T;
export const UnknownValueError = sdk.UnknownValueError as unknown as new (...args: never[]) => Error;
// Read at call time, as the SDK's server reads it: what the pack installs over it (the secret-tag tap, decode once)
// applies to the harness as to the SDK, whichever test loaded this module first.
const deserialize = require("@pulumi/policy/deserialize") as {
    deserializeProperties(s: Struct, keepSecrets: boolean): Record<string, unknown>;
};

/** A value that is unknown during preview (e.g. another resource's id). */
export const UNKNOWN: string = unknownValue;

/** A secret as the engine sends it. */
export function secret<T>(value: T): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

/** Properties as a pack receives them: through the wire, the SDK's deserializer and its unknown-checking proxy. */
export function decodeProps(props: Record<string, unknown>): Record<string, unknown> {
    return decode(props);
}

function decode(props: Record<string, unknown>): Record<string, unknown> {
    const wire = Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Parameters<typeof Struct.fromJavaScript>[0]);
    return unknownCheckingProxy(deserialize.deserializeProperties(wire, false)) as Record<string, unknown>;
}

export interface ProviderInput {
    readonly type?: string;
    readonly name?: string;
    readonly props: Record<string, unknown>;
}

export interface ResourceInput {
    readonly type: string;
    readonly name?: string;
    readonly props: Record<string, unknown>;
    readonly provider?: ProviderInput;
}

export interface Verdict {
    /** pass: no diagnostic; fail: at least one violation; unknown: the SDK's "can't run during preview". */
    readonly verdict: "pass" | "fail" | "unknown";
    readonly messages: readonly string[];
}

function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::srguard-test::${type}::${name}`;
}

function providerOf(p: ProviderInput | undefined, cloudOfType: string) {
    if (!p) return undefined;
    const type = p.type ?? (cloudOfType.startsWith("azure") ? "pulumi:providers:azure-native" : "pulumi:providers:aws");
    const name = p.name ?? "default_test";
    return { type, name, urn: urnOf(type, name), props: decode(p.props) };
}

function resourcePolicy(policy: SrguardPolicy) {
    if (!("validateResource" in policy) || !policy.validateResource) throw new Error(`${policy.name} is not a resource policy`);
    return Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
}

/** Runs a resource policy on one resource; `config` is the policy's entry of the policy-pack config. */
export async function runResourcePolicy(
    policy: SrguardPolicy,
    input: ResourceInput,
    config: Record<string, unknown> = {},
): Promise<Verdict> {
    const messages: string[] = [];
    let unknown = false;
    for (const validate of resourcePolicy(policy)) {
        // The SDK skips a validation whose __pulumiType names another type, before it decodes anything.
        const only = (validate as { __pulumiType?: string }).__pulumiType;
        if (only && only !== input.type) continue;
        const name = input.name ?? "subject";
        const provider = providerOf(input.provider, input.type);
        const args: ResourceValidationArgs = {
            type: input.type,
            props: decode(input.props),
            urn: urnOf(input.type, name),
            name,
            opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            ...(provider ? { provider } : {}),
            stackTags: new Map(),
            isType: () => false,
            asType: () => undefined,
            getConfig: <T extends object>() => ({ ...config }) as T,
            notApplicable: (reason?: string): never => {
                throw new Error(`notApplicable: ${reason ?? ""}`);
            },
        };
        try {
            await validate(args, (message: string) => messages.push(message));
        } catch (e) {
            if (e instanceof UnknownValueError) {
                unknown = true;
                messages.push(e.message);
            } else {
                throw e;
            }
        }
    }
    const failed = messages.length > 0 && !unknown;
    return { verdict: unknown ? "unknown" : failed ? "fail" : "pass", messages };
}

export interface StackResourceInput extends ResourceInput {
    readonly name: string;
    /** property name → names of the resources its value came from (the engine's property dependencies). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly parent?: string;
}

export interface StackDiagnostic {
    /** Name of the resource the diagnostic is about (undefined: the stack as a whole). */
    readonly resource: string | undefined;
    /** violation, or the advisory "can't decide during preview" about one resource. */
    readonly kind: "violation" | "unknown";
    readonly enforcementLevel: "mandatory" | "advisory";
    readonly message: string;
}

export interface StackVerdict {
    readonly verdict: "pass" | "fail" | "unknown";
    readonly diagnostics: readonly StackDiagnostic[];
    /** Names of resources with a violation at the policy's own level (not the advisory "can't know"). */
    readonly violating: readonly string[];
}

/** Runs a stack policy over a set of resources, joined as the SDK joins them (by URN). */
export async function runStackPolicy(
    policy: SrguardPolicy,
    inputs: readonly StackResourceInput[],
    config: Record<string, unknown> = {},
): Promise<StackVerdict> {
    if (!("validateStack" in policy)) throw new Error(`${policy.name} is not a stack policy`);
    const byName = new Map<string, PolicyResource>();
    const resources = inputs.map((input) => {
        const provider = providerOf(input.provider, input.type);
        const r: PolicyResource = {
            type: input.type,
            props: decode(input.props),
            urn: urnOf(input.type, input.name),
            name: input.name,
            opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            ...(provider ? { provider } : {}),
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        };
        if (byName.has(input.name)) throw new Error(`duplicate test resource name ${input.name}`);
        byName.set(input.name, r);
        return r;
    });
    const nameOfUrn = new Map(resources.map((r) => [r.urn, r.name]));
    inputs.forEach((input, i) => {
        const r = resources[i];
        if (!r) return;
        for (const [prop, names] of Object.entries(input.propertyDependencies ?? {})) {
            r.propertyDependencies[prop] = names.map((n) => {
                const d = byName.get(n);
                if (!d) throw new Error(`unknown dependency ${n}`);
                return d;
            });
        }
        r.dependencies = [...new Set(Object.values(r.propertyDependencies).flat())];
        if (input.parent) r.parent = byName.get(input.parent);
    });
    const diagnostics: StackDiagnostic[] = [];
    let unknown = false;
    const args: StackValidationArgs = {
        resources,
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable: (reason?: string): never => {
            throw new Error(`notApplicable: ${reason ?? ""}`);
        },
    };
    const level: "mandatory" | "advisory" = policy.enforcementLevel === "advisory" ? "advisory" : "mandatory";
    const report = (message: unknown, urn?: string) => {
        if (typeof message === "object" && message !== null) {
            const d = message as { message: string; urn?: string; enforcementLevel?: "mandatory" | "advisory" };
            const kind = d.message.includes("can't decide during preview") ? "unknown" : "violation";
            diagnostics.push({ resource: d.urn ? nameOfUrn.get(d.urn) : undefined, kind, enforcementLevel: d.enforcementLevel ?? level, message: d.message });
        } else {
            diagnostics.push({ resource: urn ? nameOfUrn.get(urn) : undefined, kind: "violation", enforcementLevel: level, message: String(message) });
        }
    };
    try {
        await policy.validateStack(args, report as Parameters<typeof policy.validateStack>[1]);
    } catch (e) {
        if (!(e instanceof UnknownValueError)) throw e;
        unknown = true;
        diagnostics.push({ resource: undefined, kind: "unknown", enforcementLevel: "advisory", message: e.message });
    }
    const violations = diagnostics.filter((d) => d.kind === "violation");
    const violating = [...new Set(violations.filter((d) => d.resource).map((d) => d.resource as string))].sort();
    const verdict = violations.length ? "fail" : unknown || diagnostics.length ? "unknown" : "pass";
    return { verdict, diagnostics, violating };
}
