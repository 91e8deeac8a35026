// Every child process the gate starts (the policy pack, the program runner) is killed when the gate exits — on a
// normal exit, an error, or Ctrl-C — so that no analyzer server outlives its client.

import type { ChildProcess } from "node:child_process";

const live = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
    for (const child of live) {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    live.clear();
}

function hook(): void {
    if (hooked) return;
    hooked = true;
    process.on("exit", killAll);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
        process.once(signal, () => {
            killAll();
            process.exit(signal === "SIGINT" ? 130 : 143);
        });
    }
}

/** Tracks `child` until it exits; it is killed if the gate exits first. */
export function track(child: ChildProcess): ChildProcess {
    hook();
    live.add(child);
    child.once("exit", () => live.delete(child));
    return child;
}

/** Stops a tracked child now. */
export function stop(child: ChildProcess): void {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    live.delete(child);
}
