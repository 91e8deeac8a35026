// `srguard scan` over hand-written `pulumi preview --json` and `pulumi stack export` files, with srguard's pack (only
// the log-retention policy enabled, so that the expectations do not move as other policies are added), and every
// output format.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { formatJson, toJsonReport } from "../../gate/formats/json";
import { formatJunit } from "../../gate/formats/junit";
import { toSarif } from "../../gate/formats/sarif";
import { formatText } from "../../gate/formats/text";
import type { Report } from "../../gate/report";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import { ONLY_RETENTION, ROOT, ensureBuilt, fixture } from "./helpers";
import { validateSarif } from "./sarif-validator";

const RETENTION = "aws-cloudwatch-log-group-configure-retention";
const E = "urn:pulumi:prod::gate-fixture::aws:cloudwatch/logGroup:LogGroup::";

let session: GateSession;
let exported: StackResult;
let previewed: StackResult;
let plaintext: StackResult;

beforeAll(async () => {
    ensureBuilt();
    session = await GateSession.open({ configDoc: ONLY_RETENTION, configFile: "only-retention.json" });
    exported = await session.evaluate(scanFile(fixture("scan", "export.json")));
    previewed = await session.evaluate(scanFile(fixture("scan", "preview.json")));
    plaintext = await session.evaluate(scanFile(fixture("scan", "export-show-secrets.json")));
});

afterAll(() => session?.close());

const brief = (r: StackResult) => r.findings.map((f) => ({ policy: f.policyName, urn: f.urn, level: f.enforcementLevel, message: f.message }));

describe("stack export", () => {
    it("reports the log group kept for 7 days as a mandatory violation", () => {
        const short = exported.findings.filter((f) => f.urn === `${E}short`);
        expect(short).toHaveLength(1);
        expect(short[0]).toMatchObject({ policyName: RETENTION, enforcementLevel: "mandatory", severity: "medium", stage: "resource" });
        expect(short[0]?.message).toContain("`retentionInDays` is shorter than 365 days");
    });

    it("passes the log group kept for 365 days", () => {
        expect(exported.findings.filter((f) => f.urn === `${E}kept`)).toEqual([]);
    });

    it("cannot decide on an encrypted secret: the SDK's advisory 'can't run during preview'", () => {
        const hidden = exported.findings.filter((f) => f.urn === `${E}hidden`);
        expect(hidden).toHaveLength(1);
        expect(hidden[0]?.enforcementLevel).toBe("advisory");
        expect(hidden[0]?.message).toMatch(/can't run policy 'aws-cloudwatch-log-group-configure-retention'.*during preview.*retentionInDays/);
    });

    it("decides on a --show-secrets plaintext secret", () => {
        const hidden = plaintext.findings.filter((f) => f.urn === `${E}hidden`);
        expect(hidden.map((f) => f.enforcementLevel)).toEqual(["mandatory"]);
    });

    it("skips resources the stack only reads and resources pending deletion", () => {
        expect(exported.findings.some((f) => f.urn === `${E}shared` || f.urn === `${E}retired`)).toBe(false);
    });

    it("counts every resource of the stack, providers and the root stack included", () => {
        expect(exported.resources).toBe(9);
    });
});

describe("preview --json", () => {
    it("gives the same violations as the export of the same stack", () => {
        expect(brief(previewed)).toEqual(brief(exported));
        expect(previewed.findings.length).toBeGreaterThan(0);
    });

    it("reads a blinded \"[secret]\" as unknown", () => {
        expect(previewed.findings.find((f) => f.urn === `${E}hidden`)?.enforcementLevel).toBe("advisory");
    });

    it("leaves out deleted resources and keeps each new state once", () => {
        expect(previewed.stack.resources.map((r) => r.name)).not.toContain("retired");
        expect(previewed.resources).toBe(9);
    });
});

describe("output formats", () => {
    let report: Report;
    beforeAll(() => {
        report = session.report([exported]);
    });

    it("JSON keeps the documented contract", () => {
        const doc = JSON.parse(formatJson(report)) as Record<string, unknown>;
        expect(Object.keys(doc)).toEqual(["policyPack", "violations", "wouldBlock", "exempted", "exemptions", "summary", "stacks", "strictUnknowns"]);
        expect(doc["policyPack"]).toEqual({ name: "srguard", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
        // The encrypted secret's "can't run during preview" is not an advisory violation: it is counted as what it is.
        expect(doc["summary"]).toEqual({ resources: 9, mandatory: 1, advisory: 0, cantRun: 1, cantRunMandatory: 1, wouldBlock: { mandatory: 0, advisory: 0 }, exempted: 0 });
        expect((doc["violations"] as { outcome: string }[]).map((x) => x.outcome)).toEqual(["violation", "cant-run"]);
        const v = (doc["violations"] as Record<string, unknown>[])[0];
        expect(Object.keys(v ?? {})).toEqual(["policyName", "control", "severity", "enforcementLevel", "urn", "resourceType", "message", "outcome", "location", "exemption"]);
        expect(v).toMatchObject({
            policyName: RETENTION,
            control: "log-retention",
            severity: "medium",
            enforcementLevel: "mandatory",
            urn: `${E}short`,
            resourceType: "aws:cloudwatch/logGroup:LogGroup",
            outcome: "violation",
            location: null,
            exemption: null,
        });
    });

    it("SARIF is valid 2.1.0 with one rule per policy, levels from enforcement, the URN as logical location", () => {
        const sarif = toSarif(report, ROOT);
        expect(validateSarif(JSON.parse(JSON.stringify(sarif)))).toEqual([]);
        const run = sarif.runs[0];
        expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(session.info.policies.map((p) => p.name));
        const rule = run?.tool.driver.rules.find((r) => r.id === RETENTION);
        expect(rule?.help.text).toContain("retentionInDays");
        expect(rule?.defaultConfiguration.level).toBe("error");
        // Disabled by the config: the rule says so.
        expect(run?.tool.driver.rules.find((r) => r.id !== RETENTION)?.defaultConfiguration.level).toBe("none");
        // "Can't run during preview" is neither pass nor fail (§3.27.9 kind `open`, level `none`).
        const levels = run?.results.map((r) => [r.ruleId, r.level, r.kind ?? "fail"]);
        expect(levels).toEqual([
            [RETENTION, "error", "fail"],
            [RETENTION, "none", "open"],
        ]);
        const loc = run?.results[0]?.locations[0];
        expect(loc?.logicalLocations[0]).toEqual({ fullyQualifiedName: `${E}short`, name: "short", kind: "resource" });
        expect(loc?.physicalLocation.artifactLocation).toEqual({ uri: "tests/fixtures/gate/scan/export.json", uriBaseId: "%SRCROOT%" });
    });

    it("JUnit has one test case per resource and fails the resources with a mandatory violation", () => {
        const xml = formatJunit(report);
        expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
        expect(xml).toContain('<testsuites name="srguard@');
        expect(xml.match(/<testcase /g)).toHaveLength(9);
        expect(xml).toMatch(/<testsuite name="[^"]*" tests="9" failures="1"/);
        expect(xml).toMatch(new RegExp(`<testcase classname="aws:cloudwatch/logGroup:LogGroup" name="${E}short">\\s*<failure type="mandatory"`));
        // Advisory findings are reported without failing the case.
        expect(xml).toMatch(new RegExp(`name="${E}hidden">\\s*<system-out>`));
        expect(balancedXml(xml)).toBe(true);
    });

    it("text groups violations by policy, describes each policy once, and ends with a summary and one line per policy", () => {
        const text = formatText(report, { color: false });
        expect(text).toContain("Policies:");
        expect(text).toMatch(/❌ srguard@v\S+ \(local: policies\)/);
        expect(text).toMatch(
            /\[mandatory\]  \[medium\]  aws-cloudwatch-log-group-configure-retention — .*\n\s+CloudWatch log groups[^]*\n\s+Fix: [^]*- aws:cloudwatch\/logGroup:LogGroup short\n/,
        );
        expect(text.match(/CloudWatch log groups must/g)).toHaveLength(1);
        const lines = text.trimEnd().split("\n");
        expect(lines.slice(-2)).toEqual([
            "Summary: 1 mandatory violation, 0 advisory violations, 1 can't run during preview in 9 resources — FAILED: mandatory policy violations",
            `    ${RETENTION}  1 mandatory, 1 can't run during preview`,
        ]);
        expect(text).not.toContain("\u001b[");
    });

    it("JSON of several files keeps one entry per stack", () => {
        const doc = toJsonReport(session.report([exported, previewed]));
        expect(doc.stacks.map((s) => s.origin)).toEqual(["tests/fixtures/gate/scan/export.json", "tests/fixtures/gate/scan/preview.json"]);
        expect(doc.summary).toMatchObject({ resources: 18, mandatory: 2, advisory: 0, cantRun: 2 });
    });
});

/** Every element closed in order (the XML the JUnit writer emits has no comments, CDATA or processing beyond the prolog). */
function balancedXml(xml: string): boolean {
    const stack: string[] = [];
    for (const m of xml.replace(/^<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([A-Za-z-]+)[^>]*?(\/?)>/g)) {
        const [, close, name, selfClose] = m;
        if (selfClose) continue;
        if (close) {
            if (stack.pop() !== name) return false;
        } else stack.push(name ?? "");
    }
    return stack.length === 0;
}
