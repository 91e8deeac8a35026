// The engine's resource monitor, as the program runner stands in for it (pkg/resource/deploy/source_eval.go `resmon`),
// installed in place of the methods of the SDK's MockMonitor (sdk-contract.ts):
//
// - every registration is recorded with what the engine would receive: type, name, parent, inputs (secrets and
//   unknowns in wire form), dependencies, property dependencies, provider reference, options, source position;
// - URNs are the engine's (the root stack is no qualifier, the parent's full qualified type is);
// - default providers are registered as the engine does, on first use: `pulumi:providers:<pkg>` named
//   `default_<version>`, its inputs the `<pkg>:*` stack config and `version`;
// - the monitor answers like a preview: ids are unknown, outputs echo the inputs, so anything the provider would
//   compute (ids, ARNs, other outputs) is unknown to the program — except in the `pulumi up` pass (`job.pass`), where
//   a created resource's id and computed outputs are consistent stand-ins (standins.ts);
// - a multi-language (remote) component is recorded with a warning: its children are created by its plugin.

import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultProviderName, engineUrn, isProviderType, packageOf, parseProviderRef } from "./model";
import type { Registration, RunJob } from "./runner-protocol";
import type { ProgramRuntime, ResourceMonitor, resourcePbTypes } from "./sdk-contract";
import { standIn } from "./standins";
import { type JsonObject, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";

/** Go duration ("1h30m", "300s") → seconds, as the engine stores custom timeouts. */
export function seconds(d: string): number {
    let total = 0;
    const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
    for (const m of d.matchAll(/([0-9.]+)(ms|h|m|s)/g)) total += Number(m[1]) * (unit[m[2] ?? "s"] ?? 0);
    return total;
}

type SourcePositionPb = { getUri(): string; getLine(): number; getColumn(): number } | undefined;

/** The program's own source position (frames under node_modules are the SDK's or a library's: dropped). */
function sourceOf(pos: SourcePositionPb): Registration["source"] {
    if (!pos || !pos.getUri().startsWith("file:")) return undefined;
    const file = fileURLToPath(pos.getUri());
    if (file.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
    return { uri: pos.getUri(), line: pos.getLine(), column: pos.getColumn() };
}

/** What a registerResource or readResource request says, in one shape. */
interface Request {
    readonly type: string;
    readonly name: string;
    readonly parent: string;
    readonly custom: boolean;
    readonly inputs: JsonObject;
    readonly provider: string;
    readonly version: string;
    readonly packageRef: string;
    readonly dependencies: readonly string[];
    readonly additionalSecretOutputs: readonly string[];
    readonly source: SourcePositionPb;
    /** Read with `.get(...)`: not managed by the program. */
    readonly external: boolean;
    /** Options only registerResource carries. */
    readonly options?: Pick<Registration, "propertyDependencies" | "protect" | "ignoreChanges" | "deleteBeforeReplace" | "aliases" | "customTimeouts">;
}

function registerRequest(req: resourcePbTypes.RegisterResourceRequest, inputs: JsonObject): Request {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v, k) => {
        const urns = v.getUrnsList();
        if (urns.length) propertyDependencies[k] = urns;
    });
    const timeouts = req.getCustomtimeouts();
    return {
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        custom: req.getCustom(),
        inputs,
        provider: req.getProvider(),
        version: req.getVersion(),
        packageRef: req.getPackageref(),
        dependencies: req.getDependenciesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        source: req.getSourceposition(),
        external: false,
        options: {
            propertyDependencies,
            protect: req.getProtect() === true,
            ignoreChanges: req.getIgnorechangesList(),
            ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
            aliases: [...req.getAliasurnsList(), ...req.getAliasesList().map((a) => a.getUrn()).filter((u) => u !== "")],
            ...(timeouts
                ? { customTimeouts: { create: seconds(timeouts.getCreate()), update: seconds(timeouts.getUpdate()), delete: seconds(timeouts.getDelete()) } }
                : {}),
        },
    };
}

function readRequest(req: resourcePbTypes.ReadResourceRequest, inputs: JsonObject): Request {
    return {
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        custom: true,
        inputs,
        provider: req.getProvider(),
        version: req.getVersion(),
        packageRef: req.getPackageref(),
        dependencies: req.getDependenciesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        source: req.getSourceposition(),
        external: true,
    };
}

export interface RecordedRun {
    readonly registrations: Registration[];
    readonly warnings: string[];
    /** Says `message` once among the run's warnings. */
    warn(message: string): void;
}

/** Makes the gate the resource monitor of `runtime` (after `setMocks`); returns what the program registers. */
export function installMonitor(runtime: ProgramRuntime, job: RunJob, run: RecordedRun): void {
    const { resproto, toStruct } = runtime;
    const fromStruct = (s: Parameters<ProgramRuntime["fromStruct"]>[0]) => runtime.fromStruct(s) as JsonObject;
    const monitor: ResourceMonitor = runtime.mockMonitor();
    const { registrations } = run;
    const byUrn = new Map<string, number>();
    const defaultProviders = new Map<string, string>();
    const packages = new Map<string, { name: string; version: string }>();

    const packageConfig = (pkg: string): JsonObject => {
        const inputs: JsonObject = {};
        for (const [k, v] of Object.entries(job.config)) {
            if (!k.startsWith(`${pkg}:`)) continue;
            const key = k.slice(pkg.length + 1);
            inputs[key] = job.secretKeys.includes(k) ? { [SIG_KEY]: SECRET_SIG, value: UNKNOWN } : v;
        }
        return inputs;
    };

    const add = (r: Registration) => {
        byUrn.set(r.urn, registrations.length);
        registrations.push(r);
    };

    /** The engine's default provider for a package at a version: registered on first use. */
    const defaultProvider = (pkg: string, version: string): string => {
        const key = `${pkg}@${version}`;
        const known = defaultProviders.get(key);
        if (known) return known;
        const type = `pulumi:providers:${pkg}`;
        const name = defaultProviderName(version);
        const urn = engineUrn(job.stack, job.project, "", type, name);
        const inputs = { ...packageConfig(pkg), ...(version ? { version } : {}) };
        add({
            urn,
            type,
            name,
            custom: true,
            parent: "",
            inputs,
            outputs: inputs,
            dependencies: [],
            propertyDependencies: {},
            provider: "",
            protect: false,
            ignoreChanges: [],
            additionalSecretOutputs: [],
            aliases: [],
            external: false,
        });
        // A provider being created has an unknown id during preview.
        const ref = `${urn}::${UNKNOWN}`;
        defaultProviders.set(key, ref);
        return ref;
    };

    const providerFor = (r: Request): string => {
        if (!r.custom || isProviderType(r.type) || r.provider) return r.provider;
        const pkgInfo = packages.get(r.packageRef);
        return defaultProvider(pkgInfo?.name ?? packageOf(r.type), pkgInfo?.version ?? r.version);
    };

    /** The AWS region of a provider reference: its `region` input, when known. */
    const providerRegion = (ref: string): string | undefined => {
        const p = parseProviderRef(ref);
        const i = p ? byUrn.get(p.urn) : undefined;
        const region = i === undefined ? undefined : registrations[i]?.inputs["region"];
        return typeof region === "string" && region !== UNKNOWN && region !== "" ? region : undefined;
    };

    const standInFor = (r: Request) => {
        const urn = engineUrn(job.stack, job.project, r.parent, r.type, r.name);
        return standIn(r.type, r.name, urn, r.inputs, providerRegion(providerFor(r)), job.standIns);
    };

    /** Records one registration (registerResource or readResource) and returns its URN. */
    const record = (r: Request, outputs: JsonObject = r.inputs): string => {
        const urn = engineUrn(job.stack, job.project, r.parent, r.type, r.name);
        if (byUrn.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        const provider = providerFor(r);
        if (r.external) run.warn(`${r.type} '${r.name}' is read with .get(): offline its state is unknown`);
        const source = sourceOf(r.source);
        add({
            urn,
            type: r.type,
            name: r.name,
            custom: r.custom,
            parent: r.parent,
            inputs: r.inputs,
            // Custom resources: what a preview of a create returns, the inputs. Components: their registered
            // outputs, filled in by registerResourceOutputs.
            outputs: r.custom ? outputs : {},
            dependencies: r.dependencies,
            propertyDependencies: r.options?.propertyDependencies ?? {},
            provider,
            protect: r.options?.protect ?? false,
            ignoreChanges: r.options?.ignoreChanges ?? [],
            ...(r.options?.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: r.options.deleteBeforeReplace } : {}),
            additionalSecretOutputs: r.additionalSecretOutputs,
            aliases: r.options?.aliases ?? [],
            ...(r.options?.customTimeouts ? { customTimeouts: r.options.customTimeouts } : {}),
            external: r.external,
            ...(source ? { source } : {}),
        });
        return urn;
    };

    /** Answers the SDK's callback with `respond()`, or with the error it throws. */
    const answer = (cb: (err: Error | null, res?: unknown) => void, respond: () => unknown) => {
        let res: unknown;
        try {
            res = respond();
        } catch (e) {
            cb(e instanceof Error ? e : new Error(String(e)));
            return;
        }
        cb(null, res);
    };

    monitor.registerPackage = (req, cb) =>
        answer(cb, () => {
            const ref = `srguard-package-${packages.size + 1}`;
            const param = req.getParameterization();
            packages.set(ref, param ? { name: param.getName(), version: param.getVersion() } : { name: req.getName(), version: req.getVersion() });
            const res = new resproto.RegisterPackageResponse();
            res.setRef(ref);
            return res;
        });

    monitor.registerResource = (req, cb) =>
        answer(cb, () => {
            const inputs = fromStruct(req.getObject());
            // As the engine: an explicit provider gets the plugin version among its inputs.
            if (isProviderType(req.getType()) && req.getVersion() && inputs["version"] === undefined) inputs["version"] = req.getVersion();
            const request = registerRequest(req, inputs);
            // The `pulumi up` pass: what the provider would compute, as consistent stand-ins (standins.ts).
            const made = job.pass === "up" && req.getCustom() && !isProviderType(req.getType()) ? standInFor(request) : undefined;
            const outputs = made ? { ...inputs, ...made.outputs } : inputs;
            const urn = record(request, outputs);
            if (req.getRemote()) {
                run.warn(
                    `${req.getType()} '${req.getName()}' is a multi-language component: what it creates is not evaluated offline ` +
                        "(evaluate a real `pulumi preview --json` with `srguard scan`)",
                );
            }
            const res = new resproto.RegisterResourceResponse();
            res.setUrn(urn);
            res.setId(made?.id ?? ""); // unknown during preview
            res.setObject(toStruct(req.getCustom() ? outputs : {}));
            return res;
        });

    monitor.readResource = (req, cb) =>
        answer(cb, () => {
            const inputs = fromStruct(req.getProperties());
            const res = new resproto.ReadResourceResponse();
            res.setUrn(record(readRequest(req, inputs)));
            res.setProperties(toStruct(inputs));
            return res;
        });

    monitor.registerResourceOutputs = (req, cb) =>
        answer(cb, () => {
            const i = byUrn.get(req.getUrn());
            const r = i === undefined ? undefined : registrations[i];
            if (r && !r.custom) registrations[i as number] = { ...r, outputs: fromStruct(req.getOutputs()) };
            return {};
        });
}
