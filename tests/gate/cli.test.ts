// The srguard command as CI runs it: exit codes (0 no mandatory violation, 1 mandatory violations, 2 bad input or
// usage), --output, and one line — never a stack trace — for every kind of bad input.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ONLY_RETENTION_FILE, ensureBuilt, fixture, runCli } from "./helpers";
import { validateSarif } from "./sarif-validator";

let tmp: string;

beforeAll(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "srguard-cli-"));
});

function write(name: string, text: string): string {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    return f;
}

/** Exit 2 with exactly one line on stderr, starting `srguard: `, and no stack frame. */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^srguard: /);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe("exit codes", () => {
    it("is 1 when a mandatory policy is violated, with the report on stdout", () => {
        const r = runCli(["preview", "stacks/aws-baseline-violations", "--config", ONLY_RETENTION_FILE]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain("[mandatory]  [medium]  aws-cloudwatch-log-group-configure-retention");
        // The summary line, then one line per policy.
        expect(r.stdout.trimEnd().split("\n").slice(-2)).toEqual([
            expect.stringMatching(/^Summary: 1 mandatory violation, 0 advisory violations in \d+ resources/),
            "    aws-cloudwatch-log-group-configure-retention  1 mandatory",
        ]);
    });

    it("is 0 without mandatory violations; --output writes the report to the file", () => {
        const out = path.join(tmp, "report.json");
        const r = runCli(["preview", "stacks/aws-baseline", "--config", ONLY_RETENTION_FILE, "--format", "json", "--output", out]);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe("");
        const doc = JSON.parse(fs.readFileSync(out, "utf8")) as { summary: { mandatory: number } };
        expect(doc.summary.mandatory).toBe(0);
    });

    it("is 0 when the only violations are advisory", () => {
        const config = write("advisory.json", JSON.stringify({ all: "disabled", "aws-cloudwatch-log-group-configure-retention": "advisory" }));
        const r = runCli(["scan", fixture("scan", "export.json"), "--config", config, "--format", "sarif"]);
        expect(r.code).toBe(0);
        const sarif = JSON.parse(r.stdout) as { runs: { results: { level: string }[] }[] };
        expect(validateSarif(sarif)).toEqual([]);
        // The encrypted secret's "can't run during preview" is no violation: level none (kind open).
        expect(sarif.runs[0]?.results.map((x) => x.level)).toEqual(["warning", "none"]);
    });

    it("lists the policies with their metadata", () => {
        const r = runCli(["policies", "--format", "json"]);
        expect(r.code).toBe(0);
        const doc = JSON.parse(r.stdout) as { policies: { name: string; control: string; enforcementLevel: string }[] };
        expect(doc.policies.find((p) => p.name === "aws-cloudwatch-log-group-configure-retention")).toMatchObject({
            control: "log-retention",
            enforcementLevel: "mandatory",
        });
    });

    it("samples reports every stack folder and exits 2 when one could not be evaluated", () => {
        const r = runCli(["samples", fixture("programs"), "--config", ONLY_RETENTION_FILE]);
        expect(r.code).toBe(2);
        const finals = r.stdout.trimEnd().split("\n").slice(-3);
        expect(finals).toEqual([
            "tests/fixtures/gate/programs/probe: 1 mandatory violation, 0 advisory violations",
            "tests/fixtures/gate/programs/throws: could not be evaluated: tests/fixtures/gate/programs/throws: program failed: boom: the program broke (at index.ts:3)",
            // `derived` keeps logs 7 days once its computed retention is known: the `pulumi up` pass finds it.
            "tests/fixtures/gate/programs/unknown-retention: 1 mandatory violation, 0 advisory violations, 1 would block at `pulumi up`, 1 can't run during preview",
        ]);
    });
});

describe("bad input: exit 2 and one line naming the file", () => {
    it("malformed JSON", () => {
        const f = write("broken.json", '{"steps": [');
        expectOneLineError(runCli(["scan", f]), /broken\.json: malformed JSON: /);
    });

    it("JSON of an unrecognised shape", () => {
        const f = write("other.json", JSON.stringify({ resources: "none" }));
        expectOneLineError(runCli(["scan", f]), /other\.json: unrecognised JSON: expected the output of `pulumi preview --json` or `pulumi stack export`/);
    });

    it("a stack export of another version", () => {
        const f = write("v2.json", JSON.stringify({ version: 2, deployment: { resources: [] } }));
        expectOneLineError(runCli(["scan", f]), /v2\.json: stack export version 2 is not supported/);
    });

    it("a resource without a URN", () => {
        const f = write("nourn.json", JSON.stringify({ version: 3, deployment: { resources: [{ type: "aws:s3/bucket:Bucket" }] } }));
        expectOneLineError(runCli(["scan", f]), /nourn\.json: deployment\.resources\[0\]: has no valid `urn`/);
    });

    it("a missing file", () => {
        expectOneLineError(runCli(["scan", path.join(tmp, "absent.json")]), /absent\.json: no such file$/);
    });

    it("a folder without Pulumi.yaml", () => {
        expectOneLineError(runCli(["preview", tmp]), /: no Pulumi\.yaml here \(not a Pulumi project\)$/);
    });

    it("an unknown stack", () => {
        expectOneLineError(runCli(["preview", "stacks/aws-baseline", "--stack", "prod"]), /^srguard: stacks\/aws-baseline: unknown stack 'prod' \(stacks: dev\)$/);
    });

    it("a program that throws", () => {
        expectOneLineError(
            runCli(["preview", fixture("programs", "throws")]),
            /^srguard: tests\/fixtures\/gate\/programs\/throws: program failed: boom: the program broke \(at index\.ts:3\)$/,
        );
    });

    it("a config file that is not JSON", () => {
        const f = write("config-broken.json", "all: advisory");
        expectOneLineError(runCli(["scan", fixture("scan", "export.json"), "--config", f]), /config-broken\.json: malformed JSON/);
    });

    it("a config value the policy refuses, naming the file and the key", () => {
        const f = write("config-bad.json", JSON.stringify({ "aws-cloudwatch-log-group-configure-retention": { minimumRetentionDays: 0 } }));
        expectOneLineError(
            runCli(["scan", fixture("scan", "export.json"), "--config", f]),
            /config-bad\.json: policy 'aws-cloudwatch-log-group-configure-retention': config key 'minimumRetentionDays' must be at least 1/,
        );
    });

    it("a config naming no policy of the pack", () => {
        const f = write("config-unknown.json", JSON.stringify({ "aws-s3-bucket-be-nice": "mandatory" }));
        expectOneLineError(runCli(["scan", fixture("scan", "export.json"), "--config", f]), /config-unknown\.json: 'aws-s3-bucket-be-nice' names no policy/);
    });

    it("an unknown option", () => {
        expectOneLineError(runCli(["scan", "x.json", "--colour"]), /unknown option --colour/);
    });
});
