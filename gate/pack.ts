// The policy pack, started the way the Pulumi CLI starts a Node.js pack: `node @pulumi/pulumi/cmd/run-policy-pack
// <engine-address> .` with the pack folder as working directory. The pack prints its port on the first line of stdout;
// the gate then speaks `pulumirpc.Analyzer` to it with the stubs generated into `@pulumi/pulumi/proto`, exactly the
// calls the engine makes (sdk/go/common/resource/plugin/analyzer_plugin.go). Every diagnostic comes from
// `@pulumi/policy` itself: the gate never evaluates a policy.

import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { stop, track } from "./children";
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

    async analyze(r: GateResource, props: JsonObject, provider: ProviderView | undefined): Promise<Diagnostic[]> {
        const res = await unary<analyzerPbTypes.AnalyzeRequest, analyzerPbTypes.AnalyzeResponse>(
            (q, cb) => this.client.analyze(q, cb),
            analyzeRequest(r, props, provider),
            `Analyze(${r.urn})`,
        );
        return diagnostics(res);
    }

    /** Remediations the pack applies to a resource: the properties after them, and their advisory diagnostics. */
    async remediate(
        r: GateResource,
        provider: ProviderView | undefined,
    ): Promise<{ props: JsonObject; diagnostics: Diagnostic[] }> {
        const res = await unary<analyzerPbTypes.AnalyzeRequest, analyzerPbTypes.RemediateResponse>(
            (q, cb) => this.client.remediate(q, cb),
            analyzeRequest(r, r.inputs, provider),
            `Remediate(${r.urn})`,
        );
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
        // Sent as bytes serialised resource by resource (see analyzeStackRequestBytes).
        const method = analyzerGrpc.AnalyzerService.analyzeStack;
        const res = await unary<Buffer, analyzerPbTypes.AnalyzeResponse>(
            (q, cb) =>
                this.client.makeUnaryRequest(method.path, (b: Buffer) => b, method.responseDeserialize, q, (err, res) =>
                    cb(err, res as analyzerPbTypes.AnalyzeResponse),
                ),
            analyzeStackRequestBytes(stack, providerOf),
            "AnalyzeStack",
        );
        return diagnostics(res);
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

/**
 * `analyzeStackRequest(...).serializeBinary()`, byte for byte, built one resource at a time: the request's only
 * field is `repeated AnalyzerResource resources = 1`, so its encoding is each resource's encoding behind its tag and
 * length. google-protobuf serialises into a JS array of numbers (8 bytes per byte of message) and the whole request's
 * message objects would be alive at once; resource by resource, the gate's peak memory for a 10,000-resource stack
 * drops by ~40% (bench/results.md).
 */
export function analyzeStackRequestBytes(stack: GateStack, providerOf: (r: GateResource) => ProviderView | undefined): Buffer {
    const chunks: Buffer[] = [];
    for (const r of stack.resources) {
        const bytes = analyzerResource(r, providerOf).serializeBinary();
        chunks.push(Buffer.from(varintField(1, bytes.length)), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    return Buffer.concat(chunks);
}

/** The tag of length-delimited field `field` and the length, as protobuf encodes them. */
function varintField(field: number, length: number): number[] {
    const out = [(field << 3) | 2];
    let n = length;
    while (n > 0x7f) {
        out.push((n & 0x7f) | 0x80);
        n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
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
