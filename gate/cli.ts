#!/usr/bin/env node
// srguard: the offline policy gate. Evaluates the srguard pack (or another Node.js policy pack) exactly as the Pulumi
// engine does — the pack runs in its own analyzer server and the gate speaks pulumirpc.Analyzer to it — over a Pulumi
// program run offline (`preview`), a `pulumi preview --json` digest or a `pulumi stack export` file (`scan`).
//
// Exit codes: 0 no mandatory violation, 1 at least one, 2 bad input or usage (one line on stderr, never a trace).

import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT_BAD_INPUT, EXIT_MANDATORY, EXIT_OK, GateError, messageOf } from "./errors";
import type { StackResult } from "./evaluate";
import { formatJson } from "./formats/json";
import { formatJunit } from "./formats/junit";
import { policiesJson, policiesText } from "./formats/policies";
import { formatSarif } from "./formats/sarif";
import { formatText } from "./formats/text";
import type { GateStack } from "./model";
import { REPO_ROOT } from "./paths";
import { type PlannedPreview, planPreview } from "./preview";
import { type Report, summarize } from "./report";
import { scanFile } from "./scan";
import { GateSession } from "./session";

const USAGE = `usage: srguard <command> [options]

commands:
  preview [DIR] [--stack NAME]  run the Pulumi Node.js program in DIR (default .) offline, as a preview, and
                                evaluate it
  scan FILE...                  evaluate \`pulumi preview --json\` or \`pulumi stack export\` output
  policies                      list the pack's policies and their metadata
  samples [DIR]                 preview every stack folder under DIR (default stacks) — what \`npm start\` runs;
                                a folder's own policy-config.json replaces --config for that stack

options:
  --config FILE      policy-pack config, the file \`pulumi preview --policy-pack-config\` takes
  --format FORMAT    text (default), json, sarif or junit (policies: text or json)
  --output FILE      write the report to FILE instead of stdout
  --pack DIR         the policy pack (default: srguard's own)
  --concurrency N    Analyze calls in flight (default 64)
  --color, --no-color
  -h, --help         this help
  --version          srguard's version

exit codes: 0 no mandatory violation, 1 mandatory violations, 2 bad input or usage
`;

type Format = "text" | "json" | "sarif" | "junit";
const FORMATS: readonly Format[] = ["text", "json", "sarif", "junit"];

interface Args {
    command: string;
    positional: string[];
    config?: string;
    format: Format;
    output?: string;
    pack?: string;
    stack?: string;
    concurrency: number;
    color?: boolean;
}

function usageError(problem: string): GateError {
    return new GateError(`${problem} (see srguard --help)`);
}

const VALUED = new Set(["--config", "--format", "--output", "--pack", "--stack", "--concurrency"]);

export function parseArgs(argv: readonly string[]): Args | "help" | "version" {
    const args: Args = { command: "", positional: [], format: "text", concurrency: 64 };
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i] ?? "";
        if (raw === "-h" || raw === "--help") return "help";
        if (raw === "--version") return "version";
        if (raw === "--color" || raw === "--no-color") {
            args.color = raw === "--color";
            continue;
        }
        if (raw.startsWith("-") && raw !== "-") {
            const eq = raw.indexOf("=");
            const flag = eq > 0 ? raw.slice(0, eq) : raw;
            if (!VALUED.has(flag)) throw usageError(`unknown option ${flag}`);
            const value = eq > 0 ? raw.slice(eq + 1) : argv[++i];
            if (value === undefined || value === "") throw usageError(`${flag} needs a value`);
            switch (flag) {
                case "--config":
                    args.config = value;
                    break;
                case "--format":
                    if (!(FORMATS as readonly string[]).includes(value)) throw usageError(`unknown format '${value}' (text, json, sarif, junit)`);
                    args.format = value as Format;
                    break;
                case "--output":
                    args.output = value;
                    break;
                case "--pack":
                    args.pack = value;
                    break;
                case "--stack":
                    args.stack = value;
                    break;
                case "--concurrency": {
                    const n = Number(value);
                    if (!Number.isInteger(n) || n < 1 || n > 1024) throw usageError("--concurrency must be an integer from 1 to 1024");
                    args.concurrency = n;
                    break;
                }
            }
            continue;
        }
        if (!args.command) args.command = raw;
        else args.positional.push(raw);
    }
    if (!args.command) throw usageError("no command");
    if (!["preview", "scan", "policies", "samples"].includes(args.command)) throw usageError(`unknown command '${args.command}'`);
    if (args.stack !== undefined && args.command !== "preview") throw usageError("--stack is only for preview");
    if (args.command === "preview" && args.positional.length > 1) throw usageError("preview takes one folder");
    if (args.command === "samples" && args.positional.length > 1) throw usageError("samples takes one folder");
    if (args.command === "policies" && args.positional.length) throw usageError("policies takes no arguments");
    if (args.command === "policies" && (args.format === "sarif" || args.format === "junit")) {
        throw usageError(`--format ${args.format} is not available for policies (text or json)`);
    }
    if (args.command === "scan" && !args.positional.length) throw usageError("scan needs at least one file");
    return args;
}

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

function exitCodeOf(results: readonly StackResult[]): number {
    return summarize(results).mandatory > 0 ? EXIT_MANDATORY : EXIT_OK;
}

async function cmdPreview(args: Args): Promise<number> {
    const plan = planPreview(args.positional[0] ?? ".", args.stack !== undefined ? { stack: args.stack } : {});
    return withSession(args, plan.identity, async (opening) => {
        // The program runs while the pack starts.
        const [stack, session] = await Promise.all([plan.run(), opening]);
        const results = await evaluateAll(session, [stack]);
        warnAll(results);
        emit(render(session.report(results), args), args);
        return exitCodeOf(results);
    });
}

async function cmdScan(args: Args): Promise<number> {
    // Every file is read (and refused if bad) before the pack starts.
    const stacks = args.positional.map(scanFile);
    return withSession(args, stacks[0], async (opening) => {
        const session = await opening;
        const results = await evaluateAll(session, stacks);
        warnAll(results);
        emit(render(session.report(results), args), args);
        return exitCodeOf(results);
    });
}

async function cmdPolicies(args: Args): Promise<number> {
    return withSession(args, undefined, async (opening) => {
        const session = await opening;
        emit(args.format === "json" ? policiesJson(session.info) : policiesText(session.info), args);
        return EXIT_OK;
    });
}

/** A sample stack folder's own policy-pack config file: it replaces `--config` for that stack (docs/gate.md). */
export const STACK_POLICY_CONFIG = "policy-config.json";

/** The policy-pack config a sample stack in `dir` is evaluated with: its own `policy-config.json`, else `fallback`. */
export function sampleConfigFile(dir: string, fallback: string | undefined): string | undefined {
    const own = path.join(dir, STACK_POLICY_CONFIG);
    return fs.existsSync(own) ? own : fallback;
}

/**
 * `npm start`: every sample stack under DIR (each folder with a Pulumi.yaml), one pack per distinct policy-pack
 * config (a stack folder's own `policy-config.json`, else `--config`). The violating twins are meant to violate, so
 * violations do not fail the demonstration: the exit code is 0 when every stack could be evaluated and 2 when one
 * could not (its error is its final line). tests/stacks holds each twin to its violations.
 */
async function cmdSamples(args: Args): Promise<number> {
    const root = path.resolve(args.positional[0] ?? "stacks");
    const display = path.relative(process.cwd(), root) || ".";
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new GateError(`${display}: no such folder`);
    const dirs = fs
        .readdirSync(root)
        .sort()
        .map((d) => path.join(root, d))
        .filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml")) || fs.existsSync(path.join(d, "Pulumi.yml")));
    if (!dirs.length) throw new GateError(`${display}: no stack folders (with a Pulumi.yaml) here`);
    const outcomes: { origin: string; stack?: GateStack; identity?: PlannedPreview["identity"]; config?: string; error?: string }[] = [];
    const plans: { origin: string; plan: PlannedPreview; config: string | undefined }[] = [];
    for (const d of dirs) {
        const origin = path.relative(process.cwd(), d) || ".";
        try {
            plans.push({ origin, plan: planPreview(d), config: sampleConfigFile(d, args.config) });
        } catch (e) {
            outcomes.push({ origin, error: messageOf(e) });
        }
    }
    return withSession(args, plans[0]?.plan.identity, async (opening) => {
        for (const { origin, plan, config } of plans) {
            try {
                outcomes.push({ origin, stack: await plan.run(), identity: plan.identity, ...(config !== undefined ? { config } : {}) });
            } catch (e) {
                outcomes.push({ origin, error: messageOf(e) });
            }
        }
        const session = await opening;
        // Stacks with the run's own config share its pack; each other config gets a pack of its own.
        const byOriginResult = new Map<string, StackResult>();
        const configs = [...new Set(outcomes.filter((o) => o.stack).map((o) => o.config))];
        for (const config of configs) {
            const group = outcomes.filter((o) => o.stack !== undefined && o.config === config);
            const identity = group[0]?.identity;
            let own: GateSession | undefined;
            if (config !== args.config && config !== undefined) {
                try {
                    own = await GateSession.open({
                        ...(args.pack ? { packDir: args.pack } : {}),
                        configFile: path.relative(process.cwd(), config) || config,
                        ...(identity ? { stack: identity } : {}),
                        concurrency: args.concurrency,
                    });
                } catch (e) {
                    // A config file the pack refuses: those stacks could not be evaluated; the others still are.
                    for (const o of group) o.error = messageOf(e);
                    continue;
                }
            }
            try {
                const stacks = group.flatMap((o) => (o.stack ? [o.stack] : []));
                for (const r of await evaluateAll(own ?? session, stacks)) byOriginResult.set(r.stack.origin, r);
            } finally {
                own?.close();
            }
        }
        const results = [...byOriginResult.values()].sort((a, b) => a.stack.origin.localeCompare(b.stack.origin));
        warnAll(results);
        const report = session.report(results);
        const byOrigin = new Map(results.map((r) => [r.stack.origin, r]));
        const finals = outcomes
            .sort((a, b) => a.origin.localeCompare(b.origin))
            .map((o) => {
                const r = byOrigin.get(o.origin);
                if (!r) return `${o.origin}: could not be evaluated: ${o.error ?? "unknown error"}`;
                const s = summarize([r]);
                const count = (n: number, what: string) => `${n} ${what} violation${n === 1 ? "" : "s"}`;
                return s.mandatory || s.advisory
                    ? `${o.origin}: ${count(s.mandatory, "mandatory")}, ${count(s.advisory, "advisory")}`
                    : `${o.origin}: compliant (no violations)`;
            });
        if (args.format === "text") emit(`${render(report, args)}\n${finals.join("\n")}\n`, args);
        else {
            emit(render(report, args), args);
            process.stderr.write(`${finals.join("\n")}\n`);
        }
        return outcomes.some((o) => o.error !== undefined) ? EXIT_BAD_INPUT : EXIT_OK;
    });
}

export async function main(argv: readonly string[]): Promise<number> {
    try {
        const args = parseArgs(argv);
        if (args === "help") {
            process.stdout.write(USAGE);
            return EXIT_OK;
        }
        if (args === "version") {
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
            default:
                return await cmdSamples(args);
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
