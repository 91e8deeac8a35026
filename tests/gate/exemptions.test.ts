// Exemptions through the real pack over gRPC, as the Pulumi CLI calls it (Configure with the whole policy-pack config,
// Analyze, AnalyzeStack): config and tag exemptions on AWS and Azure resources, in force (today included), expired and
// not honoured; srguard-exemptions' problems; allowInCodeExemptions false; every output format; a secret-valued tag
// never printed. The date is SRGUARD_TODAY, handed to the pack's environment (never the real date).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { toJsonReport } from "../../gate/formats/json";
import { formatJunit } from "../../gate/formats/junit";
import { formatMarkdown } from "../../gate/formats/markdown";
import { toSarif } from "../../gate/formats/sarif";
import { formatText } from "../../gate/formats/text";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import type { JsonObject } from "../../gate/wire";
import { setTodayForTesting } from "../../policies/core/exemptions";
import { ensureBuilt, fixture, ROOT, runCli } from "./helpers";
import { validateSarif } from "./sarif-validator";

const TODAY = { SRGUARD_TODAY: "2026-06-15" };
const EXPORT = fixture("exemptions", "export.json");
const CONFIG_FILE = fixture("exemptions", "policy-config.json");
const CONFIG = JSON.parse(fs.readFileSync(CONFIG_FILE, "utf8")) as JsonObject;
const SECRET = "s3cr3t-reason-91b2";
const SQS = "aws-sqs-queue-require-encryption";
const BLOB = "azure-storage-account-disallow-public-blob-access";

let session: GateSession;
let result: StackResult;

function withExemptions(entry: JsonObject): JsonObject {
    return { ...CONFIG, "srguard-exemptions": { ...(CONFIG["srguard-exemptions"] as JsonObject), ...entry } };
}

async function evaluate(doc: JsonObject, env = TODAY): Promise<StackResult> {
    const s = await GateSession.open({ configDoc: doc, configFile: "test-config.json", env });
    try {
        return await s.evaluate(scanFile(EXPORT));
    } finally {
        s.close();
    }
}

const finding = (r: StackResult, policy: string, resource: string) => r.findings.filter((f) => f.policyName === policy && f.resourceName === resource);

beforeAll(async () => {
    ensureBuilt();
    // The gate's own date (days to expiry in the reports); the pack gets SRGUARD_TODAY.
    setTodayForTesting(TODAY.SRGUARD_TODAY);
    session = await GateSession.open({ configFile: CONFIG_FILE, env: TODAY });
    result = await session.evaluate(scanFile(EXPORT));
});

afterAll(() => {
    session?.close();
    setTodayForTesting(undefined);
});

describe("through the pack", () => {
    it("exempts an AWS resource by a config exemption: advisory, saying reason, expiry and ticket", () => {
        const [f] = finding(result, SQS, "jobs");
        expect(f?.enforcementLevel).toBe("advisory");
        expect(f?.message.split("\n").pop()).toBe("EXEMPTED until 2026-12-31 by config exemption #1, ticket SEC-123: public job feed, reviewed");
        expect(f?.exemption).toMatchObject({ status: "exempted", source: "config", ticket: "SEC-123" });
    });

    it("exempts an exemption expiring today, on an Azure resource matched by a URN glob", () => {
        const [f] = finding(result, BLOB, "files");
        expect(f?.enforcementLevel).toBe("advisory");
        expect(f?.exemption).toMatchObject({ status: "exempted", expires: "2026-06-15" });
    });

    it("exempts by tag on AWS and Azure resources", () => {
        for (const [policy, name, expires] of [
            [SQS, "tagged-jobs", "2026-09-30"],
            [BLOB, "website", "2026-12-31"],
        ] as const) {
            const [f] = finding(result, policy, name);
            expect(f?.enforcementLevel, name).toBe("advisory");
            expect(f?.exemption, name).toMatchObject({ status: "exempted", source: "tag", expires, tagKey: `srguard-exempt:${policy}` });
        }
    });

    it("blocks again once an exemption has expired, naming it and its date", () => {
        const [f] = finding(result, SQS, "legacy-jobs");
        expect(f?.enforcementLevel).toBe("mandatory");
        expect(f?.message).toContain("NO LONGER EXEMPTED: config exemption #2, ticket SEC-99 expired on 2026-03-31: migration to KMS");
    });

    it("is judged on the day it is given: the day after an expiry, the exemption no longer counts", async () => {
        const r = await evaluate(CONFIG, { SRGUARD_TODAY: "2026-06-16" });
        expect(finding(r, BLOB, "files")[0]?.enforcementLevel).toBe("mandatory");
        expect(finding(r, BLOB, "files")[0]?.message).toContain("expired on 2026-06-15");
        // A day before the expired one's date, it was in force.
        const before = await evaluate(CONFIG, { SRGUARD_TODAY: "2026-03-31" });
        expect(finding(before, SQS, "legacy-jobs")[0]?.enforcementLevel).toBe("advisory");
    });

    it("refuses a secret-valued exemption tag, and never prints it", () => {
        const [f] = finding(result, SQS, "secret-jobs");
        expect(f?.enforcementLevel).toBe("mandatory");
        expect(f?.message).toContain("has a secret value, which is not shown");
        const [problem] = finding(result, "srguard-exemptions", "secret-jobs");
        expect(problem?.enforcementLevel).toBe("mandatory");
        expect(JSON.stringify(result.findings)).not.toContain(SECRET);
    });

    it("leaves a resource without an exemption blocking", () => {
        expect(finding(result, SQS, "plain-jobs")[0]?.enforcementLevel).toBe("mandatory");
    });

    it("reports unmatched, reasonless and too-long config exemptions (srguard-exemptions, mandatory), and honours none of them", async () => {
        const r = await evaluate(
            withExemptions({
                exemptions: [
                    { policy: SQS, resource: "website-*", reason: "r", expires: "2026-12-31" },
                    { policy: SQS, resource: "plain-jobs", expires: "2026-12-31" },
                    { policy: BLOB, resource: "files", reason: "r", expires: "2027-06-16" },
                    { policy: "aws-no-such-policy", resource: "jobs", reason: "r", expires: "2026-12-31" },
                ],
            }),
        );
        const problems = r.findings.filter((f) => f.policyName === "srguard-exemptions").map((f) => f.message);
        expect(r.findings.filter((f) => f.policyName === "srguard-exemptions" && f.resourceType === "pulumi:pulumi:Stack").every((f) => f.enforcementLevel === "mandatory")).toBe(true);
        expect(problems.join("\n")).toContain("config exemption #1 (policy aws-sqs-queue-require-encryption, resource 'website-*') matches no resource of this stack");
        expect(problems.join("\n")).toContain("config exemption #2 (policy aws-sqs-queue-require-encryption, resource 'plain-jobs') has no reason");
        expect(problems.join("\n")).toContain("expires on 2027-06-16, 366 days from today: more than maxDays (365)");
        expect(problems.join("\n")).toContain("names no policy of this pack ('aws-no-such-policy')");
        expect(finding(r, SQS, "plain-jobs")[0]?.enforcementLevel).toBe("mandatory");
        expect(finding(r, BLOB, "files")[0]?.enforcementLevel).toBe("mandatory");
        expect(finding(r, BLOB, "files")[0]?.message).toContain("EXEMPTION NOT HONOURED");
    });

    it("honours no tag when allowInCodeExemptions is false, and reports every exemption tag", async () => {
        const r = await evaluate(withExemptions({ allowInCodeExemptions: false }));
        expect(finding(r, SQS, "tagged-jobs")[0]?.enforcementLevel).toBe("mandatory");
        expect(finding(r, BLOB, "website")[0]?.enforcementLevel).toBe("mandatory");
        expect(finding(r, "srguard-exemptions", "website")[0]?.message).toContain("allowInCodeExemptions is false");
        // Config exemptions still count.
        expect(finding(r, SQS, "jobs")[0]?.enforcementLevel).toBe("advisory");
    });

    it("exempts nothing when srguard-exemptions is disabled", async () => {
        const r = await evaluate(withExemptions({ enforcementLevel: "disabled" }));
        expect(r.findings.filter((f) => f.policyName !== "srguard-exemptions").every((f) => f.enforcementLevel === "mandatory")).toBe(true);
    });
});

describe("in every output format", () => {
    it("JSON: exempted findings apart from violations, and the exemptions list", () => {
        const j = toJsonReport(session.report([result]));
        expect(j.violations.some((v) => v.urn.endsWith("::jobs"))).toBe(false);
        expect(j.exempted.map((v) => v.urn.split("::").pop()).sort()).toEqual(["files", "jobs", "tagged-jobs", "website"]);
        expect(j.summary.exempted).toBe(4);
        expect(j.exemptions[0]).toEqual({
            policyName: SQS,
            urn: "urn:pulumi:prod::exempt-fixture::aws:sqs/queue:Queue::legacy-jobs",
            resourceName: "legacy-jobs",
            resourceType: "aws:sqs/queue:Queue",
            status: "expired",
            source: "config",
            where: "config exemption #2, ticket SEC-99",
            reason: "migration to KMS",
            expires: "2026-03-31",
            ticket: "SEC-99",
            daysLeft: -76,
        });
        expect(j.exemptions.map((e) => e.daysLeft)).toEqual([-76, 0, 107, 199, 199]);
    });

    it("SARIF: suppressions (external for config, inSource for tags, the reason as justification), valid SARIF 2.1.0", () => {
        const sarif = toSarif(session.report([result]), ROOT);
        expect(validateSarif(sarif)).toEqual([]);
        const results = sarif.runs[0]?.results ?? [];
        const of = (name: string) => results.filter((r) => r.locations[0]?.logicalLocations[0]?.name === name && r.ruleId !== "srguard-exemptions");
        expect(of("jobs")[0]).toMatchObject({ level: "error", suppressions: [{ kind: "external", status: "accepted", justification: "public job feed, reviewed" }] });
        expect(of("website")[0]).toMatchObject({ suppressions: [{ kind: "inSource", status: "accepted", justification: "public website content reviewed" }] });
        expect(of("legacy-jobs")[0]).not.toHaveProperty("suppressions");
        expect(validateSarif({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...results[0], suppressions: [{ kind: "ignored" }] }] }] })).not.toEqual([]);
    });

    it("JUnit: a resource whose findings are all exempted is skipped, with the reason", () => {
        const xml = formatJunit(session.report([result]));
        expect(xml).toMatch(/<testcase classname="aws:sqs\/queue:Queue" name="urn:pulumi:prod::exempt-fixture::aws:sqs\/queue:Queue::jobs">\n\s+<skipped message="aws-sqs-queue-require-encryption: exempted until 2026-12-31 \(config\): public job feed, reviewed"\/>/);
        expect(xml).toContain('skipped="4"');
        expect(xml).toMatch(/name="[^"]*legacy-jobs">\n\s+<failure type="mandatory"/);
    });

    it("text: an Exemptions section with days to expiry", () => {
        const text = formatText(session.report([result]), { color: false });
        expect(text).toContain("Exemptions (soonest expiry first):");
        expect(text).toContain("[exempted]  aws-sqs-queue-require-encryption on aws:sqs/queue:Queue jobs — until 2026-12-31, 199 days left");
        expect(text).toContain("[expired]   aws-sqs-queue-require-encryption on aws:sqs/queue:Queue legacy-jobs — expired 76 days ago (on 2026-03-31): the violation counts again");
        expect(text).toContain("4 mandatory violations, 0 advisory violations, 4 exempted");
    });

    it("markdown: counts by control and severity, failing policies with resources and remediation, then exemptions", () => {
        const md = formatMarkdown(session.report([result]));
        expect(md.split("\n")[0]).toBe("### ❌ srguard: failed — 4 mandatory violations, 0 advisory violations, 4 exempted");
        expect(md).toContain("| encryption-at-rest | 0 | 0 | 3 | 0 | 3 |");
        expect(md).toContain("**`aws-sqs-queue-require-encryption`** — SQS queues are encrypted at rest (mandatory, medium)");
        expect(md).toContain("  Fix: ");
        expect(md).toContain("| exempted | `aws-sqs-queue-require-encryption` | `jobs` | 2026-12-31 (199 days left) | config exemption #1, ticket SEC-123 | public job feed, reviewed |");
        expect(md).toContain("| **expired** (counts again) | `aws-sqs-queue-require-encryption` | `legacy-jobs` | 2026-03-31 (expired 76 days ago)");
        // Exempted resources are not listed as failing.
        expect(md).not.toMatch(/^- `jobs`/m);
    });

    it("never prints the secret-valued tag, in any format", () => {
        const report = session.report([result]);
        for (const out of [
            formatText(report, { color: false }),
            JSON.stringify(toJsonReport(report)),
            JSON.stringify(toSarif(report, ROOT)),
            formatJunit(report),
            formatMarkdown(report),
        ]) {
            expect(out).not.toContain(SECRET);
        }
    });
});

describe("the command line", () => {
    it("`scan --format markdown` exits 1 on mandatory violations and prints the report", () => {
        const r = runCliAt(["scan", "-c", CONFIG_FILE, "--format", "markdown", EXPORT]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain("#### Exemptions");
    });

    it("`srguard exemptions` lists the config's and the stack's exemptions, soonest expiry first, never a secret", () => {
        const r = runCliAt(["exemptions", "-c", CONFIG_FILE, EXPORT]);
        expect(r.code).toBe(0);
        const heads = r.stdout.split("\n").filter((l) => /^(IN FORCE|EXPIRED|NOT HONOURED)/.test(l));
        expect(heads.map((l) => l.split(/\s{2,}|\s(?=aws|azure)/)[0])).toEqual(["EXPIRED", "IN FORCE", "IN FORCE", "IN FORCE", "IN FORCE", "NOT HONOURED"]);
        expect(heads[0]).toContain("expired on 2026-03-31 (76 days ago)");
        expect(r.stdout).not.toContain(SECRET);
        const json = JSON.parse(runCliAt(["exemptions", "-c", CONFIG_FILE, "-f", "json", EXPORT]).stdout) as { today: string; exemptions: { status: string; reason: string | null }[] };
        expect(json.today).toBe("2026-06-15");
        expect(json.exemptions.filter((e) => e.reason === null)).toHaveLength(1);
    });

    it("`srguard exemptions` with a config only lists its entries", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-exemptions-"));
        const file = path.join(dir, "config.json");
        fs.writeFileSync(file, JSON.stringify({ "srguard-exemptions": { exemptions: [{ policy: SQS, resource: "x", reason: "r", expires: "2026-07-01" }] } }));
        const r = runCliAt(["exemptions", "-c", file]);
        expect(r.stdout).toContain(`IN FORCE     ${SQS} on 'x' — until 2026-07-01 (16 days left)`);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

function runCliAt(args: readonly string[]) {
    const saved = process.env["SRGUARD_TODAY"];
    process.env["SRGUARD_TODAY"] = TODAY.SRGUARD_TODAY;
    try {
        return runCli(args);
    } finally {
        if (saved === undefined) delete process.env["SRGUARD_TODAY"];
        else process.env["SRGUARD_TODAY"] = saved;
    }
}
