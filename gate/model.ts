// What the gate evaluates: one stack's resources as the engine holds them when it calls the analyzer, whatever the
// source (a program run offline, a `pulumi preview --json` digest, a `pulumi stack export` file).

import type { JsonObject } from "./wire";

export interface SourcePosition {
    /** A `file://` URI, as the Node.js SDK records it. */
    readonly uri: string;
    readonly line: number;
    readonly column: number;
}

export interface ResourceOptionsView {
    readonly protect: boolean;
    readonly ignoreChanges: readonly string[];
    readonly deleteBeforeReplace?: boolean;
    readonly additionalSecretOutputs: readonly string[];
    readonly aliases: readonly string[];
    readonly customTimeouts?: { readonly create: number; readonly update: number; readonly delete: number };
}

export interface GateResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    /** The properties `Analyze` receives: the checked inputs, in wire form (see wire.ts). */
    readonly inputs: JsonObject;
    /** The properties `AnalyzeStack` receives: the outputs, in wire form. */
    readonly outputs: JsonObject;
    readonly parent?: string;
    readonly dependencies: readonly string[];
    /** Property name → URNs it depends on (empty lists dropped, as the engine does). */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** Provider reference `<provider urn>::<provider id>`. */
    readonly provider?: string;
    readonly options: ResourceOptionsView;
    /** false for resources the engine reads rather than manages (`external`): it does not call Analyze for them. */
    readonly analyze: boolean;
    readonly source?: SourcePosition;
}

export interface GateStack {
    /** What was evaluated, for people: a stack folder or a file, relative to the working directory. */
    readonly origin: string;
    readonly project: string;
    readonly stack: string;
    readonly organization: string;
    readonly resources: readonly GateResource[];
    /** Stack tags sent with ConfigureStack (the engine's built-in `pulumi:*` tags). */
    readonly tags: Readonly<Record<string, string>>;
    /** Non-secret stack config (namespaced keys), for ConfigureStack and the pack's environment. */
    readonly config: Readonly<Record<string, string>>;
    readonly configSecretKeys: readonly string[];
    /** Things the gate could not reproduce exactly, said once per stack (printed on stderr). */
    readonly warnings: readonly string[];
}

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The organization a DIY backend reports (the gate has no backend). */
export const ORGANIZATION = "organization";

export interface ParsedUrn {
    readonly stack: string;
    readonly project: string;
    /** The qualified type (`parent$child`). */
    readonly qualifiedType: string;
    readonly type: string;
    readonly name: string;
}

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>` (the name may itself contain `::`). */
export function parseUrn(urn: string): ParsedUrn | undefined {
    if (!urn.startsWith("urn:pulumi:")) return undefined;
    const parts = urn.slice("urn:pulumi:".length).split("::");
    if (parts.length < 4) return undefined;
    const [stack, project, qualifiedType] = parts;
    if (stack === undefined || project === undefined || qualifiedType === undefined) return undefined;
    const name = parts.slice(3).join("::");
    const type = qualifiedType.split("$").pop() ?? qualifiedType;
    return { stack, project, qualifiedType, type, name };
}

/** The URN the engine gives a resource (pkg/resource/deploy/deployment.go `generateURN`). */
export function engineUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    let qualified = type;
    const p = parent ? parseUrn(parent) : undefined;
    if (p && p.qualifiedType !== ROOT_STACK_TYPE) qualified = `${p.qualifiedType}$${type}`;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Splits a provider reference `<urn>::<id>`. */
export function parseProviderRef(ref: string): { urn: string; id: string } | undefined {
    const at = ref.lastIndexOf("::");
    if (at <= 0) return undefined;
    return { urn: ref.slice(0, at), id: ref.slice(at + 2) };
}

export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** The package of a type token: `aws:s3/bucket:Bucket` → `aws`. */
export function packageOf(type: string): string {
    const i = type.indexOf(":");
    return i < 0 ? type : type.slice(0, i);
}

/**
 * The name of the default provider the engine registers for a package at a version
 * (pkg/resource/deploy/providers `ProviderRequest.Name`): `default` or `default_7_48_0`.
 */
export function defaultProviderName(version: string | undefined): string {
    if (!version) return "default";
    return `default_${version.replace(/[.\-+]/g, "_")}`;
}

export const EMPTY_OPTIONS: ResourceOptionsView = Object.freeze({
    protect: false,
    ignoreChanges: [],
    additionalSecretOutputs: [],
    aliases: [],
});
