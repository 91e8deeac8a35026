#!/usr/bin/env node
// srguard: the offline policy gate. Evaluates the srguard pack (or another Node.js policy pack) exactly as the Pulumi
// engine does — the pack runs in its own analyzer server and the gate speaks pulumirpc.Analyzer to it — over a Pulumi
// program run offline (`preview`), a `pulumi preview --json` digest or a `pulumi stack export` file (`scan`).
//
// Exit codes: 0 no mandatory violation, 1 at least one (in the preview, or one that would block `pulumi up`; with
// --strict-unknowns also a mandatory policy that can't run during preview), 2 bad input or usage (one line on stderr,
// never a trace).

import * as fs from "node:fs";
import * as path from "node:path";
import { type Args, helpText, parseArgs } from "./args";
import { EXIT_BAD_INPUT, EXIT_MANDATORY, EXIT_OK, GateError, messageOf } from "./errors";
import type { StackResult } from "./evaluate";
import { formatJson } from "./formats/json";
import { declaredExemptions, declaredJson, declaredText, exemptionsEntry, gateToday } from "./exemptions";
import { formatJunit } from "./formats/junit";
import { formatMarkdown } from "./formats/markdown";
import { policiesJson, policiesText } from "./formats/policies";
import { formatSarif } from "./formats/sarif";
import { formatText } from "./formats/text";
import type { GateStack } from "./model";
import { REPO_ROOT } from "./paths";
import { type PlannedPreview, planPreview } from "./preview";
import { readConfigFile } from "./config";
import { type Report, failsGate, summarize } from "./report";
import { evaluateSamples } from "./samples";
import { packConfigFromSettings, readSettingsFile } from "./settings";
import { readConfigFile as readPackConfigFile } from "./config";
import { scanFile } from "./scan";
import { GateSession } from "./session";
import { evaluateBothPasses } from "./would-block";

export { parseArgs } from "./args";

function version(): string {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    return typeof pkg === "object" && pkg !== null && "version" in pkg ? String(pkg.version) : "unknown";
}

/** A one-line progress counter on stderr, only when stderr is a terminal. */
function progress(origin: string): ((done: number, total: number) => void) | undefined {
    if (!process.stderr.isTTY) return undefined;
    let last = 0;
    return (done, total) => {
        const now = Date.now();
        if (done !== total && now - last < 100) return;
        last = now;
        process.stderr.write(`\rsrguard: ${origin}: analyzed ${done}/${total} resources${done === total ? "\r\u001b[K" : ""}`);
    };
}

function warnAll(results: readonly StackResult[]): void {
    for (const r of results) for (const w of r.warnings) process.stderr.write(`srguard: warning: ${r.stack.origin}: ${w}\n`);
}

function render(report: Report, args: Args): string {
    switch (args.format) {
        case "json":
            return formatJson(report);
        case "sarif":
            return formatSarif(report);
        case "junit":
            return formatJunit(report);
        case "markdown":
            return formatMarkdown(report);
        case "text":
            return formatText(report, {
                color: args.color ?? (!args.output && process.stdout.isTTY === true && !process.env["NO_COLOR"]),
            });
    }
}

function emit(text: string, args: Args): void {
    if (!args.output) {
        process.stdout.write(text);
        return;
    }
    try {
        fs.writeFileSync(args.output, text);
    } catch {
        throw new GateError(`${args.output}: cannot write the report`);
    }
}

async function evaluateAll(session: GateSession, stacks: readonly GateStack[]): Promise<StackResult[]> {
    const results: StackResult[] = [];
    for (const s of stacks) results.push(await session.evaluate(s, progress(s.origin)));
    return results;
}

async function withSession<T>(args: Args, identity: PlannedPreview["identity"] | undefined, work: (s: Promise<GateSession>) => Promise<T>): Promise<T> {
    const opening = GateSession.open({
        ...(args.pack ? { packDir: args.pack } : {}),
        ...(args.config !== undefined ? { configFile: args.config } : {}),
        ...(identity ? { stack: identity } : {}),
        concurrency: args.concurrency,
    });
    // Never leave an unobserved rejection behind if `work` fails first.
    opening.catch(() => undefined);
    try {
        return await work(opening);
    } finally {
        // Close the pack when it is up; if it is still starting (the work failed first), the exit hook of
        // children.ts kills it when the gate exits a moment later.
        void opening.then(
            (s) => s.close(),
            () => undefined,
        );
    }
}

/** The report with the run's `--strict-unknowns`, and its exit code (report.ts `failsGate`). */
function finalReport(session: GateSession, results: readonly StackResult[], args: Args): { report: Report; code: number } {
    const report: Report = { ...session.report(results), ...(args.strictUnknowns ? { strictUnknowns: true } : {}) };
    return { report, code: failsGate(report) ? EXIT_MANDATORY : EXIT_OK };
}

async function cmdPreview(args: Args): Promise<number> {
    const plan = planPreview(args.positional[0] ?? ".", {
        ...(args.stack !== undefined ? { stack: args.stack } : {}),
        ...(args.config !== undefined ? { policyConfig: readConfigFile(args.config) } : {}),
        ...(args.dataSources !== undefined ? { dataSourcesFile: args.dataSources } : {}),
    });
    return withSession(args, plan.identity, async (opening) => {
        // The program runs while the pack starts — twice: as `pulumi preview` and as `pulumi up` would see it.
        const up = plan.runAsUp();
        up.catch(() => undefined);
        const [stack, session] = await Promise.all([plan.run(), opening]);
        const results = [await evaluateBothPasses(session, stack, up, progress(stack.origin))];
        warnAll(results);
        const { report, code } = finalReport(session, results, args);
        emit(render(report, args), args);
        return code;
    });
}

async function cmdScan(args: Args): Promise<number> {
    // Every file is read (and refused if bad) before the pack starts.
    const stacks = args.positional.map(scanFile);
    return withSession(args, stacks[0], async (opening) => {
        const session = await opening;
        const results = await evaluateAll(session, stacks);
        // The pack is done: stopped before the report is made, so that its memory and the report's are never held at once.
        session.close();
        warnAll(results);
        const { report, code } = finalReport(session, results, args);
        emit(render(report, args), args);
        return code;
    });
}

/**
 * `srguard exemptions [--config FILE] [DIR|FILE...]`: every exemption declared in the config and on the stacks'
 * resources, in force, expired or not honoured, soonest expiry first (gate/exemptions.ts). Runs no pack: the program
 * of a folder runs offline, as for preview, only to see its resources and their tags.
 */
async function cmdExemptions(args: Args): Promise<number> {
    const doc = args.config !== undefined ? readPackConfigFile(args.config) : undefined;
    const config = exemptionsEntry(doc, args.config ?? "(config)");
    const stacks: GateStack[] = [];
    for (const p of args.positional) stacks.push(fs.existsSync(p) && fs.statSync(p).isDirectory() ? await planPreview(p, {}).run() : scanFile(p));
    const now = gateToday();
    const list = declaredExemptions(config, stacks, now);
    emit(args.format === "json" ? declaredJson(list, now) : declaredText(list, now), args);
    return EXIT_OK;
}

async function cmdPolicies(args: Args): Promise<number> {
    return withSession(args, undefined, async (opening) => {
        const session = await opening;
        emit(args.format === "json" ? policiesJson(session.info) : policiesText(session.info), args);
        return EXIT_OK;
    });
}

/** `srguard config [--settings FILE]`: a complete `--policy-pack-config` file for the pack, from shared settings. */
async function cmdConfig(args: Args): Promise<number> {
    // The settings are read (and refused if bad) before the pack starts.
    const settings = args.settings !== undefined ? readSettingsFile(args.settings) : {};
    return withSession(args, undefined, async (opening) => {
        const session = await opening;
        const doc = packConfigFromSettings(session.info, settings, args.settings ?? "(no settings)");
        emit(`${JSON.stringify(doc, null, 2)}\n`, args);
        return EXIT_OK;
    });
}

/**
 * `npm start`: every sample stack under DIR (samples.ts). The violating twins are meant to violate, so violations do
 * not fail the demonstration: the exit code is 0 when every stack could be evaluated and 2 when one could not (its
 * error is its final line). tests/stacks holds each twin to its violations.
 */
async function cmdSamples(args: Args): Promise<number> {
    const run = await evaluateSamples(args.positional[0] ?? "stacks", {
        ...(args.pack ? { packDir: args.pack } : {}),
        ...(args.config !== undefined ? { configFile: args.config } : {}),
        concurrency: args.concurrency,
        onProgress: progress,
        ...(args.dataSources !== undefined ? { dataSourcesFile: args.dataSources } : {}),
    });
    const results = run.outcomes.flatMap((o) => (o.result ? [o.result] : []));
    warnAll(results);
    const count = (n: number, what: string) => `${n} ${what} violation${n === 1 ? "" : "s"}`;
    const finals = run.outcomes.map((o) => {
        if (!o.result) return `${o.origin}: could not be evaluated: ${o.error ?? "unknown error"}`;
        const s = summarize([o.result], run.report.config);
        const up = s.wouldBlock.mandatory + s.wouldBlock.advisory;
        const extras = `${up ? `, ${up} would block at \`pulumi up\`` : ""}${s.cantRun ? `, ${s.cantRun} can't run during preview` : ""}`;
        return s.mandatory || s.advisory || up
            ? `${o.origin}: ${count(s.mandatory, "mandatory")}, ${count(s.advisory, "advisory")}${extras}`
            : `${o.origin}: compliant (no violations)${extras}`;
    });
    if (args.format === "text") emit(`${render(run.report, args)}\n${finals.join("\n")}\n`, args);
    else {
        emit(render(run.report, args), args);
        process.stderr.write(`${finals.join("\n")}\n`);
    }
    return run.outcomes.some((o) => o.error !== undefined) ? EXIT_BAD_INPUT : EXIT_OK;
}

export async function main(argv: readonly string[]): Promise<number> {
    try {
        const args = parseArgs(argv);
        if (args.command === "help") {
            process.stdout.write(helpText(args.topic));
            return EXIT_OK;
        }
        if (args.command === "version") {
            process.stdout.write(`srguard ${version()}\n`);
            return EXIT_OK;
        }
        switch (args.command) {
            case "preview":
                return await cmdPreview(args);
            case "scan":
                return await cmdScan(args);
            case "policies":
                return await cmdPolicies(args);
            case "samples":
                return await cmdSamples(args);
            case "exemptions":
                return await cmdExemptions(args);
            case "config":
                return await cmdConfig(args);
        }
    } catch (e) {
        const message = e instanceof GateError ? e.message : `internal error: ${messageOf(e)}`;
        if (process.env["SRGUARD_DEBUG"] && e instanceof Error) process.stderr.write(`${e.stack ?? ""}\n`);
        process.stderr.write(`srguard: ${message}\n`);
        return EXIT_BAD_INPUT;
    }
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        // Exit once stdout is flushed (a pipe may still hold the report).
        process.stdout.write("", () => process.exit(code));
    });
}
