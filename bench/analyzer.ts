// A thin Analyzer client for measuring packs. Requests are built once with the gate's own builders (gate/pack.ts) and
// sent as pre-serialised bytes, so what a run times is the pack, not the client; the pack's CPU time is read from
// /proc/<pid>/stat.

import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import type { GateStack } from "../gate/model";
import { analyzeRequest, analyzeStackRequestBytes, providerResolver } from "../gate/pack";

const stubRequire = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
const grpc = stubRequire("@grpc/grpc-js") as typeof grpcTypes;
const pb = stubRequire("./analyzer_pb.js") as typeof analyzerPbTypes;

const MAX_MESSAGE = 400 * 1024 * 1024;

export interface Requests {
    /** One serialised AnalyzeRequest per analyzed resource, in stack order. */
    readonly analyze: readonly Buffer[];
    readonly analyzeStack: Buffer;
    /** Resources in the AnalyzeStack request. */
    readonly resources: number;
}

export function buildRequests(stack: GateStack): Requests {
    const providerOf = providerResolver(stack, () => undefined);
    const analyze = stack.resources.filter((r) => r.analyze).map((r) => Buffer.from(analyzeRequest(r, r.inputs, providerOf(r)).serializeBinary()));
    return { analyze, analyzeStack: analyzeStackRequestBytes(stack, providerOf), resources: stack.resources.length };
}

export type Method = "Analyze" | "AnalyzeStack";

export class RawAnalyzer {
    private readonly client: grpcTypes.Client;

    constructor(port: number) {
        this.client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
    }

    call(method: Method, request: Buffer): Promise<Buffer> {
        return new Promise((resolve, reject) => {
            this.client.makeUnaryRequest<Buffer, Buffer>(
                `/pulumirpc.Analyzer/${method}`,
                (b) => b,
                (b) => b,
                request,
                (err, value) => (err || !value ? reject(err ?? new Error(`${method}: no response`)) : resolve(value)),
            );
        });
    }

    /** Sends every request with at most `concurrency` in flight; the responses keep the requests' order. */
    async analyzeAll(requests: readonly Buffer[], concurrency: number): Promise<Buffer[]> {
        const out = new Array<Buffer>(requests.length);
        let next = 0;
        const worker = async () => {
            while (next < requests.length) {
                const i = next++;
                out[i] = await this.call("Analyze", requests[i] as Buffer);
            }
        };
        await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, requests.length)) }, worker));
        return out;
    }

    close(): void {
        this.client.close();
    }
}

export interface DiagnosticView {
    readonly policyName: string;
    readonly urn: string;
    readonly enforcementLevel: number;
    readonly message: string;
}

export function diagnosticsOf(response: Buffer): DiagnosticView[] {
    return pb.AnalyzeResponse.deserializeBinary(response)
        .getDiagnosticsList()
        .map((d) => ({ policyName: d.getPolicyname(), urn: d.getUrn(), enforcementLevel: d.getEnforcementlevel(), message: d.getMessage() }));
}

/**
 * A digest of the diagnostics of responses, in order, byte for byte (not of their "not applicable" entries, which
 * srguard's routing leaves out for policies that do not look at a type): equal digests, equal verdicts.
 */
export function digestOf(responses: readonly Buffer[]): string {
    const h = crypto.createHash("sha256");
    for (const r of responses) {
        for (const d of pb.AnalyzeResponse.deserializeBinary(r).getDiagnosticsList()) h.update(d.serializeBinary());
        h.update("\n");
    }
    return h.digest("hex").slice(0, 16);
}

let clockTicks: number | undefined;

function ticksPerSecond(): number {
    if (clockTicks === undefined) {
        try {
            clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
        } catch {
            clockTicks = 100;
        }
    }
    return clockTicks;
}

/** utime + stime of a /proc/<pid>/stat line's fields after "pid (comm) " (state is field 3, utime 14, stime 15), in ms. */
function cpuMsOfStat(fields: readonly string[]): number {
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
}

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined when /proc cannot tell. */
export function processCpuMs(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return cpuMsOfStat(stat.slice(stat.lastIndexOf(")") + 2).split(" "));
    } catch {
        return undefined;
    }
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
export function processPeakRssMb(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return m?.[1] ? Number(m[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}

/** Which part of a gate run a process is, from its command line. */
export const PROCESS_ROLES = ["runners", "pack", "gate", "other"] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** A figure for every role. */
export function perRole(f: (role: ProcessRole) => number): Record<ProcessRole, number> {
    const out = {} as Record<ProcessRole, number>;
    for (const role of PROCESS_ROLES) out[role] = f(role);
    return out;
}

function roleOf(pid: number): ProcessRole {
    try {
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        if (argv.some((a) => a.includes("run-policy-pack"))) return "pack";
        if (argv.some((a) => a.endsWith("gate/runner.js"))) return "runners";
        if (argv.some((a) => a.endsWith("gate/cli.js"))) return "gate";
    } catch {
        // exited meanwhile
    }
    return "other";
}

/**
 * What a process tree's processes have used, sampled: the last CPU time (user + system, all threads) seen of every
 * process that was in the tree, by pid, with its role. A process's CPU after its last sample is missed (at most one
 * sampling interval of it).
 */
export class TreeCpu {
    private readonly seen = new Map<number, { role: ProcessRole; ms: number }>();

    note(pid: number, statAfterComm: readonly string[]): void {
        const ms = cpuMsOfStat(statAfterComm);
        const known = this.seen.get(pid);
        if (!known) {
            this.seen.set(pid, { role: roleOf(pid), ms });
            return;
        }
        known.ms = Math.max(known.ms, ms);
        // A child is seen with its parent's command line until it execs, and with none once it has exited.
        if (known.role === "gate" || known.role === "other") {
            const again = roleOf(pid);
            if (again !== "other") known.role = again;
        }
    }

    /** CPU ms by role, summed over the processes seen. */
    byRole(): Record<ProcessRole, number> {
        const out = perRole(() => 0);
        for (const { role, ms } of this.seen.values()) out[role] += ms;
        return out;
    }
}

/**
 * Resident memory of a process and all its descendants now, in MB (0 once it is gone); with `cpu`, also notes every
 * one's CPU time so far.
 */
export function treeRssMb(pid: number, cpu?: TreeCpu): number {
    // Parent → children from /proc/<pid>/stat (field 4): the kernel here has no /proc/<pid>/task/<tid>/children.
    const children = new Map<number, number[]>();
    const stats = new Map<number, string[]>();
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            const ppid = Number(fields[1]);
            const list = children.get(ppid) ?? [];
            list.push(Number(entry));
            children.set(ppid, list);
            if (cpu) stats.set(Number(entry), fields);
        } catch {
            // exited meanwhile
        }
    }
    let totalKb = 0;
    const visit = (p: number) => {
        try {
            const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
            if (m?.[1]) totalKb += Number(m[1]);
        } catch {
            // exited meanwhile
        }
        const fields = stats.get(p);
        if (cpu && fields) cpu.note(p, fields);
        for (const c of children.get(p) ?? []) visit(c);
    };
    visit(pid);
    return totalKb / 1024;
}
