// JUnit XML for CI test reports: one test suite per stack, one test case per evaluated resource. A resource with a
// mandatory violation fails (one <failure> listing them); advisory violations are printed in the case's
// <system-out> and do not fail it.

import type { Finding, StackResult } from "../evaluate";
import type { Report } from "../report";

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

function describe(f: Finding): string {
    return `[${f.enforcementLevel}]${f.severity ? ` [${f.severity}]` : ""} ${f.policyName}\n${f.message}`;
}

function suite(r: StackResult): { xml: string; tests: number; failures: number } {
    const byUrn = new Map<string, Finding[]>();
    for (const f of r.findings) byUrn.set(f.urn, [...(byUrn.get(f.urn) ?? []), f]);
    const cases: string[] = [];
    let failures = 0;
    for (const res of r.stack.resources) {
        const findings = byUrn.get(res.urn) ?? [];
        byUrn.delete(res.urn);
        const mandatory = findings.filter((f) => f.enforcementLevel === "mandatory");
        const advisory = findings.filter((f) => f.enforcementLevel === "advisory");
        const open = `    <testcase classname="${xml(res.type)}" name="${xml(res.urn)}"`;
        if (!mandatory.length && !advisory.length) {
            cases.push(`${open}/>`);
            continue;
        }
        const body: string[] = [];
        if (mandatory.length) {
            failures++;
            const summary = mandatory.map((f) => f.policyName).join(", ");
            body.push(`      <failure type="mandatory" message="${xml(summary)}">${xml(mandatory.map(describe).join("\n\n"))}</failure>`);
        }
        if (advisory.length) body.push(`      <system-out>${xml(advisory.map(describe).join("\n\n"))}</system-out>`);
        cases.push(`${open}>\n${body.join("\n")}\n    </testcase>`);
    }
    const tests = r.stack.resources.length;
    const name = `${r.stack.origin} (${r.stack.project}/${r.stack.stack})`;
    return {
        xml: `  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n${cases.join("\n")}\n  </testsuite>`,
        tests,
        failures,
    };
}

export function formatJunit(report: Report): string {
    const suites = report.results.map(suite);
    const tests = suites.reduce((n, s) => n + s.tests, 0);
    const failures = suites.reduce((n, s) => n + s.failures, 0);
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites name="${xml(`${report.pack.name}@${report.pack.version}`)}" tests="${tests}" failures="${failures}" errors="0">`,
        ...suites.map((s) => s.xml),
        `</testsuites>`,
        "",
    ].join("\n");
}
