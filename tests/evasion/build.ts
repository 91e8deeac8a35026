// Turns an evasion case into the documents `srguard scan` reads, shaped as the Pulumi CLI writes them:
// - `pulumi stack export` (deployment v3): the root stack, the default provider the engine registers for each package
//   (`default_7_48_0` / `default_3_28_0`, its inputs the stack config), explicit providers, and every resource with
//   its urn, id, type, inputs, outputs (inputs + what the provider computes: id, and for AWS the resolved region),
//   parent, provider reference `<urn>::<id>`, dependencies and property dependencies;
// - `pulumi preview --json`: the same resources as `create` steps whose new states carry inputs only, the stack config
//   in `config`.

import { engineUrn } from "../../gate/model";
import { isGlobalAwsType } from "../../policies/core/region";
import { canonicalType, moduleOf } from "../../policies/core/tokens";
import type { Cloud } from "../../policies/core/policy";
import type { EvasionCase, JsonObject, ResourceSpec } from "./model";

const STACK = "evasion";
const ROOT_TYPE = "pulumi:pulumi:Stack";
const SUBSCRIPTION = "00000000-0000-4000-8000-000000000000";

const PACKAGE = {
    aws: { pkg: "aws", version: "7.48.0", configKey: "aws:region", providerKey: "region", defaultRegion: "ap-northeast-1" },
    azure: { pkg: "azure-native", version: "3.28.0", configKey: "azure-native:location", providerKey: "location", defaultRegion: "japaneast" },
} as const;

function cloudOf(type: string): Cloud {
    return type.startsWith("azure-native") ? "azure" : "aws";
}

interface Built {
    readonly urn: string;
    readonly type: string;
    readonly id: string;
    readonly inputs: JsonObject;
    readonly outputs: JsonObject;
    readonly parent: string;
    readonly provider?: string;
    readonly propertyDependencies: Readonly<Record<string, string[]>>;
    readonly dependencies: readonly string[];
}

function azureId(type: string, name: string): string {
    const canonical = canonicalType(type);
    const resource = canonical.slice(canonical.lastIndexOf(":") + 1);
    const namespace = moduleOf(canonical);
    return `/subscriptions/${SUBSCRIPTION}/resourceGroups/evasion/providers/Microsoft.${namespace}/${resource}s/${name}`;
}

/** Every resource of a case (providers first, as the engine registers them), with URNs and references resolved. */
export function buildResources(c: EvasionCase): { readonly root: string; readonly resources: readonly Built[]; readonly config: Readonly<Record<string, string>> } {
    const project = c.id;
    const root = engineUrn(STACK, project, "", ROOT_TYPE, `${project}-${STACK}`);
    const out: Built[] = [];
    const config: Record<string, string> = {};
    const providerRef = new Map<string, string>();
    const regionOfProvider = new Map<string, string | undefined>();

    const clouds = new Set(c.stack.resources.map((r) => cloudOf(r.type)));
    for (const cloud of [...clouds].sort()) {
        const p = PACKAGE[cloud];
        const region = c.stack.defaultRegion === undefined ? p.defaultRegion : c.stack.defaultRegion;
        const inputs: JsonObject = { ...(region === null ? {} : { [p.providerKey]: region }), version: p.version };
        if (region !== null) config[p.configKey] = region;
        const urn = engineUrn(STACK, project, "", `pulumi:providers:${p.pkg}`, `default_${p.version.replace(/\./g, "_")}`);
        const id = `${cloud}-default-provider-id`;
        out.push({ urn, type: `pulumi:providers:${p.pkg}`, id, inputs, outputs: inputs, parent: "", propertyDependencies: {}, dependencies: [] });
        providerRef.set(`default:${cloud}`, `${urn}::${id}`);
        regionOfProvider.set(`default:${cloud}`, region === null ? undefined : region);
    }
    for (const p of c.stack.providers ?? []) {
        const pkg = PACKAGE[p.cloud];
        const urn = engineUrn(STACK, project, root, `pulumi:providers:${pkg.pkg}`, p.name);
        const id = `${p.name}-provider-id`;
        const inputs: JsonObject = { ...p.inputs, version: pkg.version };
        out.push({ urn, type: `pulumi:providers:${pkg.pkg}`, id, inputs, outputs: inputs, parent: root, propertyDependencies: {}, dependencies: [] });
        providerRef.set(p.name, `${urn}::${id}`);
        const region = p.inputs[pkg.providerKey];
        regionOfProvider.set(p.name, typeof region === "string" ? region : undefined);
    }

    const urnOf = new Map<string, string>();
    const resolveUrn = (name: string): string => {
        const known = urnOf.get(name);
        if (known) return known;
        const spec = c.stack.resources.find((r) => r.name === name);
        if (!spec) throw new Error(`${c.id}: no resource named ${name}`);
        const parent = spec.parent ? resolveUrn(spec.parent) : root;
        const urn = engineUrn(STACK, project, parent, spec.type, spec.name);
        urnOf.set(name, urn);
        return urn;
    };
    for (const r of c.stack.resources) resolveUrn(r.name);

    for (const r of c.stack.resources) out.push(buildResource(c, r, root, resolveUrn, providerRef, regionOfProvider));
    return { root, resources: out, config };
}

function buildResource(
    c: EvasionCase,
    r: ResourceSpec,
    root: string,
    urnOfName: (name: string) => string,
    providerRef: ReadonlyMap<string, string>,
    regionOfProvider: ReadonlyMap<string, string | undefined>,
): Built {
    const cloud = cloudOf(r.type);
    const providerKey = r.provider ?? `default:${cloud}`;
    const provider = providerRef.get(providerKey);
    if (!provider) throw new Error(`${c.id}/${r.name}: no provider named ${providerKey}`);
    const id = r.id ?? (cloud === "azure" ? azureId(r.type, r.name) : typeof r.inputs["bucket"] === "string" ? r.inputs["bucket"] : r.name);
    const computed: JsonObject = { id };
    // The AWS provider (v7) reports every regional resource's region in its outputs.
    if (cloud === "aws" && !isGlobalAwsType(r.type) && typeof r.inputs["region"] !== "string") {
        const region = regionOfProvider.get(providerKey);
        if (region !== undefined) computed["region"] = region;
    }
    const propertyDependencies: Record<string, string[]> = {};
    const dependencies = new Set<string>();
    for (const [property, names] of Object.entries(r.propertyDependencies ?? {})) {
        propertyDependencies[property] = names.map(urnOfName);
        for (const u of propertyDependencies[property] ?? []) dependencies.add(u);
    }
    return {
        urn: urnOfName(r.name),
        type: r.type,
        id,
        inputs: r.inputs,
        outputs: { ...r.inputs, ...computed, ...r.outputs },
        parent: r.parent ? urnOfName(r.parent) : root,
        provider,
        propertyDependencies,
        dependencies: [...dependencies],
    };
}

/** The case as `pulumi stack export` writes it (deployment v3). */
export function toStackExport(c: EvasionCase): JsonObject {
    const { root, resources } = buildResources(c);
    const states: JsonObject[] = [{ urn: root, custom: false, type: ROOT_TYPE, outputs: {} }];
    for (const r of resources) {
        states.push({
            urn: r.urn,
            custom: true,
            id: r.id,
            type: r.type,
            inputs: r.inputs,
            outputs: r.outputs,
            ...(r.parent ? { parent: r.parent } : {}),
            ...(r.dependencies.length ? { dependencies: [...r.dependencies] } : {}),
            ...(r.provider ? { provider: r.provider } : {}),
            ...(Object.keys(r.propertyDependencies).length ? { propertyDependencies: { ...r.propertyDependencies } } : {}),
        });
    }
    return {
        version: 3,
        deployment: {
            manifest: { time: "2025-11-20T10:00:00.000000+09:00", magic: "", version: "v3.206.0" },
            resources: states,
        },
    };
}

/** The case as `pulumi preview --json --show-sames` writes it: every resource a `create` step with its inputs. */
export function toPreview(c: EvasionCase): JsonObject {
    const { root, resources, config } = buildResources(c);
    const steps: JsonObject[] = [{ op: "create", urn: root, newState: { urn: root, custom: false, type: ROOT_TYPE } }];
    for (const r of resources) {
        steps.push({
            op: "create",
            urn: r.urn,
            ...(r.provider ? { provider: r.provider } : {}),
            newState: {
                urn: r.urn,
                custom: true,
                type: r.type,
                inputs: r.inputs,
                ...(r.parent ? { parent: r.parent } : {}),
                ...(r.dependencies.length ? { dependencies: [...r.dependencies] } : {}),
                ...(r.provider ? { provider: r.provider } : {}),
                ...(Object.keys(r.propertyDependencies).length ? { propertyDependencies: { ...r.propertyDependencies } } : {}),
            },
        });
    }
    return { config: { ...config }, steps, diagnostics: [], changeSummary: { create: steps.length } };
}
