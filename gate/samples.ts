// Sample stacks (`srguard samples`, `npm start`, tests/stacks): every stack folder under a root, each evaluated with
// its own `policy-config.json` when it has one, else the run's config; one pack per distinct config. The CLI and the
// tests both call `evaluateSamples`, so what the tests hold to expected.json is what `npm start` shows.

import * as fs from "node:fs";
import * as path from "node:path";
import { readConfigFile } from "./config";
import { GateError, messageOf } from "./errors";
import type { StackResult } from "./evaluate";
import type { GateStack } from "./model";
import { type PlannedPreview, planPreview } from "./preview";
import type { Report } from "./report";
import { GateSession } from "./session";
import { evaluateBothPasses } from "./would-block";

/** A sample stack folder's own policy-pack config file: it replaces `--config` for that stack (docs/gate.md). */
export const STACK_POLICY_CONFIG = "policy-config.json";

/** The policy-pack config a sample stack in `dir` is evaluated with: its own `policy-config.json`, else `fallback`. */
export function sampleConfigFile(dir: string, fallback: string | undefined): string | undefined {
    const own = path.join(dir, STACK_POLICY_CONFIG);
    return fs.existsSync(own) ? own : fallback;
}

export interface SampleFolder {
    readonly dir: string;
    /** The folder relative to the working directory, as reports name it. */
    readonly origin: string;
    /** The policy-pack config file it is evaluated with (undefined: the pack's defaults). */
    readonly config: string | undefined;
}

const display = (p: string) => path.relative(process.cwd(), p) || ".";

/** Every stack folder (with a Pulumi.yaml) under `root`, sorted, with its config. Refuses a root with none. */
export function findSamples(root: string, fallbackConfig?: string): SampleFolder[] {
    const abs = path.resolve(root);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new GateError(`${display(abs)}: no such folder`);
    const dirs = fs
        .readdirSync(abs)
        .sort()
        .map((d) => path.join(abs, d))
        .filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml")) || fs.existsSync(path.join(d, "Pulumi.yml")));
    if (!dirs.length) throw new GateError(`${display(abs)}: no stack folders (with a Pulumi.yaml) here`);
    return dirs.map((dir) => ({ dir, origin: display(dir), config: sampleConfigFile(dir, fallbackConfig) }));
}

/** Items grouped by their config, in first-seen order: one pack serves each group. */
export function groupByConfig<T extends { readonly config: string | undefined }>(items: readonly T[]): Map<string | undefined, T[]> {
    const groups = new Map<string | undefined, T[]>();
    for (const item of items) {
        const g = groups.get(item.config);
        if (g) g.push(item);
        else groups.set(item.config, [item]);
    }
    return groups;
}

export interface SampleOutcome {
    readonly origin: string;
    readonly dir: string;
    readonly result?: StackResult;
    /** Why the stack could not be evaluated (one line). */
    readonly error?: string;
}

export interface SamplesOptions {
    readonly packDir?: string;
    /** The run's config (`--config`): the fallback of every folder without its own. */
    readonly configFile?: string;
    readonly concurrency?: number;
    /** Programs run at once (default 1: the pack starts meanwhile). */
    readonly programsAtOnce?: number;
    readonly onProgress?: (origin: string) => ((done: number, total: number) => void) | undefined;
    /** The user's data-source answers (`--data-sources`). */
    readonly dataSourcesFile?: string;
}

export interface SamplesRun {
    /** Every folder, sorted by origin: its result, or why it could not be evaluated. */
    readonly outcomes: readonly SampleOutcome[];
    /** The report over every evaluated stack (the pack and levels of the run's own config). */
    readonly report: Report;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i] as T);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}

/** Evaluates every sample stack under `root` (see the file comment). Refuses only a root without stack folders. */
export async function evaluateSamples(root: string, opts: SamplesOptions = {}): Promise<SamplesRun> {
    const folders = findSamples(root, opts.configFile);
    const errors = new Map<string, string>();
    const plans: (SampleFolder & { plan: PlannedPreview })[] = [];
    for (const f of folders) {
        try {
            plans.push({
                ...f,
                plan: planPreview(f.dir, {
                    ...(f.config !== undefined ? { policyConfig: readConfigFile(f.config) } : {}),
                    ...(opts.dataSourcesFile !== undefined ? { dataSourcesFile: opts.dataSourcesFile } : {}),
                }),
            });
        } catch (e) {
            errors.set(f.origin, messageOf(e));
        }
    }
    const sessionOptions = (configFile: string | undefined, identity: PlannedPreview["identity"] | undefined) => ({
        ...(opts.packDir ? { packDir: opts.packDir } : {}),
        // The run's config as the user gave it; a folder's own relative to the working directory (messages name it).
        ...(configFile !== undefined ? { configFile: configFile === opts.configFile ? configFile : display(configFile) } : {}),
        ...(identity ? { stack: identity } : {}),
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    });
    // The run's own pack starts while the programs run.
    const opening = GateSession.open(sessionOptions(opts.configFile, plans[0]?.plan.identity));
    opening.catch(() => undefined);
    try {
        const ran: (SampleFolder & { stack: GateStack; up: Promise<GateStack>; identity: PlannedPreview["identity"] })[] = [];
        const stacks = await mapLimit(plans, opts.programsAtOnce ?? 1, async (p) => {
            try {
                // The `pulumi up` pass (would-block.ts) runs beside the preview.
                const up = p.plan.runAsUp();
                up.catch(() => undefined);
                return { stack: await p.plan.run(), up };
            } catch (e) {
                errors.set(p.origin, messageOf(e));
                return undefined;
            }
        });
        for (const [i, p] of plans.entries()) {
            const run = stacks[i];
            if (run) ran.push({ ...p, ...run, identity: p.plan.identity });
        }
        const session = await opening;
        const results = new Map<string, StackResult>();
        for (const [config, group] of groupByConfig(ran)) {
            let own: GateSession | undefined;
            if (config !== opts.configFile) {
                try {
                    own = await GateSession.open(sessionOptions(config, group[0]?.identity));
                } catch (e) {
                    // A config file the pack refuses: those stacks could not be evaluated; the others still are.
                    for (const s of group) errors.set(s.origin, messageOf(e));
                    continue;
                }
            }
            try {
                for (const s of group) results.set(s.origin, await evaluateBothPasses(own ?? session, s.stack, s.up, opts.onProgress?.(s.origin)));
            } finally {
                own?.close();
            }
        }
        const outcomes = folders
            .map((f): SampleOutcome => {
                const result = results.get(f.origin);
                if (result) return { origin: f.origin, dir: f.dir, result };
                return { origin: f.origin, dir: f.dir, error: errors.get(f.origin) ?? "unknown error" };
            })
            .sort((a, b) => a.origin.localeCompare(b.origin));
        const evaluated = outcomes.flatMap((o) => (o.result ? [o.result] : []));
        return { outcomes, report: session.report(evaluated) };
    } finally {
        void opening.then(
            (s) => s.close(),
            () => undefined,
        );
    }
}
