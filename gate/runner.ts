// The program runner: a child process (forked by preview.ts) that runs one Pulumi Node.js program offline, under the
// real `@pulumi/pulumi` runtime in preview mode (`setMocks(..., preview = true)`), and stands in for the engine's
// resource monitor (pkg/resource/deploy/source_eval.go `resmon`):
//
// - every registration is recorded with what the engine would receive: type, name, parent, inputs (secrets and
//   unknowns in wire form), dependencies, property dependencies, provider reference, options, source position;
// - URNs are the engine's (the root stack is no qualifier, the parent's full qualified type is);
// - default providers are registered as the engine does, on first use: `pulumi:providers:<pkg>` named
//   `default_<version>`, its inputs the `<pkg>:*` stack config and `version`;
// - the monitor answers like a preview: ids are unknown, outputs echo the inputs, so anything the provider would
//   compute (ids, ARNs, other outputs) is unknown to the program.
//
// The program's `@pulumi/pulumi` is the one its folder resolves (falling back to srguard's), so the mocks are set on
// the copy the program actually uses. TypeScript is compiled with `transpileModule` (no type check).

import * as fs from "node:fs";
import { type SourceMapping, createRequire, findSourceMap } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type * as pulumiTypes from "@pulumi/pulumi";
import type * as resourcePbTypes from "@pulumi/pulumi/proto/resource_pb";
import type * as structPbTypes from "google-protobuf/google/protobuf/struct_pb";
import type * as tsTypes from "typescript";
import { engineUrn, defaultProviderName, isProviderType, packageOf } from "./model";
import type { Registration, RunJob, RunResult } from "./runner-protocol";
import { type JsonObject, UNKNOWN, SECRET_SIG, SIG_KEY, isJsonObject } from "./wire";

type Callback = (err: Error | null, res?: unknown) => void;

interface Monitor {
    registerResource(req: resourcePbTypes.RegisterResourceRequest, cb: Callback): void;
    readResource(req: resourcePbTypes.ReadResourceRequest, cb: Callback): void;
    registerResourceOutputs(req: resourcePbTypes.RegisterResourceOutputsRequest, cb: Callback): void;
    registerPackage(req: resourcePbTypes.RegisterPackageRequest, cb: Callback): void;
}

interface Settings {
    getMonitor(): unknown;
    waitForRPCs?: () => Promise<void>;
}

interface StackModule {
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
}

function send(msg: RunResult): Promise<void> {
    return new Promise((resolve) => {
        if (!process.send) return resolve();
        process.send(msg, () => resolve());
    });
}

let finished = false;
async function finish(msg: RunResult): Promise<void> {
    if (finished) return;
    finished = true;
    await send(msg);
    process.exit(0);
}

function errorMessage(e: unknown): string {
    if (e instanceof Error) return e.message || e.name;
    return String(e);
}

/** Go duration ("1h30m", "300s") → seconds, as the engine stores custom timeouts. */
function seconds(d: string): number {
    let total = 0;
    const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
    for (const m of d.matchAll(/([0-9.]+)(ms|h|m|s)/g)) total += Number(m[1]) * (unit[m[2] ?? "s"] ?? 0);
    return total;
}

/**
 * Stack traces with source maps on, at the cost of the program's frames only. Once source maps are enabled, Node
 * formats every frame of every stack through its source-map cache (a file URL per frame, and SDK frames mapped back to
 * the SDK's own TypeScript) — and the SDK captures a stack for every resource (its whole depth, for the source
 * position) and for every promise it makes (debuggable.js): that was about a quarter of the runner's CPU. Frames of
 * the program's own files (under its folder, outside node_modules) are mapped exactly as Node maps them
 * (lib/internal/source_map/prepare_stack_trace.js `serializeJSStackFrame`); every other frame is printed as V8 prints
 * it. The source position the SDK takes from the program's frame is unchanged.
 */
function mapOnlyProgramFrames(programDir: string): void {
    const nodeFormat = Error.prepareStackTrace;
    const root = path.resolve(programDir) + path.sep;
    const ownFile = new Map<string, boolean>();
    const isOwn = (file: string): boolean => {
        let own = ownFile.get(file);
        if (own === undefined) ownFile.set(file, (own = file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)));
        return own;
    };
    const frame = (site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string => {
        const file = site.getFileName();
        if (!file || !isOwn(file)) return `${site}`;
        const sm = findSourceMap(file);
        const line = site.getLineNumber();
        const column = site.getColumnNumber();
        if (!sm || line === null || column === null) return `${site}`;
        const entry: Partial<SourceMapping> & { name?: string } = sm.findEntry(line - 1, column - 1);
        const { originalLine, originalColumn, originalSource } = entry;
        if (originalSource === undefined || originalLine === undefined || originalColumn === undefined) return `${site}`;
        // The original symbol name: the enclosing function's, else the caller's (same file).
        const enclosingLine = site.getEnclosingLineNumber();
        const enclosingColumn = site.getEnclosingColumnNumber();
        let name: string | undefined =
            enclosingLine && enclosingColumn ? (sm.findEntry(enclosingLine - 1, enclosingColumn - 1) as { name?: string }).name : undefined;
        if (!name && caller && caller.getFileName() === file) {
            const cl = caller.getLineNumber();
            const cc = caller.getColumnNumber();
            if (cl !== null && cc !== null) name = (sm.findEntry(cl - 1, cc - 1) as { name?: string }).name;
        }
        const source = originalSource.startsWith("file://") ? fileURLToPath(originalSource) : originalSource;
        const fnName = site.getFunctionName() ?? site.getMethodName();
        const prefix = site.isAsync() ? "async " : site.isConstructor() ? "new " : "";
        const typeName = site.getTypeName();
        const originalName = `${typeName !== null && typeName !== "global" ? `${typeName}.` : ""}${fnName || "<anonymous>"}`;
        const mappedName = name && name !== originalName ? name : originalName;
        return `${prefix}${mappedName} (${source}:${originalLine + 1}:${originalColumn + 1})`;
    };
    Error.prepareStackTrace = (error: Error, trace: NodeJS.CallSite[]): string => {
        // The header as Node writes it (`Name [CODE]: message` for Node's own errors).
        const head = nodeFormat ? String(nodeFormat(error, [])) : Error.prototype.toString.call(error);
        let out = head;
        trace.forEach((site, i) => {
            let text: string;
            try {
                text = frame(site, trace[i + 1]);
            } catch {
                text = `${site}`; // as Node does when a source map cannot be read
            }
            out += `\n    at ${text}`;
        });
        return out;
    };
}

/** Compiles `.ts` files as they are required (the SDK's own ts-node registration type-checks; this does not). */
function registerTypeScript(programDir: string, programRequire: NodeRequire): void {
    const candidates = [
        () => programRequire("typescript"),
        () => require("typescript"),
        () => programRequire(path.join(path.dirname(programRequire.resolve("@pulumi/pulumi/package.json")), "vendor", "typescript@3.8.3", "typescript.js")),
    ];
    let ts: typeof tsTypes | undefined;
    for (const load of candidates) {
        try {
            ts = load() as typeof tsTypes;
            break;
        } catch {
            // next candidate
        }
    }
    if (!ts) throw new Error("TypeScript is not installed (needed to run a .ts program)");
    const compiler = ts;
    let options: tsTypes.CompilerOptions = { target: compiler.ScriptTarget.ES2020 };
    const tsconfig = path.join(programDir, "tsconfig.json");
    if (fs.existsSync(tsconfig)) {
        const read = compiler.readConfigFile(tsconfig, (f) => fs.readFileSync(f, "utf8"));
        const raw: unknown = read.config;
        const co = isJsonObject(raw as JsonObject) ? (raw as JsonObject)["compilerOptions"] : undefined;
        if (co !== undefined) options = { ...options, ...compiler.convertCompilerOptionsFromJson(co, programDir).options };
    }
    // CommonJS, whatever the tsconfig says (as the SDK's own ts-node registration falls back to); options that only
    // make sense for ES modules are dropped.
    options = {
        ...options,
        module: compiler.ModuleKind.CommonJS,
        moduleResolution: compiler.ModuleResolutionKind.NodeJs,
        verbatimModuleSyntax: false,
        inlineSourceMap: true,
        sourceMap: false,
        declaration: false,
        noEmit: false,
    };
    process.setSourceMapsEnabled(true);
    mapOnlyProgramFrames(programDir);
    const extensions = require.extensions as NodeJS.RequireExtensions;
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const out = compiler.transpileModule(source, { fileName: filename, compilerOptions: options, reportDiagnostics: true });
        // Syntax errors only (option diagnostics have no file, and type errors are not looked for).
        const syntax = out.diagnostics?.find((d) => d.category === compiler.DiagnosticCategory.Error && d.file !== undefined);
        if (syntax) {
            const where = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
            const text = compiler.flattenDiagnosticMessageText(syntax.messageText, " ");
            throw new SyntaxError(`${path.relative(programDir, filename)}${where ? `(${where.line + 1},${where.character + 1})` : ""}: ${text}`);
        }
        (module as NodeJS.Module & { _compile(code: string, file: string): void })._compile(out.outputText, filename);
    };
}

async function run(job: RunJob): Promise<RunResult> {
    process.chdir(job.programDir);
    const programRequire = createRequire(path.join(job.programDir, "index.js"));
    let pulumiRoot: string;
    try {
        pulumiRoot = path.dirname(programRequire.resolve("@pulumi/pulumi/package.json"));
    } catch {
        pulumiRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    }
    const sdkRequire = createRequire(path.join(pulumiRoot, "package.json"));
    const pulumi = sdkRequire("./index.js") as typeof pulumiTypes;
    const settings = sdkRequire("./runtime/settings.js") as Settings;
    const stackModule = sdkRequire("./runtime/stack.js") as StackModule;
    const resproto = sdkRequire("./proto/resource_pb.js") as typeof resourcePbTypes;
    const { Struct } = sdkRequire("google-protobuf/google/protobuf/struct_pb.js") as typeof structPbTypes;
    const toStruct = (o: JsonObject) => Struct.fromJavaScript(o as Parameters<typeof Struct.fromJavaScript>[0]);
    const fromStruct = (s: structPbTypes.Struct | undefined): JsonObject => {
        const v: unknown = s?.toJavaScript();
        return isJsonObject(v as JsonObject) ? (v as JsonObject) : {};
    };

    const warnings: string[] = [];
    const warn = (m: string) => {
        if (!warnings.includes(m)) warnings.push(m);
    };

    await pulumi.runtime.setMocks(
        {
            newResource: () => ({ id: undefined, state: {} }),
            call: (args) => {
                warn(`data source ${args.token} cannot run offline: the program saw an empty result`);
                return {};
            },
        },
        job.project,
        job.stack,
        true,
        job.organization,
    );
    pulumi.runtime.setAllConfig({ ...job.config }, [...job.secretKeys]);

    const monitor = settings.getMonitor() as Monitor;
    const registrations: Registration[] = [];
    const byUrn = new Map<string, number>();
    const defaultProviders = new Map<string, string>();
    const packages = new Map<string, { name: string; version: string }>();

    const source = (pos: { getUri(): string; getLine(): number; getColumn(): number } | undefined) => {
        if (!pos || !pos.getUri().startsWith("file:")) return undefined;
        const file = fileURLToPath(pos.getUri());
        if (file.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        return { uri: pos.getUri(), line: pos.getLine(), column: pos.getColumn() };
    };

    const packageConfig = (pkg: string): JsonObject => {
        const inputs: JsonObject = {};
        for (const [k, v] of Object.entries(job.config)) {
            if (!k.startsWith(`${pkg}:`)) continue;
            const key = k.slice(pkg.length + 1);
            inputs[key] = job.secretKeys.includes(k) ? { [SIG_KEY]: SECRET_SIG, value: UNKNOWN } : v;
        }
        return inputs;
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
        byUrn.set(urn, registrations.length);
        registrations.push({
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

    const providerFor = (type: string, custom: boolean, explicit: string, version: string, packageRef: string): string => {
        if (!custom || isProviderType(type)) return explicit;
        if (explicit) return explicit;
        const pkgInfo = packages.get(packageRef);
        return defaultProvider(pkgInfo?.name ?? packageOf(type), pkgInfo?.version ?? version);
    };

    monitor.registerPackage = (req, cb) => {
        const ref = `srguard-package-${packages.size + 1}`;
        const param = req.getParameterization();
        packages.set(ref, param ? { name: param.getName(), version: param.getVersion() } : { name: req.getName(), version: req.getVersion() });
        const res = new resproto.RegisterPackageResponse();
        res.setRef(ref);
        cb(null, res);
    };

    monitor.registerResource = (req, cb) => {
        try {
            const type = req.getType();
            const name = req.getName();
            const parent = req.getParent();
            const custom = req.getCustom();
            const urn = engineUrn(job.stack, job.project, parent, type, name);
            if (byUrn.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
            const inputs = fromStruct(req.getObject());
            // As the engine: an explicit provider gets the plugin version among its inputs.
            if (isProviderType(type) && req.getVersion() && inputs["version"] === undefined) inputs["version"] = req.getVersion();
            const provider = providerFor(type, custom, req.getProvider(), req.getVersion(), req.getPackageref());
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((v, k) => {
                const urns = v.getUrnsList();
                if (urns.length) propertyDependencies[k] = urns;
            });
            const timeouts = req.getCustomtimeouts();
            const pos = source(req.getSourceposition());
            byUrn.set(urn, registrations.length);
            registrations.push({
                urn,
                type,
                name,
                custom,
                parent,
                inputs,
                // Custom resources: what a preview of a create returns, the inputs. Components: their registered
                // outputs, filled in by registerResourceOutputs.
                outputs: custom ? inputs : {},
                dependencies: req.getDependenciesList(),
                propertyDependencies,
                provider,
                protect: req.getProtect() === true,
                ignoreChanges: req.getIgnorechangesList(),
                ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                aliases: [...req.getAliasurnsList(), ...req.getAliasesList().map((a) => a.getUrn()).filter((u) => u !== "")],
                ...(timeouts
                    ? { customTimeouts: { create: seconds(timeouts.getCreate()), update: seconds(timeouts.getUpdate()), delete: seconds(timeouts.getDelete()) } }
                    : {}),
                external: false,
                ...(pos ? { source: pos } : {}),
            });
            const res = new resproto.RegisterResourceResponse();
            res.setUrn(urn);
            res.setId(""); // unknown during preview
            res.setObject(toStruct(custom ? inputs : {}));
            cb(null, res);
        } catch (e) {
            cb(e instanceof Error ? e : new Error(String(e)));
        }
    };

    monitor.readResource = (req, cb) => {
        try {
            const type = req.getType();
            const name = req.getName();
            const urn = engineUrn(job.stack, job.project, req.getParent(), type, name);
            if (byUrn.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
            const inputs = fromStruct(req.getProperties());
            const provider = providerFor(type, true, req.getProvider(), req.getVersion(), req.getPackageref());
            warn(`${type} '${name}' is read with .get(): offline its state is unknown`);
            const pos = source(req.getSourceposition());
            byUrn.set(urn, registrations.length);
            registrations.push({
                urn,
                type,
                name,
                custom: true,
                parent: req.getParent(),
                inputs,
                outputs: inputs,
                dependencies: req.getDependenciesList(),
                propertyDependencies: {},
                provider,
                protect: false,
                ignoreChanges: [],
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                aliases: [],
                external: true,
                ...(pos ? { source: pos } : {}),
            });
            const res = new resproto.ReadResourceResponse();
            res.setUrn(urn);
            res.setProperties(toStruct(inputs));
            cb(null, res);
        } catch (e) {
            cb(e instanceof Error ? e : new Error(String(e)));
        }
    };

    monitor.registerResourceOutputs = (req, cb) => {
        const i = byUrn.get(req.getUrn());
        const r = i === undefined ? undefined : registrations[i];
        if (r && !r.custom) registrations[i as number] = { ...r, outputs: fromStruct(req.getOutputs()) };
        cb(null, {});
    };

    const entry = job.entry;
    if (job.typescript) registerTypeScript(job.programDir, programRequire);
    await stackModule.runInPulumiStack(async () => {
        const program: unknown = require(entry);
        return typeof program === "function" ? await (program as () => unknown)() : program;
    });
    await settings.waitForRPCs?.();
    return { kind: "result", registrations, warnings };
}

process.on("uncaughtException", (e) => void finish({ kind: "error", message: errorMessage(e) }));
process.on("unhandledRejection", (e) => void finish({ kind: "error", message: errorMessage(e) }));
process.once("message", (job: RunJob) => {
    run(job).then(
        (result) => finish(result),
        (e: unknown) => finish({ kind: "error", message: errorMessage(e) }),
    );
});
