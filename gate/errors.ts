// Bad input or usage: the gate prints one line (`srguard: <file>: <problem>`) and exits 2. Never a stack trace.

export const EXIT_OK = 0;
export const EXIT_MANDATORY = 1;
export const EXIT_BAD_INPUT = 2;

export class GateError extends Error {
    constructor(message: string) {
        super(oneLine(message));
        this.name = "GateError";
    }
}

/** `where: problem` — where is a file or folder as the user gave it. */
export function inputError(where: string, problem: string): GateError {
    return new GateError(`${where}: ${problem}`);
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The first non-empty line of a message, without terminal colour codes, trimmed to a readable length. */
export function oneLine(message: string): string {
    const line =
        message
            .replace(ANSI, "")
            .split(/\r?\n/)
            .map((l) => l.trim())
            .find((l) => l !== "") ?? "";
    return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

/** The message of anything thrown, as one line. */
export function messageOf(e: unknown): string {
    if (e instanceof Error) return oneLine(e.message || e.name);
    if (typeof e === "string") return oneLine(e);
    return oneLine(String(e));
}
