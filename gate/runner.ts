// The program runner: a child process (forked by preview.ts) that runs one Pulumi Node.js program offline, under the
// real `@pulumi/pulumi` runtime in preview mode (`setMocks(..., preview = true)`), with the gate as its resource
// monitor (mock-monitor.ts). The program's `@pulumi/pulumi` is the one its folder resolves (falling back to srguard's),
// so the mocks are set on the copy the program actually uses; TypeScript is compiled as it is required
// (typescript-loader.ts). Every SDK internal it relies on is in sdk-contract.ts; what falls back is said among the
// stack's warnings (the gate prints them on stderr).

import { type CodeCache, cacheModuleCode } from "./code-cache";
import { answerInvoke } from "./invokes";
import { type RecordedRun, installMonitor } from "./mock-monitor";
import { parseProviderRef } from "./model";
import { programFrame, resolveJsToTs } from "./program-errors";
import type { RunJob, RunResult } from "./runner-protocol";
import { projectCacheDir } from "./paths";
import { type Noter, deferUnreachedModules, loadProgramRuntime, loadTypeScript, programSdkRoot, skipPromiseStacks, typeScriptIdentity } from "./sdk-contract";
import { formatProgramStacks } from "./stack-traces";
import { registerTypeScript } from "./typescript-loader";

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

const ANSWERED_BY = { user: "answered from --data-sources", exact: "computed offline", "stand-in": "a stand-in answer" } as const;

/** Each data source the program called, with how it was answered (said when the program fails). */
const dataSources = new Map<string, string>();
let programDir = process.cwd();

function failure(e: unknown): RunResult {
    const where = programFrame(e, programDir);
    return {
        kind: "error",
        message: errorMessage(e),
        ...(where ? { where } : {}),
        ...(dataSources.size ? { dataSources: [...dataSources].map(([token, how]) => `${token} (${how})`) } : {}),
    };
}

async function run(job: RunJob): Promise<RunResult> {
    programDir = job.programDir;
    process.chdir(job.programDir);
    const recorded: RecordedRun = {
        registrations: [],
        warnings: [],
        warn(m) {
            if (!this.warnings.includes(m)) this.warnings.push(m);
        },
    };
    const note: Noter = (what, why) => recorded.warn(`${what} is off: ${why}`);
    // Before the SDK loads: it and the provider SDKs are most of what a program loads.
    const codeDir = projectCacheDir(job.programDir, "srguard-v8");
    const codeCache: CodeCache | undefined = codeDir === undefined ? undefined : cacheModuleCode(codeDir);
    const sdkRoot = programSdkRoot(job.programDir, note);
    // Also before it loads: what it loads and no program run reaches waits for its first use (sdk-contract.ts 10).
    deferUnreachedModules(sdkRoot, note);
    const runtime = loadProgramRuntime(sdkRoot, note);
    skipPromiseStacks(runtime.root, note);
    formatProgramStacks(job.programDir, { mapProgramFrames: job.typescript });

    await runtime.pulumi.runtime.setMocks(
        {
            newResource: () => ({ id: undefined, state: {} }),
            call: (args) => {
                // The region of the call's provider (an explicit provider's `region`), else the stack's.
                const ref = typeof args.provider === "string" ? parseProviderRef(args.provider) : undefined;
                const provider = ref ? recorded.registrations.find((r) => r.urn === ref.urn) : undefined;
                const region = provider?.inputs["region"];
                const answer = answerInvoke(args.token, args.inputs as Record<string, unknown>, typeof region === "string" ? region : undefined, job.standIns, job.dataSources);
                const how = answer ? ANSWERED_BY[answer.source] : "an empty result";
                dataSources.set(args.token, how);
                if (!answer) {
                    recorded.warn(`data source ${args.token} cannot run offline: the program saw an empty result (answer it with --data-sources FILE)`);
                    return {};
                }
                return answer.result;
            },
        },
        job.project,
        job.stack,
        true,
        job.organization,
    );
    runtime.pulumi.runtime.setAllConfig({ ...job.config }, [...job.secretKeys]);
    installMonitor(runtime, job, recorded);

    const entry = job.entry;
    if (job.typescript) {
        const compilerIdentity = typeScriptIdentity(job.programDir, runtime.root);
        registerTypeScript(job.programDir, () => loadTypeScript(job.programDir, runtime.root, note), compilerIdentity === undefined ? {} : { compilerIdentity });
        resolveJsToTs(job.programDir);
    }
    await runtime.runInPulumiStack(async () => {
        const program: unknown = require(entry);
        return typeof program === "function" ? await (program as () => unknown)() : program;
    });
    await runtime.waitForRPCs();
    // Made after the program ran, the cache holds every function it called (written only when something was compiled).
    codeCache?.save();
    return { kind: "result", registrations: recorded.registrations, warnings: recorded.warnings };
}

process.on("uncaughtException", (e) => void finish(failure(e)));
process.on("unhandledRejection", (e) => void finish(failure(e)));
process.once("message", (job: RunJob) => {
    run(job).then(
        (result) => finish(result),
        (e: unknown) => finish(failure(e)),
    );
});
