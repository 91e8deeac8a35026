// What a finding is, beyond its enforcement level: a violation the preview proves, a policy that could not run
// during the preview (the SDK's "can't run ... during preview", reported as advisory whatever the policy's level), or
// a violation that only the second evaluation "as `pulumi up` would see it" finds (docs/gate.md).

import type { Finding, StackResult } from "./evaluate";
import type { GateStack } from "./model";
import type { EnforcementLevel, StackIdentity } from "./pack";
import type { GateSession } from "./session";

/** The SDK's message for a policy that read an unknown value (@pulumi/policy server.js). */
const CANT_RUN = /^can't run policy '[^']*' from policy pack '[^']*' during preview: /;

export type Outcome = "violation" | "cant-run";

/** What srguard's framework reports for a stack policy whose verdict is unknown (policies/core/policy.ts). */
const CANT_DECIDE = /(^|\n)can't decide during preview: /;

export function isCantRun(f: Finding): boolean {
    return CANT_RUN.test(f.message) || (f.enforcementLevel === "advisory" && CANT_DECIDE.test(f.message));
}

export function outcomeOf(f: Finding): Outcome {
    return isCantRun(f) ? "cant-run" : "violation";
}

/** What the SDK said could not be known ("string value at .policy can't be known during preview"). */
export function cantRunReason(f: Finding): string {
    if (CANT_RUN.test(f.message)) return f.message.replace(CANT_RUN, "");
    const at = f.message.search(CANT_DECIDE);
    return at < 0 ? f.message : f.message.slice(at).replace(/^\n/, "").replace(/^can't decide during preview: /, "");
}

const key = (f: Finding) => `${f.policyName}\u0000${f.urn}\u0000${f.message}`;

/**
 * The violations of the `pulumi up` pass that the preview did not report: each one was hidden by an unknown value
 * (or sits on a resource the program only creates once a computed value is known). "Can't run" findings of the up
 * pass are dropped: the preview already reports them.
 */
export function wouldBlockFindings(preview: StackResult, up: StackResult): Finding[] {
    const seen = new Set(preview.findings.filter((f) => !isCantRun(f)).map(key));
    const out: Finding[] = [];
    for (const f of up.findings) {
        if (isCantRun(f) || seen.has(key(f))) continue;
        seen.add(key(f));
        out.push(f);
    }
    return out;
}

/** Whether the pack is configured alike for both stacks (what `ConfigureStack` sends). */
function sameIdentity(a: StackIdentity, b: StackIdentity): boolean {
    const pick = (s: StackIdentity) => JSON.stringify([s.project, s.stack, s.organization, s.config, [...s.configSecretKeys], s.tags]);
    return pick(a) === pick(b);
}

/** Whether a policy's effective level blocks a deployment. */
export function blocks(level: EnforcementLevel | undefined): boolean {
    return level === "mandatory" || level === "remediate";
}

/**
 * Evaluates a program twice — `preview`, as `pulumi preview` sees it, and `up`, the same program with every computed
 * value resolved to a stand-in — and returns the preview's result with the violations only the second pass found.
 * When the `up` pass cannot run (the program fails only with stand-ins), the preview's result stands, with a warning.
 */
export async function evaluateBothPasses(
    session: Pick<GateSession, "evaluate">,
    preview: GateStack,
    up: Promise<GateStack>,
    onProgress?: (done: number, total: number) => void,
): Promise<StackResult> {
    // A resource whose Analyze request is the same in both passes, after the same ConfigureStack, gets the same
    // answer: every finding of it would be one the preview already reported, which wouldBlockFindings drops, so the
    // up pass does not ask again.
    const sent = new Set<string>();
    const result = await session.evaluate(preview, onProgress, { sent });
    let upStack: GateStack;
    try {
        upStack = await up;
    } catch (e) {
        const why = e instanceof Error ? e.message.replace(/^.*?: program failed: /, "") : String(e);
        return {
            ...result,
            warnings: [...result.warnings, `the \`pulumi up\` pass could not run (${why}): violations hidden by unknown values were not looked for`],
        };
    }
    const upResult = await session.evaluate(upStack, undefined, sameIdentity(preview, upStack) ? { skip: sent } : undefined);
    return { ...result, wouldBlock: wouldBlockFindings(result, upResult) };
}
