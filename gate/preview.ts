// `srguard preview [DIR]`: a Pulumi Node.js program run offline (runner.ts, in a child process), turned into the
// stack the engine would hand the analyzer during `pulumi preview`.

import { fork } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { stop, track } from "./children";
import { GateError, inputError, oneLine } from "./errors";
import { type GateResource, type GateStack, ORGANIZATION } from "./model";
import type { StackIdentity } from "./pack";
import { runnerPath } from "./paths";
import { type Project, chooseStack, loadProject, loadStackConfig } from "./project";
import type { Registration, RunJob, RunResult } from "./runner-protocol";
import { readAnswersFile } from "./invokes";
import { standInContext } from "./standins";
import { type JsonObject, WireError, toAnalyzerProperties } from "./wire";

export interface PreviewOptions {
    readonly stack?: string;
    /** Milliseconds the program may run. */
    readonly timeoutMs?: number;
    /** The policy-pack config document (its `organizationAccountIds` choose the stand-in account). */
    readonly policyConfig?: JsonObject;
    /** A data-source answers file (`--data-sources`, invokes.ts). */
    readonly dataSourcesFile?: string;
}

function entryOf(project: Project): string {
    const main = project.main ?? ".";
    const entry = path.resolve(project.dir, main);
    if (!fs.existsSync(entry)) throw inputError(project.display, `the program's main '${main}' does not exist`);
    return entry;
}

function runProgram(job: RunJob, display: string, timeoutMs: number): Promise<Extract<RunResult, { kind: "result" }>> {
    const child = track(
        fork(runnerPath(), [], {
            cwd: job.programDir,
            // The program's own output is not the report: it is dropped (stderr is kept to explain a crash).
            stdio: ["ignore", "ignore", "pipe", "ipc"],
            execArgv: [],
        }),
    );
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (d: string) => {
        stderr = (stderr + d).slice(-8192);
    });
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (message: string) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            stop(child);
            reject(new GateError(`${display}: program failed: ${oneLine(message) || "no error message"}`));
        };
        const timer = setTimeout(() => fail(`did not finish within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
        child.on("message", (msg: RunResult) => {
            if (msg.kind === "error") {
                // Where the program failed, and what its data sources were given offline (a common cause).
                const where = msg.where ? ` (at ${msg.where})` : "";
                const sources = msg.dataSources?.length ? `; data sources offline: ${msg.dataSources.join(", ")}` : "";
                return fail(`${oneLine(msg.message)}${where}${sources}`);
            }
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(msg);
        });
        child.once("exit", (code, signal) => {
            if (settled) return;
            const last = stderr.split(/\r?\n/).filter((l) => l.trim() !== "").pop();
            fail(
                last
                    ? `exited (${code ?? signal}): ${last}`
                    : `exited (${code ?? signal}) before it finished (does it await a promise that never settles?)`,
            );
        });
        child.send(job);
    });
}

function toResource(r: Registration, display: string): GateResource {
    try {
        return {
            urn: r.urn,
            type: r.type,
            name: r.name,
            custom: r.custom,
            inputs: toAnalyzerProperties(r.inputs),
            outputs: toAnalyzerProperties(r.outputs),
            ...(r.parent ? { parent: r.parent } : {}),
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            ...(r.provider ? { provider: r.provider } : {}),
            options: {
                protect: r.protect,
                ignoreChanges: r.ignoreChanges,
                ...(r.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: r.deleteBeforeReplace } : {}),
                additionalSecretOutputs: r.additionalSecretOutputs,
                aliases: r.aliases,
                ...(r.customTimeouts ? { customTimeouts: r.customTimeouts } : {}),
            },
            analyze: !r.external,
            ...(r.source ? { source: r.source } : {}),
        };
    } catch (e) {
        if (e instanceof WireError) throw inputError(display, `${r.urn}: ${e.message}`);
        throw e;
    }
}

export interface PlannedPreview {
    /** The stack the program runs as (known before it runs, so that the pack can start meanwhile). */
    readonly identity: StackIdentity;
    /** The program as `pulumi preview` sees it. */
    run(): Promise<GateStack>;
    /** The program as `pulumi up` would see it: every computed value a stand-in (would-block.ts). */
    runAsUp(): Promise<GateStack>;
}

/** Reads the project and its stack config (fast, and where bad input is refused); `run` runs the program. */
export function planPreview(dir: string, opts: PreviewOptions = {}): PlannedPreview {
    const display = path.relative(process.cwd(), path.resolve(dir)) || ".";
    const project = loadProject(path.resolve(dir), display);
    const stack = chooseStack(project, opts.stack);
    const config = loadStackConfig(project, stack);
    const entry = entryOf(project);
    const secret = new Set(config.secretKeys);
    const publicConfig: Record<string, string> = {};
    for (const [k, v] of Object.entries(config.values)) if (!secret.has(k)) publicConfig[k] = v;
    const identity: StackIdentity = {
        project: project.name,
        stack,
        organization: ORGANIZATION,
        config: publicConfig,
        configSecretKeys: config.secretKeys,
        // The engine's built-in stack tags.
        tags: {
            "pulumi:project": project.name,
            "pulumi:runtime": project.runtime,
            ...(project.description ? { "pulumi:description": project.description } : {}),
        },
    };
    const job: RunJob = {
        kind: "run",
        programDir: project.dir,
        entry,
        typescript: project.typescript,
        project: project.name,
        stack,
        organization: ORGANIZATION,
        config: config.values,
        secretKeys: config.secretKeys,
        pass: "preview",
        standIns: standInContext(config.values, opts.policyConfig),
        dataSources: opts.dataSourcesFile !== undefined ? readAnswersFile(opts.dataSourcesFile, path.relative(process.cwd(), opts.dataSourcesFile) || opts.dataSourcesFile) : {},
    };
    const runAs = async (pass: RunJob["pass"]): Promise<GateStack> => {
        const result = await runProgram({ ...job, pass }, display, opts.timeoutMs ?? 300_000);
        return {
            origin: display,
            ...identity,
            resources: result.registrations.map((r) => toResource(r, display)),
            warnings: result.warnings,
        };
    };
    return { identity, run: () => runAs("preview"), runAsUp: () => runAs("up") };
}

/** Runs the program in `dir` for a stack and returns what the analyzer would see. */
export function previewProgram(dir: string, opts: PreviewOptions = {}): Promise<GateStack> {
    return planPreview(dir, opts).run();
}
