// Where one run of a program goes: the gate's program runner (gate/runner.ts), forked by `srguard preview` for the
// preview pass, under V8's CPU profiler from its first module to its exit, summed by package with profile.ts.
//
//   node -r ./bench/ts.js bench/runner-profile.ts PROGRAM_DIR [--top N]
//
// The runner is forked with the gate's own environment: a preload given in NODE_OPTIONS (--cpu-prof is not allowed
// there) starts the profiler through the inspector and writes the profile when the runner exits.

import * as fs from "node:fs";
import * as path from "node:path";
import { planPreview } from "../gate/preview";
import { type CpuProfile, PROFILER_SESSION, type ProfileSummary, summarize } from "./profile";

const TMP = path.resolve(__dirname, "tmp");

/** Profiles the preview pass of the program in `dir` (stack `bench`); the .cpuprofile file stays in bench/tmp/prof. */
export async function profileRunner(dir: string, top = 25): Promise<{ readonly summary: ProfileSummary; readonly resources: number }> {
    const out = path.join(TMP, "prof", `runner-${path.basename(dir)}-${Date.now()}`);
    fs.mkdirSync(out, { recursive: true });
    const preload = path.join(out, "profile-preload.js");
    const file = path.join(out, "runner.cpuprofile");
    fs.writeFileSync(
        preload,
        [
            ...PROFILER_SESSION,
            'session.post("Profiler.start");',
            // A same-thread session answers synchronously, so the profile is written before the process ends.
            'process.once("exit", () => session.post("Profiler.stop", (err, r) => {',
            `    if (!err) fs.writeFileSync(${JSON.stringify(file + ".tmp")}, JSON.stringify(r.profile));`,
            `    if (!err) fs.renameSync(${JSON.stringify(file + ".tmp")}, ${JSON.stringify(file)});`,
            "}));",
            "",
        ].join("\n"),
    );
    const plan = planPreview(dir, { stack: "bench" });
    const saved = process.env["NODE_OPTIONS"];
    process.env["NODE_OPTIONS"] = `--require=${preload}`;
    let run: ReturnType<typeof plan.run>;
    try {
        // fork copies the environment synchronously, before run() first waits.
        run = plan.run();
    } finally {
        if (saved === undefined) delete process.env["NODE_OPTIONS"];
        else process.env["NODE_OPTIONS"] = saved;
    }
    const stack = await run;
    // The runner exits after it has sent the stack: its profile follows.
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(file)) {
        if (Date.now() > deadline) throw new Error(`the runner wrote no profile (${file})`);
        await new Promise((r) => setTimeout(r, 50));
    }
    return { summary: summarize(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, top), resources: stack.resources.length };
}

if (require.main === module) {
    const dir = process.argv[2];
    const i = process.argv.indexOf("--top");
    if (!dir) {
        process.stderr.write("usage: node -r ./bench/ts.js bench/runner-profile.ts PROGRAM_DIR [--top N]\n");
        process.exit(2);
    }
    profileRunner(path.resolve(dir), i > 0 ? Number(process.argv[i + 1]) : 25)
        .then(({ summary: s, resources }) => {
            const line = (a: string, ms: number) => `${ms.toFixed(0).padStart(8)} ms  ${((ms / s.totalMs) * 100).toFixed(1).padStart(5)}%  ${a}`;
            process.stdout.write(`== the runner, ${resources} resources: ${s.totalMs.toFixed(0)} ms of CPU on its main thread (not idle)\n\nby package:\n`);
            for (const b of s.byBucket.filter((x) => x.ms >= 1)) process.stdout.write(`${line(b.bucket, b.ms)}\n`);
            process.stdout.write("\ntop functions (self time):\n");
            for (const f of s.byFunction) process.stdout.write(`${line(f.fn, f.ms)}\n`);
        })
        .catch((e: unknown) => {
            process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
            process.exit(1);
        });
}
