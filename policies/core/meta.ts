// What every policy declares about itself, written once as data: name, title, control, severity, description,
// remediation, framework references, default enforcement level, config schema and the resource types it looks at.
// `sdkFields` maps it onto the SDK's own fields (displayName, severity, remediationSteps, framework, tags) so that the
// Pulumi CLI and Pulumi Cloud show it; `configResolver` and `matcher` are the per-policy pieces both kinds of policy use.

import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { type ConfigOf, type ConfigSpec, resolveConfig, toJsonSchema } from "./config";
import type { ResourceToken } from "./resource-types.generated";
import { isAwsResourceType, isAzureType } from "./tokens";

/** The customer-side controls of the benchmark catalogue. */
export const CONTROLS = ["encryption-at-rest", "public-access", "mfa", "log-retention", "data-region", "msp-delegation"] as const;
/** The pack's own concerns, which are no benchmark control: `exemptions` (policies/srguard/srguard-exemptions.ts). */
export const PACK_CONTROLS = ["exemptions"] as const;
export type Control = (typeof CONTROLS)[number] | (typeof PACK_CONTROLS)[number];

export const CLOUDS = ["aws", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];
/**
 * A policy's cloud: `aws`, `azure`, or `any` for a policy of the pack itself that looks at the resources of every
 * cloud (srguard-exemptions). Such a policy lives in policies/srguard/ and is named `srguard-<concern>`.
 */
export type PolicyCloud = Cloud | "any";

/** The folder of a policy's file (`policies/<folder>/<name>.ts`, tests alike) and its name's first word. */
export function policyFolder(cloud: PolicyCloud): string {
    return cloud === "any" ? "srguard" : cloud;
}

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type DefaultEnforcement = "mandatory" | "advisory";

/** The frameworks srguard maps to, by short key (used for selection and tags) and full name. */
export const FRAMEWORKS = {
    "cis-aws": "CIS Amazon Web Services Foundations Benchmark",
    "aws-fsbp": "AWS Foundational Security Best Practices",
    "cis-azure": "CIS Microsoft Azure Foundations Benchmark",
    mcsb: "Microsoft cloud security benchmark",
    iso27001: "ISO/IEC 27001:2022 Annex A",
} as const;
export type FrameworkKey = keyof typeof FRAMEWORKS;

export interface FrameworkRef {
    readonly framework: FrameworkKey;
    /** Version of the framework the id was verified against, e.g. "3.0.0" for CIS AWS. */
    readonly version: string;
    /** Control id as the framework writes it, e.g. "2.1.1", "S3.8", "A.8.24". */
    readonly id: string;
}

export interface PolicyMeta<S extends ConfigSpec = ConfigSpec> {
    /** `<cloud>-<service>-<resource>-<verb>...`, kebab case. Never changes once published. */
    readonly name: string;
    readonly title: string;
    readonly cloud: PolicyCloud;
    readonly control: Control;
    readonly severity: Severity;
    /** What the policy requires and why, one or two sentences. */
    readonly description: string;
    /** How to fix a violation. */
    readonly remediation: string;
    readonly frameworks: readonly FrameworkRef[];
    readonly enforcementLevel: DefaultEnforcement;
    readonly config: S;
    /** Canonical type tokens the policy looks at (for docs; stack policies list what they join). */
    readonly resourceTypes: readonly string[] | "all";
    /** Inputs the policy passes and fails, executed by tests/registry.test.ts and rendered into docs/policies.md. */
    readonly examples?: Examples<ResourceExample<string> | StackExample>;
    /**
     * Keys of docs/catalogue.json (the benchmark catalogue) whose requirement this policy enforces in full — not a
     * partial check. Rendered into docs/compliance.md; tests/compliance.test.ts rejects a key the catalogue lacks.
     */
    readonly catalogue?: readonly string[];
}

/** An input a policy's examples run: a resource with its properties, as a program would declare them. */
export interface ResourceExample<T extends string> {
    readonly title: string;
    readonly type: T;
    readonly props: Readonly<Record<string, unknown>>;
    /** The policy's entry of the policy-pack config, when the example needs one. */
    readonly config?: Readonly<Record<string, unknown>>;
}

export interface Examples<E> {
    /** Inputs the policy passes (at least one). */
    readonly pass: readonly [E, ...E[]];
    /** Inputs the policy fails (at least one). */
    readonly fail: readonly [E, ...E[]];
}

export interface StackExampleResource {
    readonly type: ResourceToken;
    readonly name: string;
    readonly props: Readonly<Record<string, unknown>>;
    /** property → names of the resources its value came from (the engine's property dependencies). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface StackExample {
    readonly title: string;
    readonly resources: readonly StackExampleResource[];
    readonly config?: Readonly<Record<string, unknown>>;
}

export type SrguardPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { readonly meta: PolicyMeta };

export function sdkFields(meta: PolicyMeta) {
    const [primary] = meta.frameworks;
    return {
        name: meta.name,
        displayName: meta.title,
        description: meta.description,
        enforcementLevel: meta.enforcementLevel,
        severity: meta.severity,
        remediationSteps: meta.remediation,
        ...(primary
            ? {
                  framework: {
                      name: FRAMEWORKS[primary.framework],
                      version: primary.version,
                      reference: primary.id,
                      specification: meta.title,
                  },
              }
            : {}),
        tags: [
            `cloud:${meta.cloud}`,
            `control:${meta.control}`,
            ...meta.frameworks.map((f) => `${f.framework}:${f.id}`),
        ],
        ...(Object.keys(meta.config).length ? { configSchema: toJsonSchema(meta.config) } : {}),
    };
}

/** Whether `raw` has exactly the entries of `seen`, value for value (the same objects, not equal copies). */
function sameEntries(raw: unknown, seen: Readonly<Record<string, unknown>>): boolean {
    if (raw === undefined || raw === null) return Object.keys(seen).length === 0;
    if (typeof raw !== "object" || Array.isArray(raw)) return false;
    const keys = Object.keys(raw);
    if (keys.length !== Object.keys(seen).length) return false;
    for (const k of keys) {
        if (!Object.prototype.hasOwnProperty.call(seen, k) || !Object.is((raw as Record<string, unknown>)[k], seen[k])) return false;
    }
    return true;
}

/**
 * Resolves a policy's config once per distinct raw config. The SDK's `getConfig()` hands a fresh shallow copy of the
 * policy's entry on every call, holding the same values (arrays included) until the next `Configure`: comparing the
 * entries by identity finds the cached result without serialising anything (a new `Configure` only costs one
 * re-resolution).
 */
export function configResolver<S extends ConfigSpec>(name: string, spec: S): (raw: unknown) => ConfigOf<S> {
    let seen: Readonly<Record<string, unknown>> | undefined;
    let last: ConfigOf<S> | undefined;
    return (raw) => {
        if (last !== undefined && seen !== undefined && sameEntries(raw, seen)) return last;
        const resolved = resolveConfig(name, spec, raw);
        seen = raw && typeof raw === "object" ? { ...(raw as Record<string, unknown>) } : {};
        last = resolved;
        return resolved;
    };
}

export function matcher(types: readonly string[] | "all", cloud: PolicyCloud): (canonical: string) => boolean {
    // "all" means every custom resource of the cloud: components (the `on*` helpers' event subscriptions, any
    // ComponentResource) hold no data and create nothing themselves — their children are checked one by one.
    if (types === "all") return cloud === "aws" ? isAwsResourceType : cloud === "azure" ? isAzureType : () => true;
    const set = new Set(types);
    return (canonical) => set.has(canonical);
}

/**
 * The one type a policy can let the SDK filter on before it deserialises anything (`__pulumiType`): only when the
 * policy looks at exactly one AWS type that has no alias spelling.
 */
export function sdkTypeFilter(types: readonly string[] | "all"): string | undefined {
    if (types === "all" || types.length !== 1) return undefined;
    const [t] = types;
    if (!t || !t.startsWith("aws:") || t.startsWith("aws:s3/") || t.startsWith("aws:lb/") || t.startsWith("aws:elb/")) return undefined;
    return t;
}

