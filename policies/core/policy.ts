// Defining a policy: its metadata (written once, as data: core/meta.ts), its typed configuration and its check. A
// check reads typed properties (core/read.ts) and returns a verdict (core/verdict.ts); this file alone speaks the
// SDK's protocol:
// - every violation goes through the exemptions (core/exemptions.ts `exemptingReporter`): an exempted one is reported
//   at the advisory level, saying so; an expired exemption is named in a violation that keeps its level;
// - resource policies: `fail` → one `reportViolation` per message; `unknown` → the needed value is re-read through the
//   SDK's unknown-checking proxy, so the SDK reports "can't run during preview" (advisory) naming the property path;
// - stack policies: per resource, `fail` → a violation on that resource; `unknown` → one advisory on that resource
//   (the SDK's object form of reportViolation: core/sdk-contract.ts), leaving every other resource's verdict standing.
// The result is a plain `@pulumi/policy` policy object plus `meta` for srguard.

import type { PolicyResource, ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { ConfigOf, ConfigSpec } from "./config";
import { configResolver, type Examples, matcher, type PolicyMeta, type ResourceExample, sdkFields, sdkTypeFilter, type SrguardPolicy, type StackExample } from "./meta";
import { type Shape, Value } from "./read";
import type { ProviderRef } from "./region";
import type { ResourceArgs, ResourceToken } from "./resource-types.generated";
import { exemptingReporter } from "./exemptions";
import { sdkHasObjectReport, throwUnknown } from "./sdk-contract";
import { canonicalType } from "./tokens";
import { registerTypeTest } from "./type-tests";
import type { Need, Verdict } from "./verdict";

export * from "./meta";
export type { ResourceToken } from "./resource-types.generated";
export { resourceTypeTest } from "./type-tests";

/** The properties of a resource of type `T`, typed by the provider's input type (any key for "all"). */
export type PropsOf<T extends string> = Value<T extends ResourceToken ? Shape<ResourceArgs[T]> : Readonly<Record<string, unknown>>>;

export interface ResourceOfType<T extends string> {
    /** The type token as the engine sent it. */
    readonly type: string;
    /** The canonical token (aliases and versioned Azure tokens folded): narrows `props`. */
    readonly canonicalType: T;
    readonly name: string;
    readonly urn: string;
    readonly props: PropsOf<T>;
    readonly provider: ProviderRef | undefined;
}

/** A resource of one of the types `Ts` (a discriminated union on `canonicalType`). */
export type ResourceOf<Ts extends string> = Ts extends unknown ? ResourceOfType<Ts> : never;

type Types = readonly ResourceToken[] | "all";
type TypeOf<Ts extends Types> = Ts extends readonly ResourceToken[] ? Ts[number] : string;

export interface ResourcePolicyDefinition<S extends ConfigSpec, Ts extends Types> extends PolicyMeta<S> {
    readonly resourceTypes: Ts;
    readonly examples: Examples<ResourceExample<TypeOf<Ts>>>;
    readonly check: (resource: ResourceOf<TypeOf<Ts>>, config: ConfigOf<S>) => Verdict;
}

/** Lets the SDK report an unknown verdict's first need as "can't run during preview"; never returns. */
function raiseUnknown(needs: readonly Need[]): never {
    for (const n of needs) if (typeof n !== "string") n.readThroughProxy();
    const [first] = needs;
    throwUnknown(typeof first === "string" ? first : first ? first.path : "a value the check needed");
}

export function defineResourcePolicy<S extends ConfigSpec, const Ts extends Types>(def: ResourcePolicyDefinition<S, Ts>): SrguardPolicy {
    const { check, ...meta } = def;
    const applies = matcher(def.resourceTypes, def.cloud);
    const config = configResolver(def.name, def.config);
    const validateResource = (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
        const canonical = canonicalType(args.type);
        if (!applies(canonical)) return;
        const resource = {
            type: args.type,
            canonicalType: canonical,
            name: args.name,
            urn: args.urn,
            props: Value.root(args.props),
            provider: args.provider,
        } as ResourceOf<TypeOf<Ts>>;
        const verdict = check(resource, config(args.getConfig()));
        if (verdict.kind === "fail") {
            // Every violation goes through the exemptions (core/exemptions.ts): exempted ones are reported as advisory.
            const report = exemptingReporter(def, reportViolation, "resource");
            for (const m of verdict.messages) report(m, { urn: args.urn, name: args.name, props: args.props });
        }
        else if (verdict.kind === "unknown") raiseUnknown(verdict.needs);
    };
    const filter = sdkTypeFilter(def.resourceTypes);
    if (filter) Object.assign(validateResource, { __pulumiType: filter });
    registerTypeTest(validateResource, (type) => applies(canonicalType(type)));
    return Object.freeze({ ...sdkFields(meta), validateResource, meta: Object.freeze(meta) });
}

// ---------------------------------------------------------------------------------------------------------------
// Stack policies

/** A resource of a stack, with its properties typed by its provider's input type. */
export interface StackResource<T extends string = string> extends ResourceOfType<T> {
    /** The SDK's resource (property dependencies, parent, provider). */
    readonly resource: PolicyResource;
}

export interface StackView {
    readonly resources: readonly PolicyResource[];
    /** Resources whose canonical type is one of `types`, typed by their provider's input type. */
    ofType<const T extends ResourceToken>(...types: readonly T[]): readonly StackResource<T>[];
    /** The typed view of any resource of the stack (e.g. one found by a join). */
    view(resource: PolicyResource): StackResource;
}

/** A stack policy's verdict on one resource. */
export interface Finding {
    readonly urn: string;
    readonly verdict: Verdict;
}

/**
 * Which resources a stack policy can speak about under a config, when that is narrower than its `resourceTypes`
 * says: `types`, every canonical type it reads under that config; `where`, the resources (of any type) whose
 * properties can give it something to say. The SDK fast path hands it only those and what they refer to
 * (core/sdk-contract.ts); tests/gate/sdk-fast-paths.test.ts requires the same answer without the others.
 */
export type StackScope = { readonly types: readonly string[] } | { readonly where: (props: unknown) => boolean };

export interface StackPolicyDefinition<S extends ConfigSpec> extends PolicyMeta<S> {
    readonly resourceTypes: readonly ResourceToken[] | "all";
    readonly examples: Examples<StackExample>;
    /** Its scope under a config (default: its `resourceTypes`); undefined: the whole stack under that config. */
    readonly scope?: (config: ConfigOf<S>) => StackScope | undefined;
    readonly check: (stack: StackView, config: ConfigOf<S>) => Iterable<Finding>;
}

function describeNeeds(needs: readonly Need[]): string {
    const named = [...new Set(needs.map((n) => (typeof n === "string" ? n : `\`${n.path}\``)))];
    return named.length ? named.join(", ") : "a value";
}

export function defineStackPolicy<S extends ConfigSpec>(def: StackPolicyDefinition<S>): SrguardPolicy {
    const { check, scope, ...meta } = def;
    const config = configResolver(def.name, def.config);
    // `stackScope(getConfig())`: what the SDK fast path reads (a config it cannot resolve: the whole stack, so that the
    // policy itself reports the problem as it does without the fast path).
    const stackScope = scope
        ? (raw: unknown): StackScope | undefined => {
              try {
                  return scope(config(raw));
              } catch {
                  return undefined;
              }
          }
        : undefined;
    // A policy finds resources only of its declared types: the SDK fast path hands it only those (and what they refer
    // to), so asking for another type would silently find nothing there — refused here, in every test of the policy.
    const own: ReadonlySet<string> | undefined = def.resourceTypes === "all" ? undefined : new Set(def.resourceTypes);
    const declared = (t: string): void => {
        if (own && !own.has(t)) throw new Error(`${def.name}: stack.ofType("${t}") is not among its resourceTypes`);
    };
    const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation): void => {
        const byType = new Map<string, PolicyResource[]>();
        const views = new Map<PolicyResource, StackResource>();
        for (const r of args.resources) {
            const c = canonicalType(r.type);
            let list = byType.get(c);
            if (!list) byType.set(c, (list = []));
            list.push(r);
        }
        const view = (r: PolicyResource): StackResource => {
            let v = views.get(r);
            if (!v) {
                v = { type: r.type, canonicalType: canonicalType(r.type), name: r.name, urn: r.urn, props: Value.root(r.props), provider: r.provider, resource: r };
                views.set(r, v);
            }
            return v;
        };
        const stack: StackView = {
            resources: args.resources,
            ofType: <T extends ResourceToken>(...types: readonly T[]) => types.flatMap((t) => (declared(t), byType.get(t) ?? []).map((r) => view(r) as StackResource<T>)),
            view,
        };
        const objectReport = sdkHasObjectReport();
        // The SDK's ReportViolation also takes an object (core/sdk-contract.ts): that is how one resource's unknown
        // stays advisory without silencing the verdicts on every other resource.
        const reportObject = reportViolation as unknown as (d: { message: string; urn: string; enforcementLevel: string }) => void;
        let undecided: Need[] | undefined;
        // Every violation goes through the exemptions (core/exemptions.ts): exempted ones are reported as advisory.
        const report = exemptingReporter(def, reportViolation, "stack");
        let byUrn: Map<string, PolicyResource> | undefined;
        const subject = (urn: string) => {
            byUrn ??= new Map(args.resources.map((r) => [r.urn, r]));
            const r = byUrn.get(urn);
            return { urn, name: r?.name ?? "", props: r?.props };
        };
        for (const { urn, verdict } of check(stack, config(args.getConfig()))) {
            if (verdict.kind === "fail") for (const m of verdict.messages) report(m, subject(urn));
            else if (verdict.kind === "unknown") {
                if (objectReport) {
                    reportObject({
                        message: `${def.description}\ncan't decide during preview: ${describeNeeds(verdict.needs)} is unknown until the update runs.`,
                        urn,
                        enforcementLevel: "advisory",
                    });
                } else (undecided ??= []).push(...verdict.needs);
            }
        }
        // Without the object form: the known violations stand, and the SDK's own advisory speaks for the rest.
        if (undecided) raiseUnknown(undecided);
    };
    return Object.freeze({ ...sdkFields(meta), validateStack, meta: Object.freeze(stackScope ? { ...meta, stackScope } : meta) });
}
