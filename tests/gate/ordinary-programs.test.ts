// Issue 11, the gate's side: ordinary programs end to end through `srguard preview` — the second evaluation "as
// `pulumi up` would see it" (bucket policies, trust policies and role-assignment scopes built from other resources),
// `--strict-unknowns`, `./x.js` imports of TypeScript files, offline data-source answers and failures that name the
// program's line, multi-language components, placeholder project names, and the text report grouped by policy.
// One pack serves the programs run through the API; three CLI runs check exit codes and formats.

import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfigFile } from "../../gate/config";
import { GateError } from "../../gate/errors";
import type { StackResult } from "../../gate/evaluate";
import { formatText } from "../../gate/formats/text";
import { planPreview } from "../../gate/preview";
import { GateSession } from "../../gate/session";
import { evaluateBothPasses, isCantRun } from "../../gate/would-block";
import { ONLY_RETENTION_FILE, ROOT, ensureBuilt, fixture, runCli } from "./helpers";

const program = (name: string) => fixture("programs", "ordinary", name);
const CONFIG = path.join(program("would-block-aws"), "policy-config.json");
const results = new Map<string, StackResult>();
let session: GateSession;

const brief = (fs: readonly { policyName: string; resourceName: string }[] | undefined) => (fs ?? []).map((f) => `${f.policyName} ${f.resourceName}`).sort();

beforeAll(async () => {
    ensureBuilt();
    const opening = GateSession.open({ configFile: CONFIG });
    const names = ["would-block-aws", "would-block-azure", "js-imports", "data-sources", "remote-component", "report-grouping"];
    const plans = names.map((n) =>
        planPreview(program(n), {
            policyConfig: readConfigFile(CONFIG),
            ...(n === "data-sources" ? { dataSourcesFile: path.join(program(n), "data-sources.json") } : {}),
        }),
    );
    const runs = plans.map((p) => ({ preview: p.run(), up: p.runAsUp() }));
    session = await opening;
    for (const [i, n] of names.entries()) {
        const run = runs[i];
        if (!run) continue;
        results.set(n, await evaluateBothPasses(session, await run.preview, run.up));
    }
}, 180_000);

afterAll(() => session?.close());

describe("would block at `pulumi up`", () => {
    it("finds the public bucket policy, the trust to a user without MFA and the OIDC trust pinned only by audience", () => {
        expect(brief(results.get("would-block-aws")?.wouldBlock)).toEqual([
            "aws-iam-role-require-mfa deploy",
            "aws-iam-role-restrict-federated-trust ci",
            "aws-s3-bucket-policy-disallow-public-access site-public-read",
        ]);
    });

    it("reports them apart from the preview, where the same policies could not run", () => {
        const r = results.get("would-block-aws");
        const preview = (r?.findings ?? []).filter((f) => ["site-public-read", "deploy", "ci"].includes(f.resourceName));
        expect(preview.length).toBeGreaterThan(0);
        expect(preview.filter((f) => f.policyName === "aws-s3-bucket-policy-disallow-public-access" || f.policyName === "aws-iam-role-require-mfa").every(isCantRun)).toBe(true);
    });

    it("gets no finding from the stand-ins: the compliant documents that name the stack's own resources stay compliant", () => {
        const names = (results.get("would-block-aws")?.wouldBlock ?? []).map((f) => f.resourceName);
        for (const compliant of ["data-reader", "operator", "ci-main", "reader", "site", "data", "deployer", "github"]) expect(names).not.toContain(compliant);
    });

    it("finds Owner on a management group given by its id, and leaves Contributor on a resource group alone", () => {
        expect(brief(results.get("would-block-azure")?.wouldBlock)).toEqual(["azure-authorization-role-assignment-disallow-standing-privileged platform-owner"]);
    });
});

describe("ordinary programs the gate runs", () => {
    it("resolves `./x.js` imports of TypeScript files and locates the resource in the imported file", () => {
        const f = results.get("js-imports")?.findings.find((x) => x.policyName === "aws-cloudwatch-log-group-configure-retention");
        expect(f?.resourceName).toBe("api");
        expect(f?.source?.uri).toMatch(/js-imports\/lib\/logs\.ts$/);
    });

    it("answers data sources offline: zones, account and region stand-ins, an exact policy document, the user's AMI", () => {
        const r = results.get("data-sources");
        const web = r?.stack.resources.find((x) => x.name === "web");
        expect(web?.inputs).toMatchObject({ instanceType: "t4g.micro", availabilityZone: "ap-northeast-1a", ami: "ami-0123456789abcdef0" });
        expect(r?.stack.resources.find((x) => x.name === "logs")?.inputs["bucket"]).toBe("logs-111111111111-ap-northeast-1");
        // The document is known in the preview itself, so its violation is a preview finding.
        expect(brief(r?.findings.filter((f) => f.enforcementLevel === "mandatory" && f.policyName.includes("bucket-policy")))).toEqual([
            "aws-s3-bucket-policy-disallow-public-access logs-public",
        ]);
        expect(r?.warnings.filter((w) => w.includes("data source"))).toEqual([]);
    });

    it("names the program's own line and the data sources' offline answers when the program fails", async () => {
        const run = planPreview(program("data-source-crash")).run();
        await expect(run).rejects.toBeInstanceOf(GateError);
        await expect(run).rejects.toThrow(
            /program failed: Cannot read properties of undefined \(reading '0'\) \(at index\.ts:8\); data sources offline: aws:index\/getAvailabilityZones:getAvailabilityZones \(a stand-in answer\), aws:rds\/getEngineVersion:getEngineVersion \(an empty result\)$/,
        );
    });

    it("warns, naming it, that a multi-language component's children are not evaluated offline", () => {
        expect(results.get("remote-component")?.warnings).toContain(
            "awsx:ec2:Vpc 'main' is a multi-language component: what it creates is not evaluated offline (evaluate a real `pulumi preview --json` with `srguard scan`)",
        );
    });

    it("refuses a Pulumi.yaml whose name is a template placeholder", () => {
        expect(() => planPreview(program("placeholder-name"))).toThrow(/Pulumi\.yaml: project name '\$\{PROJECT\}' is a template placeholder/);
    });
});

describe("the text report", () => {
    it("describes a policy once for all its resources, with each resource's file:line, and ends with one line per policy", () => {
        const r = results.get("report-grouping");
        if (!r) throw new Error("no result");
        const text = formatText(session.report([r]), { color: false, base: ROOT });
        expect(text.match(/must be deployed|allowed regions/g)?.length ?? 0).toBeLessThanOrEqual(4);
        const region = text.split("\n").findIndex((l) => l.includes("aws-regional-resource-restrict-region —"));
        expect(region).toBeGreaterThan(0);
        const at = "tests/fixtures/gate/programs/ordinary/report-grouping/index.ts";
        for (const [name, line] of [["orders", 5], ["invoices", 6], ["api", 7], ["worker", 8]] as const) expect(text).toContain(` ${name} (${at}:${line})`);
        const lines = text.trimEnd().split("\n");
        const summary = lines.findIndex((l) => l.startsWith("Summary: "));
        expect(lines.slice(summary + 1)).toContainEqual(expect.stringMatching(/^ {4}aws-regional-resource-restrict-region +4 mandatory$/));
        expect(text.split("aws-regional-resource-restrict-region —")).toHaveLength(2);
    });
});

describe("the CLI", () => {
    it("exits 1 when only the `pulumi up` pass finds a mandatory violation, and lists it apart in the JSON", () => {
        const r = runCli(["preview", program("would-block-azure"), "--format", "json"]);
        expect(r.code).toBe(1);
        const doc = JSON.parse(r.stdout) as { wouldBlock: { policyName: string; outcome: string; location: string }[]; summary: Record<string, unknown>; violations: { outcome: string }[] };
        expect(doc.wouldBlock.map((v) => v.policyName)).toEqual(["azure-authorization-role-assignment-disallow-standing-privileged"]);
        expect(doc.wouldBlock[0]?.location).toBe("tests/fixtures/gate/programs/ordinary/would-block-azure/index.ts:11");
        expect(doc.summary).toMatchObject({ mandatory: 0, wouldBlock: { mandatory: 1, advisory: 0 } });
        expect(doc.violations.filter((v) => v.outcome === "cant-run").length).toBe(doc.summary["cantRun"]);
    });

    it("exits 0 when a mandatory policy can't run during preview, and 1 with --strict-unknowns (SARIF marks it open)", () => {
        const lenient = runCli(["preview", program("strict-unknowns"), "--config", ONLY_RETENTION_FILE]);
        expect(lenient.code).toBe(0);
        expect(lenient.stdout).toContain("[can't run: mandatory policy]  [medium]  aws-cloudwatch-log-group-configure-retention");
        const strict = runCli(["preview", program("strict-unknowns"), "--config", ONLY_RETENTION_FILE, "--strict-unknowns", "--format", "sarif"]);
        expect(strict.code).toBe(1);
        const sarif = JSON.parse(strict.stdout) as { runs: { results: { kind?: string; level: string; properties: Record<string, unknown> }[] }[] };
        expect(sarif.runs[0]?.results.map((x) => [x.kind, x.level, x.properties["outcome"], x.properties["policyEnforcementLevel"]])).toEqual([
            ["open", "none", "cant-run", "mandatory"],
        ]);
    });
});
