// TEMPORARY: the callback-style policy definition that policies used before core/verdict.ts. Policies move to
// core/policy.ts one by one; this file goes when the last one has moved.

import type { PolicyResource, ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { ConfigOf, ConfigSpec } from "./config";
import { configResolver, matcher, type PolicyMeta, sdkFields, sdkTypeFilter, type SrguardPolicy } from "./meta";
import type { ProviderRef } from "./region";
import { exemptingReporter } from "./exemptions";
import { canonicalType } from "./tokens";
import { registerTypeTest } from "./type-tests";
import type { Props } from "./values";

export * from "./meta";
export { resourceTypeTest } from "./type-tests";

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
            // Exemptions apply here too until this file goes (core/exemptions.ts, the same path as core/policy.ts).
            (message) => exemptingReporter(def, reportViolation, "resource")(message, { urn: args.urn, name: args.name, props: args.props }),
        );
    };
    const filter = sdkTypeFilter(def.resourceTypes);
    if (filter) Object.assign(validateResource, { __pulumiType: filter });
    registerTypeTest(validateResource, (type) => applies(canonicalType(type)));
    return Object.freeze({ ...sdkFields(meta), validateResource, meta: Object.freeze(meta) });
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
        // Exemptions apply here too until this file goes (core/exemptions.ts, the same path as core/policy.ts).
        const report = exemptingReporter(def, reportViolation, "stack");
        let byUrn: Map<string, PolicyResource> | undefined;
        check(stack, config(args.getConfig()), {
            violation: (urn, message) => {
                byUrn ??= new Map(args.resources.map((r) => [r.urn, r]));
                const r = byUrn.get(urn);
                report(message, { urn, name: r?.name ?? "", props: r?.props });
            },
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
