// JUnit XML for CI test reports: one test suite per stack, one test case per evaluated resource. A resource with a
// mandatory violation fails (one <failure> listing them); advisory violations are printed in the case's
// <system-out> and do not fail it. A resource whose only findings are exempted is skipped, with each exemption's
// reason (an exempted finding next to a failure is printed in <system-out>).

import { type Finding, isExempted, type StackResult } from "../evaluate";
import type { Report } from "../report";
import { isCantRun } from "../would-block";

function xml(s: string): string {
    return (
        s
            // Characters XML 1.0 cannot carry at all.
            .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
            .replace(/&/g, "&amp;")
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;")
            .replace(/"/g, "&quot;")
            .replace(/'/g, "&apos;")
    );
}

function describe(f: Finding, up = false): string {
    const level = isCantRun(f) ? "can't run during preview" : up ? `${f.enforcementLevel}, would block at \`pulumi up\`` : f.enforcementLevel;
    return `[${level}]${f.severity ? ` [${f.severity}]` : ""} ${f.policyName}\n${f.message}`;
}

function suite(r: StackResult): { xml: string; tests: number; failures: number; skipped: number } {
    const byUrn = new Map<string, Finding[]>();
    for (const f of r.findings) byUrn.set(f.urn, [...(byUrn.get(f.urn) ?? []), f]);
    const upByUrn = new Map<string, Finding[]>();
    for (const f of r.wouldBlock ?? []) upByUrn.set(f.urn, [...(upByUrn.get(f.urn) ?? []), f]);
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    for (const res of r.stack.resources) {
        const all = byUrn.get(res.urn) ?? [];
        const exempted = all.filter(isExempted);
        const findings = all.filter((f) => !isExempted(f));
        byUrn.delete(res.urn);
        const up = upByUrn.get(res.urn) ?? [];
        const mandatory = findings.filter((f) => f.enforcementLevel === "mandatory");
        const upMandatory = up.filter((f) => f.enforcementLevel === "mandatory");
        // Advisory violations, the `pulumi up` pass's advisory ones, and "can't run during preview" (labelled so).
        const advisory = [...findings.filter((f) => f.enforcementLevel === "advisory").map((f) => describe(f)), ...up.filter((f) => f.enforcementLevel !== "mandatory").map((f) => describe(f, true))];
        const open = `    <testcase classname="${xml(res.type)}" name="${xml(res.urn)}"`;
        if (!mandatory.length && !upMandatory.length && !advisory.length && !exempted.length) {
            cases.push(`${open}/>`);
            continue;
        }
        if (!mandatory.length && !upMandatory.length && exempted.length) {
            skipped++;
            const why = exempted.map((f) => `${f.policyName}: exempted until ${f.exemption?.expires ?? "?"} (${f.exemption?.source ?? "?"}): ${f.exemption?.reason ?? ""}`).join("; ");
            const out = [...exempted.map((f) => `[exempted] ${f.policyName}\n${f.message}`), ...advisory];
            cases.push(`${open}>\n      <skipped message="${xml(why)}"/>\n      <system-out>${xml(out.join("\n\n"))}</system-out>\n    </testcase>`);
            continue;
        }
        advisory.push(...exempted.map((f) => `[exempted] ${f.policyName}\n${f.message}`));
        const body: string[] = [];
        if (mandatory.length || upMandatory.length) {
            failures++;
            const summary = [...mandatory, ...upMandatory].map((f) => f.policyName).join(", ");
            const type = mandatory.length ? "mandatory" : "would-block";
            const text = [...mandatory.map((f) => describe(f)), ...upMandatory.map((f) => describe(f, true))].join("\n\n");
            body.push(`      <failure type="${type}" message="${xml(summary)}">${xml(text)}</failure>`);
        }
        if (advisory.length) body.push(`      <system-out>${xml(advisory.join("\n\n"))}</system-out>`);
        cases.push(`${open}>\n${body.join("\n")}\n    </testcase>`);
    }
    const tests = r.stack.resources.length;
    const name = `${r.stack.origin} (${r.stack.project}/${r.stack.stack})`;
    return {
        xml: `  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join("\n")}\n  </testsuite>`,
        tests,
        failures,
        skipped,
    };
}

export function formatJunit(report: Report): string {
    const suites = report.results.map(suite);
    const tests = suites.reduce((n, s) => n + s.tests, 0);
    const failures = suites.reduce((n, s) => n + s.failures, 0);
    const skipped = suites.reduce((n, s) => n + s.skipped, 0);
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites name="${xml(`${report.pack.name}@${report.pack.version}`)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
        ...suites.map((s) => s.xml),
        `</testsuites>`,
        "",
    ].join("\n");
}
