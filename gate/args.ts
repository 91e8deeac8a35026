// The command line of `srguard`: commands, options and their help, read with node:util `parseArgs`. Bad usage is a
// GateError (one line naming the option or command and the problem; the CLI exits 2).

import { parseArgs as parseArgv } from "node:util";
import { GateError } from "./errors";

export const COMMANDS = ["preview", "scan", "policies", "samples", "config", "exemptions"] as const;
export type Command = (typeof COMMANDS)[number];
/** The commands that run the pack over stacks (or list it) with a policy-pack config. */
const EVALUATING: readonly Command[] = ["preview", "scan", "policies", "samples", "exemptions"];

export type Format = "text" | "json" | "sarif" | "junit" | "markdown";
const FORMATS: readonly Format[] = ["text", "json", "sarif", "junit", "markdown"];

export interface Args {
    readonly command: Command;
    readonly positional: string[];
    readonly config?: string;
    readonly format: Format;
    readonly output?: string;
    readonly pack?: string;
    readonly stack?: string;
    readonly concurrency: number;
    readonly color?: boolean;
    /** `--strict-unknowns`: a mandatory policy that can't run during preview fails the gate. */
    readonly strictUnknowns?: boolean;
    /** `--data-sources FILE`: the user's offline answers for data sources (preview, samples). */
    readonly dataSources?: string;
    /** `config --settings FILE`: the shared settings. */
    readonly settings?: string;
}

/** `srguard help [COMMAND]`, `-h`/`--help` (with a command: that command's help). */
export interface HelpRequest {
    readonly command: "help";
    readonly topic?: Command;
}

export interface VersionRequest {
    readonly command: "version";
}

interface OptionSpec {
    readonly type: "string" | "boolean";
    readonly short?: string;
    /** The value's placeholder in the help. */
    readonly arg?: string;
    readonly help: string;
    /** The commands that take it (default: every command). */
    readonly only?: readonly Command[];
}

const OPTIONS = {
    config: { type: "string", short: "c", arg: "FILE", help: "policy-pack config, the file `pulumi preview --policy-pack-config` takes", only: EVALUATING },
    settings: { type: "string", arg: "FILE", help: "shared settings (JSON: allowed regions and locations, organisation accounts, approved MSPs)", only: ["config"] },
    format: { type: "string", short: "f", arg: "FORMAT", help: "text (default), json, sarif, junit or markdown (policies, exemptions: text or json)", only: EVALUATING },
    output: { type: "string", short: "o", arg: "FILE", help: "write the report (config: the config file) to FILE instead of stdout" },
    pack: { type: "string", short: "p", arg: "DIR", help: "the policy pack (default: srguard's own)" },
    stack: { type: "string", short: "s", arg: "NAME", help: "the stack whose Pulumi.<NAME>.yaml config the program runs with", only: ["preview"] },
    concurrency: { type: "string", arg: "N", help: "Analyze calls in flight (default 64)", only: EVALUATING },
    "strict-unknowns": {
        type: "boolean",
        help: "fail (exit 1) when a mandatory policy can't run during preview because a value it needs is unknown",
        only: ["preview", "scan"],
    },
    "data-sources": {
        type: "string",
        arg: "FILE",
        help: "offline answers for the data sources the program calls (JSON: token → result; docs/gate.md)",
        only: ["preview", "samples"],
    },
    color: { type: "boolean", help: "colour the text report (default: when stdout is a terminal and NO_COLOR is unset)", only: EVALUATING },
    "no-color": { type: "boolean", help: "never colour the text report", only: EVALUATING },
    help: { type: "boolean", short: "h", help: "this help (with a command: that command's help)" },
    version: { type: "boolean", help: "srguard's version" },
} as const satisfies Record<string, OptionSpec>;
type OptionName = keyof typeof OPTIONS;

const COMMAND_HELP: Readonly<Record<Command, { readonly synopsis: string; readonly text: string }>> = {
    preview: {
        synopsis: "preview [DIR] [--stack NAME]",
        text: "run the Pulumi Node.js program in DIR (default .) offline, as a preview, and evaluate it",
    },
    scan: { synopsis: "scan FILE...", text: "evaluate `pulumi preview --json` or `pulumi stack export` output" },
    policies: { synopsis: "policies", text: "list the pack's policies and their metadata" },
    exemptions: {
        synopsis: "exemptions [DIR|FILE...]",
        text:
            "list every exemption of the --config file and of the stacks given (a program folder, or a `pulumi preview " +
            "--json` / `pulumi stack export` file): in force, expired or not honoured, soonest expiry first; runs no pack",
    },
    samples: {
        synopsis: "samples [DIR]",
        text:
            "preview every stack folder under DIR (default stacks) — what `npm start` runs; a folder's own " +
            "policy-config.json replaces --config for that stack",
    },
    config: {
        synopsis: "config [--settings FILE]",
        text:
            "write a complete `--policy-pack-config` file for the pack: every policy with its level and config, the " +
            "shared settings written into every policy that takes them (README: Shared settings)",
    },
};

const EXIT_CODES = "exit codes: 0 no mandatory violation, 1 mandatory violations, 2 bad input or usage\n";

function optionLine(name: OptionName): string {
    const o: OptionSpec = OPTIONS[name];
    const flags = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.arg ? ` ${o.arg}` : ""}`;
    return `  ${flags.padEnd(24)} ${o.help}\n`;
}

function optionsOf(command: Command | undefined): OptionName[] {
    return (Object.keys(OPTIONS) as OptionName[]).filter((n) => {
        const only: readonly Command[] | undefined = (OPTIONS[n] as OptionSpec).only;
        return command === undefined || only === undefined || only.includes(command);
    });
}

/** The help text: srguard's, or one command's. */
export function helpText(topic?: Command): string {
    if (topic) {
        const c = COMMAND_HELP[topic];
        return `usage: srguard ${c.synopsis} [options]\n\n${c.text}\n\noptions:\n${optionsOf(topic).map(optionLine).join("")}\n${EXIT_CODES}`;
    }
    const commands = COMMANDS.map((c) => `  ${COMMAND_HELP[c].synopsis.padEnd(30)} ${COMMAND_HELP[c].text}\n`).join("");
    return (
        `usage: srguard <command> [options] [--] [arguments]\n\ncommands:\n${commands}` +
        `  ${"help [COMMAND]".padEnd(30)} this help, or a command's\n\noptions:\n${optionsOf(undefined).map(optionLine).join("")}\n` +
        "Arguments after `--` are never read as options.\n\n" +
        EXIT_CODES
    );
}

function usageError(problem: string): GateError {
    return new GateError(`${problem} (see srguard --help)`);
}

function isCommand(s: string): s is Command {
    return (COMMANDS as readonly string[]).includes(s);
}

export function parseArgs(argv: readonly string[]): Args | HelpRequest | VersionRequest {
    const { tokens } = parseArgv({
        args: [...argv],
        options: OPTIONS,
        // Strictness is ours, so that every problem reads as one line in srguard's words.
        strict: false,
        allowPositionals: true,
        tokens: true,
    });
    const values: Partial<Record<OptionName, string | boolean>> = {};
    const positionals: string[] = [];
    for (const t of tokens) {
        if (t.kind === "positional") positionals.push(t.value);
        if (t.kind !== "option") continue;
        if (!(t.name in OPTIONS)) throw usageError(`unknown option ${t.rawName}`);
        const name = t.name as OptionName;
        const spec: OptionSpec = OPTIONS[name];
        if (spec.type === "boolean") {
            if (t.value !== undefined) throw usageError(`${t.rawName} takes no value`);
            values[name] = true;
            if (name === "color" || name === "no-color") {
                // The last of --color / --no-color wins.
                delete values[name === "color" ? "no-color" : "color"];
            }
        } else {
            if (t.value === undefined || t.value === "") throw usageError(`${t.rawName} needs a value`);
            values[name] = t.value;
        }
    }
    const [first, ...rest] = positionals;
    if (first === "help") {
        if (rest.length > 1) throw usageError("help takes one command");
        const topic = rest[0];
        if (topic !== undefined && !isCommand(topic)) throw usageError(`unknown command '${topic}'`);
        return topic ? { command: "help", topic } : { command: "help" };
    }
    if (values.help) return first !== undefined && isCommand(first) ? { command: "help", topic: first } : { command: "help" };
    if (values.version) return { command: "version" };
    if (first === undefined) throw usageError("no command");
    if (!isCommand(first)) throw usageError(`unknown command '${first}'`);
    const command = first;
    for (const name of Object.keys(values) as OptionName[]) {
        const only: readonly Command[] | undefined = (OPTIONS[name] as OptionSpec).only;
        if (only && !only.includes(command)) throw usageError(`--${name} is only for ${only.join(", ")}`);
    }
    const str = (n: OptionName) => (typeof values[n] === "string" ? (values[n] as string) : undefined);
    const format = str("format") ?? "text";
    if (!(FORMATS as readonly string[]).includes(format)) throw usageError(`unknown format '${format}' (text, json, sarif, junit, markdown)`);
    let concurrency = 64;
    const c = str("concurrency");
    if (c !== undefined) {
        concurrency = Number(c);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) throw usageError("--concurrency must be an integer from 1 to 1024");
    }
    if (command === "preview" && rest.length > 1) throw usageError("preview takes one folder");
    if (command === "samples" && rest.length > 1) throw usageError("samples takes one folder");
    if (command === "policies" && rest.length) throw usageError("policies takes no arguments");
    if (command === "policies" && (format === "sarif" || format === "junit")) throw usageError(`--format ${format} is not available for policies (text or json)`);
    if (command === "scan" && !rest.length) throw usageError("scan needs at least one file");
    if ((command === "policies" || command === "exemptions") && format !== "text" && format !== "json") {
        throw usageError(`--format ${format} is not available for ${command} (text or json)`);
    }
    if (command === "config" && rest.length) throw usageError("config takes no arguments (the settings file goes after --settings)");
    const opt = <K extends "config" | "output" | "pack" | "stack" | "settings">(k: K) => {
        const v = str(k);
        return v !== undefined ? ({ [k]: v } as Record<K, string>) : {};
    };
    return {
        command,
        positional: rest,
        format: format as Format,
        concurrency,
        ...opt("config"),
        ...opt("output"),
        ...opt("pack"),
        ...opt("stack"),
        ...opt("settings"),
        ...(values.color ? { color: true } : values["no-color"] ? { color: false } : {}),
        ...(values["strict-unknowns"] ? { strictUnknowns: true } : {}),
        ...(str("data-sources") !== undefined ? { dataSources: str("data-sources") as string } : {}),
    };
}
