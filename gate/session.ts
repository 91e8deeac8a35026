// A started pack, configured like the CLI configures it, ready to evaluate stacks: the gate's programmatic API
// (the CLI and the tests use it). One pack serves every stack of a run; ConfigureStack is sent per stack.

import * as path from "node:path";
import { readConfigFile, reconcileConfig } from "./config";
import { type EvaluateOptions, type StackResult, evaluateStack } from "./evaluate";
import type { GateStack } from "./model";
import { DEFAULT_PACK_DIR } from "./paths";
import { type PackInfo, type PolicyConfigValue, PolicyPack, type StackIdentity } from "./pack";
import type { Report } from "./report";
import { settingWarnings } from "./settings";
import type { JsonObject } from "./wire";


export interface SessionOptions {
    readonly packDir?: string;
    /** The `--policy-pack-config` file. */
    readonly configFile?: string;
    /** The config document itself (instead of a file); `configFile` still names it in messages. */
    readonly configDoc?: JsonObject;
    /** The stack the pack's environment describes (the first stack of the run). */
    readonly stack?: StackIdentity;
    readonly concurrency?: number;
    /** Extra environment for the pack (e.g. SRGUARD_TODAY). */
    readonly env?: Readonly<Record<string, string>>;
}

export class GateSession {
    private constructor(
        readonly pack: PolicyPack,
        readonly info: PackInfo,
        readonly config: ReadonlyMap<string, PolicyConfigValue>,
        readonly packDisplay: string,
        private readonly concurrency: number,
    ) {}

    static async open(opts: SessionOptions = {}): Promise<GateSession> {
        const dir = path.resolve(opts.packDir ?? DEFAULT_PACK_DIR);
        const display = path.relative(process.cwd(), dir) || ".";
        // A malformed file is refused before anything starts.
        const doc = opts.configDoc ?? (opts.configFile !== undefined ? readConfigFile(opts.configFile) : undefined);
        const pack = await PolicyPack.start({ dir, display, ...(opts.stack ? { stack: opts.stack } : {}), ...(opts.env ? { env: opts.env } : {}) });
        try {
            // The engine's order: ConfigureStack when it loads the pack, then GetAnalyzerInfo and Configure.
            if (opts.stack) await pack.configureStack(opts.stack);
            const info = await pack.info();
            const config = reconcileConfig(info, doc, opts.configFile ?? "(config)");
            // Policies that share a setting (allowed regions, organisation accounts, ...) should agree: say where not.
            for (const w of settingWarnings(config, opts.configFile ?? `the config of ${display}`)) process.stderr.write(`srguard: warning: ${w}\n`);
            await pack.configure(config);
            return new GateSession(pack, info, config, display, opts.concurrency ?? 64);
        } catch (e) {
            pack.close();
            throw e;
        }
    }

    evaluate(
        stack: GateStack,
        onProgress?: (done: number, total: number) => void,
        analyzeRequests?: EvaluateOptions["analyzeRequests"],
    ): Promise<StackResult> {
        return evaluateStack(this.pack, stack, {
            config: this.config,
            concurrency: this.concurrency,
            ...(onProgress ? { onProgress } : {}),
            ...(analyzeRequests ? { analyzeRequests } : {}),
        });
    }

    report(results: readonly StackResult[]): Report {
        return { pack: this.info, packDisplay: this.packDisplay, config: this.config, results };
    }

    close(): void {
        this.pack.close();
    }
}
