// Defining a policy: its metadata (written once, as data), its typed configuration and its check. The result is a
// plain `@pulumi/policy` policy object, with the metadata mapped onto the SDK's own fields (displayName, severity,
// remediationSteps, framework, tags) so that the Pulumi CLI and Pulumi Cloud show them, plus `meta` for srguard.

import type {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { type ConfigOf, type ConfigSpec, resolveConfig, toJsonSchema } from "./config";
import type { ProviderRef } from "./region";
import { canonicalType, isAwsType, isAzureType } from "./tokens";
import type { Props } from "./values";

export const CONTROLS = ["encryption-at-rest", "public-access", "mfa", "log-retention", "data-region", "msp-delegation"] as const;
export type Control = (typeof CONTROLS)[number];

export const CLOUDS = ["aws", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

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
    readonly cloud: Cloud;
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
}

export interface ResourceCheckContext {
    /** The type token as the engine sent it. */
    readonly type: string;
    /** The canonical token (aliases and versioned Azure tokens folded). */
    readonly canonicalType: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Props;
    readonly provider: ProviderRef | undefined;
}

/** Report a violation: say which property, what it is, what it must be; never a value that could be secret. */
export type Report = (message: string) => void;

export interface StackReport {
    violation(urn: string, message: string): void;
    /** Advisory: this resource's verdict depends on a value that is unknown during preview. */
    cannotKnow(urn: string, what: string): void;
}

export interface StackCheckContext {
    readonly resources: readonly PolicyResource[];
    /** Resources whose canonical type is one of `types`. */
    ofType(...types: readonly string[]): readonly PolicyResource[];
}

export type SrguardPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { readonly meta: PolicyMeta };

function sdkFields(meta: PolicyMeta) {
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
function configResolver<S extends ConfigSpec>(name: string, spec: S): (raw: unknown) => ConfigOf<S> {
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

function matcher(types: readonly string[] | "all", cloud: Cloud): (canonical: string) => boolean {
    if (types === "all") return cloud === "aws" ? isAwsType : isAzureType;
    const set = new Set(types);
    return (canonical) => set.has(canonical);
}

/**
 * The one type a policy can let the SDK filter on before it deserialises anything (`__pulumiType`): only when the
 * policy looks at exactly one AWS type that has no alias spelling.
 */
function sdkTypeFilter(types: readonly string[] | "all"): string | undefined {
    if (types === "all" || types.length !== 1) return undefined;
    const [t] = types;
    if (!t || !t.startsWith("aws:") || t.startsWith("aws:s3/") || t.startsWith("aws:lb/") || t.startsWith("aws:elb/")) return undefined;
    return t;
}

export interface ResourcePolicyDefinition<S extends ConfigSpec> extends PolicyMeta<S> {
    readonly resourceTypes: readonly string[] | "all";
    readonly check: (resource: ResourceCheckContext, config: ConfigOf<S>, report: Report) => void;
}

export function defineResourcePolicy<S extends ConfigSpec>(def: ResourcePolicyDefinition<S>): SrguardPolicy {
    const { check, ...meta } = def;
    const applies = matcher(def.resourceTypes, def.cloud);
    const config = configResolver(def.name, def.config);
    const validateResource = (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
        const canonical = canonicalType(args.type);
        if (!applies(canonical)) return;
        check(
            {
                type: args.type,
                canonicalType: canonical,
                name: args.name,
                urn: args.urn,
                props: args.props,
                provider: args.provider,
            },
            config(args.getConfig()),
            (message) => reportViolation(message),
        );
    };
    const filter = sdkTypeFilter(def.resourceTypes);
    if (filter) Object.assign(validateResource, { __pulumiType: filter });
    typeTests.set(validateResource, (type) => applies(canonicalType(type)));
    return Object.freeze({ ...sdkFields(meta), validateResource, meta: Object.freeze(meta) });
}

/**
 * The type test of every srguard resource policy, by its `validateResource` function: for an engine type token,
 * whether the check looks at the resource at all (aliases folded) — when not, `validateResource` returns at once.
 */
const typeTests = new WeakMap<object, (type: string) => boolean>();

/**
 * Whether an srguard policy's `validateResource` looks at resources of engine type `type` at all; undefined when
 * `validateResource` is not srguard's (a team's own policy). Used to skip policies before the SDK decodes anything
 * (core/sdk-fast-paths.ts).
 */
export function resourceTypeTest(validateResource: unknown): ((type: string) => boolean) | undefined {
    return typeof validateResource === "function" ? typeTests.get(validateResource) : undefined;
}

export interface StackPolicyDefinition<S extends ConfigSpec> extends PolicyMeta<S> {
    readonly check: (stack: StackCheckContext, config: ConfigOf<S>, report: StackReport) => void;
}

export function defineStackPolicy<S extends ConfigSpec>(def: StackPolicyDefinition<S>): SrguardPolicy {
    const { check, ...meta } = def;
    const config = configResolver(def.name, def.config);
    const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation): void => {
        const byType = new Map<string, PolicyResource[]>();
        for (const r of args.resources) {
            const c = canonicalType(r.type);
            let list = byType.get(c);
            if (!list) byType.set(c, (list = []));
            list.push(r);
        }
        const stack: StackCheckContext = {
            resources: args.resources,
            ofType: (...types) => types.flatMap((t) => byType.get(t) ?? []),
        };
        // The SDK's ReportViolation also takes an object (its implementation reads name, message, urn,
        // enforcementLevel, severity): that is how one resource's unknown stays advisory without silencing the
        // verdicts on every other resource.
        const reportObject = reportViolation as unknown as (d: { message: string; urn: string; enforcementLevel: string }) => void;
        check(stack, config(args.getConfig()), {
            violation: (urn, message) => reportViolation(message, urn),
            cannotKnow: (urn, what) =>
                reportObject({
                    message: `${def.description}\ncan't decide during preview: ${what} is unknown until the update runs.`,
                    urn,
                    enforcementLevel: "advisory",
                }),
        });
    };
    return Object.freeze({ ...sdkFields(meta), validateStack, meta: Object.freeze(meta) });
}
