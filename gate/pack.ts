// The policy pack, started the way the Pulumi CLI starts a Node.js pack: `node @pulumi/pulumi/cmd/run-policy-pack
// <engine-address> .` with the pack folder as working directory. The pack prints its port on the first line of stdout;
// the gate then speaks `pulumirpc.Analyzer` to it with the stubs generated into `@pulumi/pulumi/proto`, exactly the
// calls the engine makes (sdk/go/common/resource/plugin/analyzer_plugin.go). Every diagnostic comes from
// `@pulumi/policy` itself: the gate never evaluates a policy.

import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { stop, track } from "./children";
import { Measure, type Sink, Write, encodeMessage } from "../policies/core/protobuf-wire";
import { GateError, oneLine } from "./errors";
import type { GateResource, GateStack, ResourceOptionsView } from "./model";
import { parseProviderRef, parseUrn } from "./model";
import {
    type analyzerGrpcTypes,
    type analyzerPbTypes,
    type emptyPbTypes,
    type grpcTypes,
    type structPbTypes,
    loadAnalyzerProtocol,
    policyPackRunner,
} from "./sdk-contract";
import { type Json, type JsonObject, isJsonObject } from "./wire";

// The generated Analyzer stubs and the grpc-js / google-protobuf copies beside them (sdk-contract.ts).
const { grpc, analyzerGrpc, pb, Empty, Struct } = loadAnalyzerProtocol();

/** The analyzer server accepts messages up to 400 MB (@pulumi/policy server.js `maxRPCMessageSize`). */
const MAX_MESSAGE = 400 * 1024 * 1024;
/** Any placeholder: nothing connects to the engine address. */
const ENGINE_ADDRESS = "127.0.0.1:0";
const START_TIMEOUT_MS = 60_000;

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

export interface PolicyView {
    readonly name: string;
    readonly displayName: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity | undefined;
    readonly kind: "resource" | "stack" | "unknown";
    readonly tags: readonly string[];
    readonly remediation: string;
    readonly url: string;
    readonly framework?: { readonly name: string; readonly version: string; readonly reference: string };
    /** The JSON schema properties of the policy's config (absent when it takes none). */
    readonly configSchema?: JsonObject;
}

export interface PackInfo {
    readonly name: string;
    readonly version: string;
    readonly displayName: string;
    readonly description: string;
    readonly policies: readonly PolicyView[];
    /** Config the pack was constructed with (`new PolicyPack(name, args, initialConfig)`). */
    readonly initialConfig: ReadonlyMap<string, PolicyConfigValue>;
}

export interface PolicyConfigValue {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: JsonObject;
}

export interface Diagnostic {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly policyPackVersion: string;
    readonly description: string;
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity | undefined;
    readonly urn: string;
}

export interface ProviderView {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** The provider's inputs, in wire form. */
    readonly inputs: JsonObject;
}

const LEVELS: Readonly<Record<number, EnforcementLevel>> = {
    [pb.EnforcementLevel.ADVISORY]: "advisory",
    [pb.EnforcementLevel.MANDATORY]: "mandatory",
    [pb.EnforcementLevel.DISABLED]: "disabled",
    [pb.EnforcementLevel.REMEDIATE]: "remediate",
};

const LEVEL_CODES: Readonly<Record<EnforcementLevel, analyzerPbTypes.EnforcementLevel>> = {
    advisory: pb.EnforcementLevel.ADVISORY,
    mandatory: pb.EnforcementLevel.MANDATORY,
    disabled: pb.EnforcementLevel.DISABLED,
    remediate: pb.EnforcementLevel.REMEDIATE,
};

const SEVERITIES: Readonly<Record<number, Severity | undefined>> = {
    [pb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: undefined,
    [pb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [pb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [pb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [pb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

function level(code: number): EnforcementLevel {
    const l = LEVELS[code];
    if (!l) throw new GateError(`the policy pack sent an unknown enforcement level (${code})`);
    return l;
}

function toStruct(o: JsonObject): structPbTypes.Struct {
    return Struct.fromJavaScript(o as Parameters<typeof Struct.fromJavaScript>[0]);
}

function fromStruct(s: structPbTypes.Struct | undefined): JsonObject {
    if (!s) return {};
    const v: unknown = s.toJavaScript();
    return isJsonObject(v as Json) ? (v as JsonObject) : {};
}

function resourceOptions(parent: string | undefined, o: ResourceOptionsView): analyzerPbTypes.AnalyzerResourceOptions {
    const opts = new pb.AnalyzerResourceOptions();
    opts.setProtect(o.protect);
    opts.setIgnorechangesList([...o.ignoreChanges]);
    opts.setDeletebeforereplace(o.deleteBeforeReplace ?? false);
    opts.setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined);
    opts.setAdditionalsecretoutputsList([...o.additionalSecretOutputs]);
    opts.setAliasesList([...o.aliases]);
    const timeouts = new pb.AnalyzerResourceOptions.CustomTimeouts();
    timeouts.setCreate(o.customTimeouts?.create ?? 0);
    timeouts.setUpdate(o.customTimeouts?.update ?? 0);
    timeouts.setDelete(o.customTimeouts?.delete ?? 0);
    opts.setCustomtimeouts(timeouts);
    if (parent) opts.setParent(parent);
    return opts;
}

/** One message per provider: many resources share a provider, and a message can be sent any number of times. */
const providerMessages = new WeakMap<ProviderView, analyzerPbTypes.AnalyzerProviderResource>();

function providerMessage(p: ProviderView): analyzerPbTypes.AnalyzerProviderResource {
    const cached = providerMessages.get(p);
    if (cached) return cached;
    const m = new pb.AnalyzerProviderResource();
    m.setUrn(p.urn);
    m.setType(p.type);
    m.setName(p.name);
    m.setProperties(toStruct(p.inputs));
    providerMessages.set(p, m);
    return m;
}

function diagnostics(resp: analyzerPbTypes.AnalyzeResponse): Diagnostic[] {
    return resp.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: level(d.getEnforcementlevel()),
        severity: SEVERITIES[d.getSeverity()],
        urn: d.getUrn(),
    }));
}

function unary<Req, Res>(
    call: (req: Req, cb: (err: grpcTypes.ServiceError | null, res: Res) => void) => unknown,
    req: Req,
    what: string,
): Promise<Res> {
    return new Promise((resolve, reject) => {
        call(req, (err, res) => {
            if (err) reject(new GateError(`the policy pack failed during ${what}: ${oneLine(err.details || err.message)}`));
            else resolve(res);
        });
    });
}

interface EncodedMethod<Res> {
    readonly path: string;
    readonly responseDeserialize: (bytes: Buffer) => Res;
}

/**
 * A request's bytes, given up to the serialiser: grpc-js keeps a unary call's argument until the call ends, and
 * AnalyzeStack's bytes (tens of MB) should be garbage once written, while the pack works on them.
 */
class RequestBytes {
    readonly size: number;

    constructor(private bytes: Buffer | undefined) {
        this.size = bytes?.length ?? 0;
    }

    static take(this: void, r: RequestBytes): Buffer {
        const b = r.bytes;
        if (!b) throw new GateError("internal error: grpc-js serialised a request twice");
        r.bytes = undefined;
        return b;
    }
}

let gc: (() => void) | null | undefined;

/**
 * A full collection of the gate's heap, where V8 lets the gate ask for one (`gc` of a context made while
 * `--expose-gc` is set; the flag is unset again at once); otherwise nothing, and V8 collects when it decides.
 */
function collectGarbage(): boolean {
    if (gc === undefined) {
        gc = null;
        try {
            v8.setFlagsFromString("--expose-gc");
            const f: unknown = vm.runInNewContext("gc");
            if (typeof f === "function") gc = f as () => void;
            v8.setFlagsFromString("--no-expose-gc");
        } catch {
            // no collection on demand
        }
    }
    gc?.();
    return gc !== null;
}

/**
 * Collects again, at widening intervals, until no request-sized buffer is left: grpc-js holds a request's bytes (and
 * its framed copy) until they are written, and V8 frees them at its next collection, which an idle gate never has.
 * Returns what stops it.
 */
function collectOnceFreed(size: number): () => void {
    let timer: NodeJS.Timeout | undefined;
    const after = (ms: number) => {
        timer = setTimeout(() => {
            collectGarbage();
            if (process.memoryUsage().arrayBuffers >= size) after(ms * 2);
        }, ms).unref();
    };
    if (size > 0) after(250);
    return () => clearTimeout(timer);
}

/** The line of a failed start's stderr worth showing: the error, not Node's source excerpt. */
function startFailure(stderr: string): string {
    const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
    return lines.find((l) => /^(\w*Error|error)\b/.test(l)) ?? lines[lines.length - 1] ?? "no output";
}

export interface StackIdentity {
    readonly project: string;
    readonly stack: string;
    readonly organization: string;
    readonly config: Readonly<Record<string, string>>;
    readonly configSecretKeys: readonly string[];
    readonly tags: Readonly<Record<string, string>>;
}

/** The `PULUMI_*` environment the engine gives a Node.js pack (analyzer_plugin.go `constructEnv`). */
function packEnvironment(id: StackIdentity | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (!id) return env;
    const set = (k: string, v: string) => {
        if (v !== "") env[k] = v;
    };
    // Only non-secret config: the gate never holds a decrypted secret.
    if (Object.keys(id.config).length) set("PULUMI_CONFIG", JSON.stringify(id.config));
    for (const prefix of ["PULUMI_NODEJS_", "PULUMI_"]) {
        set(`${prefix}ORGANIZATION`, id.organization);
        set(`${prefix}PROJECT`, id.project);
        set(`${prefix}STACK`, id.stack);
        set(`${prefix}DRY_RUN`, "true");
    }
    return env;
}

export interface StartOptions {
    /** The pack folder (holding PulumiPolicy.yaml). */
    readonly dir: string;
    /** Extra environment for the pack (e.g. SRGUARD_TODAY, the date exemptions are judged on). */
    readonly env?: Readonly<Record<string, string>>;
    /** How the folder is named in messages. */
    readonly display: string;
    /** The stack the pack is started for (its `PULUMI_*` environment), when there is one. */
    readonly stack?: StackIdentity;
}

export class PolicyPack {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: analyzerGrpcTypes.AnalyzerClient,
        readonly port: number,
        /** Milliseconds from spawn to the port line. */
        readonly startupMs: number,
        private readonly yamlVersion: string | undefined,
    ) {}

    /** Starts the pack and connects to it. */
    static async start(opts: StartOptions): Promise<PolicyPack> {
        const manifest = path.join(opts.dir, "PulumiPolicy.yaml");
        if (!fs.existsSync(manifest)) throw new GateError(`${opts.display}: not a policy pack (no PulumiPolicy.yaml)`);
        const yamlVersion = /^version:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(manifest, "utf8"))?.[1];
        const runner = policyPackRunner(opts.dir);
        if (runner === undefined) throw new GateError(`${opts.display}: @pulumi/pulumi is not installed for this policy pack (run npm install)`);
        const started = process.hrtime.bigint();
        const child = track(
            spawn(process.execPath, [runner, ENGINE_ADDRESS, "."], {
                cwd: opts.dir,
                env: { ...packEnvironment(opts.stack), ...opts.env },
                stdio: ["ignore", "pipe", "pipe"],
            }),
        );
        let stderr = "";
        child.stderr?.setEncoding("utf8");
        child.stderr?.on("data", (d: string) => {
            stderr = (stderr + d).slice(-8192);
        });
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            const timer = setTimeout(() => {
                stop(child);
                reject(new GateError(`${opts.display}: the policy pack did not start within ${START_TIMEOUT_MS / 1000} s`));
            }, START_TIMEOUT_MS);
            const onExit = (code: number | null) => {
                clearTimeout(timer);
                reject(new GateError(`${opts.display}: the policy pack failed to start (exit ${code ?? "signal"}): ${startFailure(stderr)}`));
            };
            child.once("exit", onExit);
            child.stdout?.setEncoding("utf8");
            const onData = (d: string) => {
                out += d;
                const nl = out.indexOf("\n");
                if (nl < 0) return;
                child.stdout?.off("data", onData);
                child.stdout?.resume(); // keep draining whatever the policies print later
                child.off("exit", onExit);
                clearTimeout(timer);
                const p = Number(out.slice(0, nl).trim());
                if (!Number.isInteger(p) || p <= 0) {
                    stop(child);
                    reject(new GateError(`${opts.display}: the policy pack printed no port (got '${oneLine(out)}')`));
                } else resolve(p);
            };
            child.stdout?.on("data", onData);
        });
        const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
        child.once("exit", () => client.close());
        return new PolicyPack(child, client, port, startupMs, yamlVersion);
    }

    async info(): Promise<PackInfo> {
        const res = await unary<emptyPbTypes.Empty, analyzerPbTypes.AnalyzerInfo>(
            (r, cb) => this.client.getAnalyzerInfo(r, cb),
            new Empty(),
            "GetAnalyzerInfo",
        );
        const initialConfig = new Map<string, PolicyConfigValue>();
        res.getInitialconfigMap().forEach((v, k) => {
            initialConfig.set(k, { enforcementLevel: level(v.getEnforcementlevel()), properties: fromStruct(v.getProperties()) });
        });
        return {
            name: res.getName(),
            // As the engine: the version in PulumiPolicy.yaml, if set, wins over the one the pack reports.
            version: this.yamlVersion ?? res.getVersion(),
            displayName: res.getDisplayname(),
            description: res.getDescription(),
            initialConfig,
            policies: res.getPoliciesList().map((p) => {
                const framework = p.getFramework();
                const schema = p.getConfigschema()?.getProperties();
                const type = p.getPolicyType();
                return {
                    name: p.getName(),
                    displayName: p.getDisplayname(),
                    description: p.getDescription(),
                    enforcementLevel: level(p.getEnforcementlevel()),
                    severity: SEVERITIES[p.getSeverity()],
                    kind:
                        type === pb.PolicyType.POLICY_TYPE_RESOURCE ? "resource" : type === pb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
                    tags: p.getTagsList(),
                    remediation: p.getRemediationSteps(),
                    url: p.getUrl(),
                    ...(framework
                        ? { framework: { name: framework.getName(), version: framework.getVersion(), reference: framework.getReference() } }
                        : {}),
                    ...(schema ? { configSchema: fromStruct(schema) } : {}),
                };
            }),
        };
    }

    async configureStack(id: StackIdentity): Promise<void> {
        const req = new pb.AnalyzerStackConfigureRequest();
        req.setStack(id.stack);
        req.setProject(id.project);
        req.setOrganization(id.organization);
        req.setDryRun(true);
        req.setConfigSecretKeysList([...id.configSecretKeys]);
        const config = req.getConfigMap();
        for (const [k, v] of Object.entries(id.config)) config.set(k, v);
        const tags = req.getTagsMap();
        for (const [k, v] of Object.entries(id.tags)) tags.set(k, v);
        await unary<analyzerPbTypes.AnalyzerStackConfigureRequest, analyzerPbTypes.AnalyzerStackConfigureResponse>(
            (r, cb) => this.client.configureStack(r, cb),
            req,
            "ConfigureStack",
        );
    }

    async configure(config: ReadonlyMap<string, PolicyConfigValue>): Promise<void> {
        // As the engine: no Configure call when there is nothing to configure.
        if (config.size === 0) return;
        const req = new pb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const [name, c] of config) {
            const pc = new pb.PolicyConfig();
            pc.setEnforcementlevel(LEVEL_CODES[c.enforcementLevel]);
            pc.setProperties(toStruct(c.properties));
            map.set(name, pc);
        }
        await unary<analyzerPbTypes.ConfigureAnalyzerRequest, emptyPbTypes.Empty>((r, cb) => this.client.configure(r, cb), req, "Configure");
    }

    /**
     * A unary call whose request is bytes the gate encoded itself (encodeAnalyzeRequest, analyzeStackRequestBytes):
     * what the stubs would send for the message, without building google-protobuf's objects for it.
     */
    private encodedCall<Res>(method: EncodedMethod<Res>, request: RequestBytes, what: string): Promise<Res> {
        return new Promise((resolve, reject) => {
            this.client.makeUnaryRequest(method.path, RequestBytes.take, method.responseDeserialize, request, (err, res) => {
                if (err) reject(new GateError(`the policy pack failed during ${what}: ${oneLine(err.details || err.message)}`));
                else resolve(res as Res);
            });
        });
    }

    async analyze(r: GateResource, props: JsonObject, provider: ProviderView | undefined): Promise<Diagnostic[]> {
        return this.analyzeBytes(encodeAnalyzeRequest(r, props, provider), r.urn);
    }

    /** Analyze with a request already encoded (`encodeAnalyzeRequest`) for the resource `urn`. */
    async analyzeBytes(request: Buffer, urn: string): Promise<Diagnostic[]> {
        const res = await this.encodedCall(analyzerGrpc.AnalyzerService.analyze, new RequestBytes(request), `Analyze(${urn})`);
        return diagnostics(res);
    }

    /** Remediations the pack applies to a resource: the properties after them, and their advisory diagnostics. */
    async remediate(
        r: GateResource,
        provider: ProviderView | undefined,
    ): Promise<{ props: JsonObject; diagnostics: Diagnostic[] }> {
        const res = await this.encodedCall(analyzerGrpc.AnalyzerService.remediate, new RequestBytes(encodeAnalyzeRequest(r, r.inputs, provider)), `Remediate(${r.urn})`);
        let props = r.inputs;
        const diags: Diagnostic[] = [];
        for (const rem of res.getRemediationsList()) {
            if (rem.getDiagnostic()) {
                diags.push({
                    policyName: rem.getPolicyname(),
                    policyPackName: rem.getPolicypackname(),
                    policyPackVersion: rem.getPolicypackversion(),
                    description: rem.getDescription(),
                    message: rem.getDiagnostic(),
                    enforcementLevel: "advisory",
                    severity: undefined,
                    urn: r.urn,
                });
            } else if (rem.hasProperties()) {
                props = fromStruct(rem.getProperties());
            }
        }
        return { props, diagnostics: diags };
    }

    async analyzeStack(stack: GateStack, providerOf: (r: GateResource) => ProviderView | undefined): Promise<Diagnostic[]> {
        // The pack's biggest call, while the gate waits: the gate's heap gives back the Analyze calls' garbage first,
        // and the request's bytes once written (the tree's peak is the pack's during this call, plus the gate's).
        const collecting = collectGarbage();
        const request = new RequestBytes(analyzeStackRequestBytes(stack, providerOf));
        const stopCollecting = collecting ? collectOnceFreed(request.size) : () => undefined;
        try {
            return diagnostics(await this.encodedCall(analyzerGrpc.AnalyzerService.analyzeStack, request, "AnalyzeStack"));
        } finally {
            stopCollecting();
        }
    }

    /** The pack's process id (for measuring it). */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** Stops the pack. */
    close(): void {
        this.client.close();
        stop(this.child);
    }
}

/** The `Analyze` (and `Remediate`) request for a resource: its inputs after the provider's Check, and its provider. */
export function analyzeRequest(r: GateResource, props: JsonObject, provider: ProviderView | undefined): analyzerPbTypes.AnalyzeRequest {
    const req = new pb.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(r.name);
    req.setProperties(toStruct(props));
    req.setOptions(resourceOptions(r.parent, r.options));
    if (provider) req.setProvider(providerMessage(provider));
    return req;
}

/** The `AnalyzeStack` request: every resource's outputs, parent, dependencies and property dependencies. */
export function analyzeStackRequest(
    stack: GateStack,
    providerOf: (r: GateResource) => ProviderView | undefined,
): analyzerPbTypes.AnalyzeStackRequest {
    const req = new pb.AnalyzeStackRequest();
    req.setResourcesList(stack.resources.map((r) => analyzerResource(r, providerOf)));
    return req;
}

function analyzerResource(r: GateResource, providerOf: (r: GateResource) => ProviderView | undefined): analyzerPbTypes.AnalyzerResource {
    const m = new pb.AnalyzerResource();
    m.setUrn(r.urn);
    m.setType(r.type);
    m.setName(r.name);
    m.setProperties(toStruct(r.outputs));
    m.setOptions(resourceOptions(r.parent, r.options));
    const provider = providerOf(r);
    if (provider) m.setProvider(providerMessage(provider));
    if (r.parent) m.setParent(r.parent);
    m.setDependenciesList([...r.dependencies]);
    const deps = m.getPropertydependenciesMap();
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
        if (urns.length === 0) continue;
        const d = new pb.AnalyzerPropertyDependencies();
        d.setUrnsList([...urns]);
        deps.set(k, d);
    }
    return m;
}

// ---------------------------------------------------------------------------------------------------------------
// The requests as bytes
//
// Written through policies/core/protobuf-wire.ts as google-protobuf serialises the generated messages (the reference
// builders analyzeRequest / analyzeStackRequest, held to these bytes by tests/gate/stack-request.test.ts): fields in
// the generated writer's order, proto3 defaults left out, `oneof` members and map keys written even when empty, map
// entries sorted by key.

/** google.protobuf.Value, as `Value.fromJavaScript` builds it. */
function encodeValue(w: Sink, v: Json): void {
    if (v === null) return w.uint(1, 0);
    switch (typeof v) {
        case "number":
            return w.double(2, v);
        case "string":
            return w.string(3, v);
        case "boolean":
            return w.uint(4, v ? 1 : 0);
        case "object":
            if (Array.isArray(v)) return w.message(6, encodeList, v, undefined);
            return w.message(5, encodeStruct, v, undefined);
        default:
            // As Value.fromJavaScript, which has no encoding for `undefined` (JSON never holds one).
            throw new GateError(`internal error: a property value of type ${typeof v} cannot be sent`);
    }
}

function encodeList(w: Sink, list: readonly Json[]): void {
    for (const e of list) w.message(1, encodeValue, e, undefined);
}

function encodeStructEntry(w: Sink, key: string, v: Json): void {
    w.string(1, key);
    w.message(2, encodeValue, v, undefined);
}

/**
 * The keys of a protobuf map, in the order google-protobuf writes them: sorted, and without `__proto__` (its maps keep
 * entries in a plain object, where that key sets the prototype instead).
 */
function mapKeys(o: object): string[] {
    return Object.keys(o)
        .filter((k) => k !== "__proto__")
        .sort();
}

/** google.protobuf.Struct, as `Struct.fromJavaScript` builds it. */
function encodeStruct(w: Sink, o: JsonObject): void {
    for (const k of mapKeys(o)) {
        w.message(1, encodeStructEntry, k, o[k] as Json);
    }
}

function encodeStrings(w: Sink, field: number, list: readonly string[]): void {
    for (const s of list) w.string(field, s);
}

function encodeTimeouts(w: Sink, t: ResourceOptionsView["customTimeouts"]): void {
    if (t && t.create !== 0) w.double(1, t.create);
    if (t && t.update !== 0) w.double(2, t.update);
    if (t && t.delete !== 0) w.double(3, t.delete);
}

/** AnalyzerResourceOptions (see resourceOptions). */
function encodeOptions(w: Sink, o: ResourceOptionsView, parent: string | undefined): void {
    if (o.protect) w.uint(1, 1);
    encodeStrings(w, 2, o.ignoreChanges);
    if (o.deleteBeforeReplace) w.uint(3, 1);
    if (o.deleteBeforeReplace !== undefined) w.uint(4, 1);
    encodeStrings(w, 5, o.additionalSecretOutputs);
    encodeStrings(w, 6, o.aliases);
    w.message(7, encodeTimeouts, o.customTimeouts, undefined);
    if (parent) w.string(8, parent);
}

function encodeProvider(w: Sink, p: ProviderView): void {
    if (p.type) w.string(1, p.type);
    w.message(2, encodeStruct, p.inputs, undefined);
    if (p.urn) w.string(3, p.urn);
    if (p.name) w.string(4, p.name);
}

/** One encoding per provider (see providerMessage). */
const providerBytes = new WeakMap<ProviderView, Buffer>();

function encodedProvider(p: ProviderView): Buffer {
    const cached = providerBytes.get(p);
    if (cached) return cached;
    const bytes = encodeMessage((w) => encodeProvider(w, p));
    providerBytes.set(p, bytes);
    return bytes;
}

/** The fields AnalyzeRequest and AnalyzerResource share (1–6). */
function encodeResourceHead(w: Sink, r: GateResource, props: JsonObject, provider: ProviderView | undefined): void {
    if (r.type) w.string(1, r.type);
    w.message(2, encodeStruct, props, undefined);
    if (r.urn) w.string(3, r.urn);
    if (r.name) w.string(4, r.name);
    w.message(5, encodeOptions, r.options, r.parent);
    if (provider) w.encoded(6, encodedProvider(provider));
}

function encodePropertyDependency(w: Sink, key: string, urns: readonly string[]): void {
    w.string(1, key);
    w.message(2, encodeStrings, 1, urns);
}

/** AnalyzerResource (see analyzerResource). */
function encodeStackResource(w: Sink, r: GateResource, providerOf: (r: GateResource) => ProviderView | undefined): void {
    encodeResourceHead(w, r, r.outputs, providerOf(r));
    if (r.parent) w.string(7, r.parent);
    encodeStrings(w, 8, r.dependencies);
    for (const k of mapKeys(r.propertyDependencies)) {
        const urns = r.propertyDependencies[k];
        if (urns && urns.length > 0) w.message(9, encodePropertyDependency, k, urns);
    }
}

/** `analyzeRequest(r, props, provider).serializeBinary()`, byte for byte. */
export function encodeAnalyzeRequest(r: GateResource, props: JsonObject, provider: ProviderView | undefined): Buffer {
    return encodeMessage((w) => encodeResourceHead(w, r, props, provider));
}

/**
 * `analyzeStackRequest(...).serializeBinary()`, byte for byte, encoded straight into one buffer: the request's only
 * field is `repeated AnalyzerResource resources = 1`. Resource by resource, so the lengths measured are only ever one
 * resource's, and without google-protobuf's message objects (its writer keeps a JS array of numbers, 8 bytes per
 * byte of message): the gate's garbage is a small fraction of the request, where it used to be many times it.
 */
export function analyzeStackRequestBytes(stack: GateStack, providerOf: (r: GateResource) => ProviderView | undefined): Buffer {
    const m = new Measure();
    let total = 0;
    for (const r of stack.resources) {
        m.reset().message(1, encodeStackResource, r, providerOf);
        total += m.size;
    }
    const buf = Buffer.allocUnsafe(total);
    let pos = 0;
    for (const r of stack.resources) {
        m.reset().message(1, encodeStackResource, r, providerOf);
        const w = new Write(buf, m.lengths, pos);
        w.message(1, encodeStackResource, r, providerOf);
        if (w.pos !== pos + m.size) throw new GateError("internal error: a request was written differently from how it was measured");
        pos = w.pos;
    }
    return buf;
}

/** The provider a resource refers to, as the engine hands it to the analyzer (`providerResource.Inputs`). */
export function providerResolver(stack: GateStack, warn: (message: string) => void): (r: GateResource) => ProviderView | undefined {
    const byUrn = new Map<string, GateResource>();
    for (const r of stack.resources) byUrn.set(r.urn, r);
    const cache = new Map<string, ProviderView | undefined>();
    return (r) => {
        if (!r.provider) return undefined;
        if (cache.has(r.provider)) return cache.get(r.provider);
        const ref = parseProviderRef(r.provider);
        let view: ProviderView | undefined;
        if (ref) {
            const p = byUrn.get(ref.urn);
            const parsed = parseUrn(ref.urn);
            if (p) view = { urn: p.urn, type: p.type, name: p.name, inputs: p.inputs };
            else if (parsed) {
                warn(`provider ${ref.urn} is not in ${stack.origin}; policies see it without properties`);
                view = { urn: ref.urn, type: parsed.type, name: parsed.name, inputs: {} };
            }
        }
        cache.set(r.provider, view);
        return view;
    };
}
