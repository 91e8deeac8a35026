// The program runner: a child process (forked by preview.ts) that runs one Pulumi Node.js program offline, under the
// real `@pulumi/pulumi` runtime in preview mode (`setMocks(..., preview = true)`), with the gate as its resource
// monitor (mock-monitor.ts). The program's `@pulumi/pulumi` is the one its folder resolves (falling back to srguard's),
// so the mocks are set on the copy the program actually uses; TypeScript is compiled as it is required
// (typescript-loader.ts). Every SDK internal it relies on is in sdk-contract.ts; what falls back is said among the
// stack's warnings (the gate prints them on stderr).

import { type RecordedRun, installMonitor } from "./mock-monitor";
import type { RunJob, RunResult } from "./runner-protocol";
import { type Noter, loadProgramRuntime, loadTypeScript, programSdkRoot } from "./sdk-contract";
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

async function run(job: RunJob): Promise<RunResult> {
    process.chdir(job.programDir);
    const recorded: RecordedRun = {
        registrations: [],
        warnings: [],
        warn(m) {
            if (!this.warnings.includes(m)) this.warnings.push(m);
        },
    };
    const note: Noter = (what, why) => recorded.warn(`${what} is off: ${why}`);
    const runtime = loadProgramRuntime(programSdkRoot(job.programDir, note), note);

    await runtime.pulumi.runtime.setMocks(
        {
            newResource: () => ({ id: undefined, state: {} }),
            call: (args) => {
                recorded.warn(`data source ${args.token} cannot run offline: the program saw an empty result`);
                return {};
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
    if (job.typescript) registerTypeScript(job.programDir, loadTypeScript(job.programDir, runtime.root, note));
    await runtime.runInPulumiStack(async () => {
        const program: unknown = require(entry);
        return typeof program === "function" ? await (program as () => unknown)() : program;
    });
    await runtime.waitForRPCs();
    return { kind: "result", registrations: recorded.registrations, warnings: recorded.warnings };
}

process.on("uncaughtException", (e) => void finish({ kind: "error", message: errorMessage(e) }));
process.on("unhandledRejection", (e) => void finish({ kind: "error", message: errorMessage(e) }));
process.once("message", (job: RunJob) => {
    run(job).then(
        (result) => finish(result),
        (e: unknown) => finish({ kind: "error", message: errorMessage(e) }),
    );
});
