// One stack through the pack, call for call as the engine makes them during a preview: ConfigureStack, then for
// every resource (Remediate, when a policy runs at the remediate level, then) Analyze with its inputs and provider,
// then AnalyzeStack with every resource's outputs, parent and dependencies. Analyze calls go out concurrently (the
// analyzer server handles them independently); the findings are put back in resource order.

import { type ParsedExemptionLine, parseExemptionLine } from "../policies/core/exemptions";
import { anyRemediation } from "./config";
import type { GateResource, GateStack, SourcePosition } from "./model";
import { ROOT_STACK_TYPE } from "./model";
import type { Diagnostic, PolicyConfigValue, PolicyPack, Severity } from "./pack";
import { encodeAnalyzeRequest, providerResolver } from "./pack";

export interface Finding {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly policyPackVersion: string;
    readonly description: string;
    /** The diagnostic's message as the SDK made it (the policy's description, then what the policy reported). */
    readonly message: string;
    readonly enforcementLevel: "mandatory" | "advisory";
    readonly severity: Severity | undefined;
    readonly urn: string;
    readonly resourceType: string;
    readonly resourceName: string;
    readonly source?: SourcePosition;
    /** Which call reported it. */
    readonly stage: "resource" | "stack";
    /**
     * The exemption the pack applied (`exempted`: reported as advisory, not a violation) or found expired (`expired`:
     * the violation counts, at its level), read from the message's last line (policies/core/exemptions.ts).
     */
    readonly exemption?: FindingExemption;
}

export type FindingExemption = ParsedExemptionLine;

/** The exemption line of an srguard diagnostic: an `exempted` one only counts when the pack made it advisory. */
function exemptionOf(d: Diagnostic): { exemption?: FindingExemption } {
    const e = parseExemptionLine(d.message);
    if (!e || (e.status === "exempted" && d.enforcementLevel !== "advisory")) return {};
    return { exemption: e };
}

/** Whether a finding is exempted (reported apart from violations, never blocking). */
export function isExempted(f: Finding): boolean {
    return f.exemption?.status === "exempted";
}

export interface StackResult {
    readonly stack: GateStack;
    readonly findings: readonly Finding[];
    /** Resources the pack evaluated (every resource of the stack, as AnalyzeStack sees them). */
    readonly resources: number;
    readonly warnings: readonly string[];
    /**
     * Violations found only when the program is evaluated a second time as `pulumi up` would see it (computed values
     * resolved to stand-ins, gate/would-block.ts): absent when that pass did not run.
     */
    readonly wouldBlock?: readonly Finding[];
}

export interface EvaluateOptions {
    readonly config: ReadonlyMap<string, PolicyConfigValue>;
    /** Analyze calls in flight at once. */
    readonly concurrency: number;
    readonly onProgress?: (done: number, total: number) => void;
    /**
     * Analyze requests (their bytes) to record as they are sent (`sent`), and requests whose answer the caller does
     * not need (`skip`: the same request was answered before, and the caller drops what it would say again; see
     * gate/would-block.ts). Left alone when a policy runs at the remediate level (the request follows Remediate).
     */
    readonly analyzeRequests?: { readonly sent?: Set<string>; readonly skip?: ReadonlySet<string> };
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i] as T, i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

function rootStackUrn(stack: GateStack): string {
    return `urn:pulumi:${stack.stack}::${stack.project}::${ROOT_STACK_TYPE}::${stack.project}-${stack.stack}`;
}

export async function evaluateStack(pack: PolicyPack, stack: GateStack, opts: EvaluateOptions): Promise<StackResult> {
    const warnings = [...stack.warnings];
    const warn = (m: string) => {
        if (!warnings.includes(m)) warnings.push(m);
    };
    const providerOf = providerResolver(stack, warn);
    const byUrn = new Map<string, { r: GateResource; index: number }>();
    stack.resources.forEach((r, index) => byUrn.set(r.urn, { r, index }));
    const remediate = anyRemediation(opts.config);

    await pack.configureStack(stack);

    const analyzed = stack.resources.filter((r) => r.analyze);
    let done = 0;
    const perResource = await mapBounded(analyzed, opts.concurrency, async (r) => {
        const provider = providerOf(r);
        let props = r.inputs;
        const diags: Diagnostic[] = [];
        if (remediate) {
            const rem = await pack.remediate(r, provider);
            props = rem.props;
            diags.push(...rem.diagnostics);
        }
        const requests = remediate ? undefined : opts.analyzeRequests;
        if (requests) {
            const bytes = encodeAnalyzeRequest(r, props, provider);
            const key = bytes.toString("latin1");
            requests.sent?.add(key);
            if (!requests.skip?.has(key)) diags.push(...(await pack.analyzeBytes(bytes, r.urn)));
        } else diags.push(...(await pack.analyze(r, props, provider)));
        opts.onProgress?.(++done, analyzed.length);
        // As the engine: a resource's diagnostics are reported against the resource analyzed.
        return diags.map((d) => ({ d, urn: r.urn }));
    });
    const stackDiags = await pack.analyzeStack(stack, providerOf);

    const root = rootStackUrn(stack);
    const order = (urn: string) => byUrn.get(urn)?.index ?? -1;
    const finding = (d: Diagnostic, urn: string, stage: Finding["stage"]): Finding => {
        const r = byUrn.get(urn)?.r;
        return {
            policyName: d.policyName,
            policyPackName: d.policyPackName,
            policyPackVersion: d.policyPackVersion,
            description: d.description,
            message: d.message,
            // As the engine: a diagnostic at the remediate level is reported as mandatory.
            enforcementLevel: d.enforcementLevel === "advisory" ? "advisory" : "mandatory",
            severity: d.severity,
            urn,
            resourceType: r?.type ?? ROOT_STACK_TYPE,
            resourceName: r?.name ?? `${stack.project}-${stack.stack}`,
            ...(r?.source ? { source: r.source } : {}),
            stage,
            ...exemptionOf(d),
        };
    };
    const findings: Finding[] = [
        ...perResource.flat().map(({ d, urn }) => finding(d, urn, "resource")),
        // As the engine (plugin.AttributeStackDiagnostics): a stack diagnostic whose URN is not a resource of the
        // stack is attributed to the root stack.
        ...stackDiags.map((d) => finding(d, byUrn.has(d.urn) ? d.urn : root, "stack")),
    ];
    findings.sort(
        (a, b) =>
            order(a.urn) - order(b.urn) ||
            (a.stage === b.stage ? 0 : a.stage === "resource" ? -1 : 1) ||
            a.policyName.localeCompare(b.policyName) ||
            a.message.localeCompare(b.message),
    );
    return { stack, findings, resources: stack.resources.length, warnings };
}
