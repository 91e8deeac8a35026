// A third floor of `npm run bench`: srguard with every check's verdict a pass. It is a copy of the compiled pack in which
// core/policy.ts calls no check: each policy is still routed, configured (its config resolved), wrapped and called by the
// SDK as in srguard, and every stack policy is still narrowed and handed its resources, but the check's own code does not
// run and nothing is reported. What srguard costs above it is the checks themselves. Made at bench time from the run's
// snapshot; the pack's sources are not touched.

import * as fs from "node:fs";
import * as path from "node:path";

/** The calls of a check in core/policy.ts's compiled code, and what each becomes (the config still resolved). */
export const CHECK_CALLS: readonly (readonly [string, string])[] = [
    ["const verdict = check(resource, config(args.getConfig()));", 'const verdict = (config(args.getConfig()), { kind: "pass" });'],
    ["for (const { urn, verdict } of check(stack, config(args.getConfig()))) {", "for (const { urn, verdict } of (config(args.getConfig()), [])) {"],
];

/** `file` with every check call replaced; throws unless each call is there exactly once (the code changed). */
function withoutChecks(file: string): void {
    let source = fs.readFileSync(file, "utf8");
    for (const [call, pass] of CHECK_CALLS) {
        const n = source.split(call).length - 1;
        if (n !== 1) throw new Error(`${file}: expected one \`${call}\`, found ${n} (core/policy.ts changed: update bench/verdicts-pass.ts)`);
        source = source.replace(call, () => pass);
    }
    fs.writeFileSync(file, source);
}

/**
 * Copies a compiled pack's module folder (`dist`: core/policy.js, and pack.js when it is bundled) to `out` with every
 * check's verdict a pass. The bundle's code cache is left out: it is of the unchanged bundle.
 */
export function verdictsPassDist(dist: string, out: string): string {
    fs.rmSync(out, { recursive: true, force: true });
    fs.cpSync(dist, out, { recursive: true });
    fs.rmSync(path.join(out, "pack.cache"), { force: true });
    withoutChecks(path.join(out, "core", "policy.js"));
    if (fs.existsSync(path.join(out, "pack.js"))) withoutChecks(path.join(out, "pack.js"));
    return out;
}

/** Copies a pack folder as the CLI starts it (main.js, package.json, PulumiPolicy.yaml, dist/) with every verdict a pass. */
export function verdictsPassPack(packDir: string, out: string): string {
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    for (const f of ["main.js", "package.json", "PulumiPolicy.yaml"]) fs.copyFileSync(path.join(packDir, f), path.join(out, f));
    verdictsPassDist(path.join(packDir, "dist"), path.join(out, "dist"));
    return out;
}
