// The repository's root Pulumi.yaml is the compliant MSP delegation sample: `pulumi preview --policy-pack policies`
// at the root previews it, and `srguard preview` with no folder evaluates the same program.

import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../gate/helpers";
import { ROOT, ensureBuilt } from "./helpers";

const SAMPLE = path.join("stacks", "aws-msp-delegation");
const CONFIG = path.join(SAMPLE, "policy-config.json");

beforeAll(() => ensureBuilt(), 120_000);

interface Report {
    violations: { policyName: string; urn: string; outcome?: string }[];
    summary: { resources: number; mandatory: number; advisory: number };
    stacks: { project: string; stack: string; resources: number }[];
}

function preview(...args: string[]): { code: number; report: Report; stderr: string } {
    const r = runCli(["preview", ...args, "--config", CONFIG, "--format", "json"]);
    return { code: r.code, report: JSON.parse(r.stdout || "{}") as Report, stderr: r.stderr };
}

describe("the root Pulumi project", () => {
    it("runs the sample's program with the sample's stack config", () => {
        const yaml = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");
        expect(yaml).toMatch(/^main: stacks\/aws-msp-delegation\/index\.ts$/m);
        expect(yaml).toMatch(/^stackConfigDir: stacks\/aws-msp-delegation$/m);
        expect(yaml).toMatch(/^name: aws-msp-delegation$/m);
        expect(fs.existsSync(path.join(ROOT, SAMPLE, "Pulumi.dev.yaml"))).toBe(true);
    });

    it("`srguard preview` with no folder evaluates the same program as the sample's folder, and it is compliant", () => {
        const root = preview();
        const sample = preview(SAMPLE);
        expect(root.code, root.stderr).toBe(0);
        expect(root.report.summary.resources).toBeGreaterThan(5);
        expect(root.report.summary.mandatory).toBe(0);
        expect(root.report.stacks.map((s) => [s.project, s.stack, s.resources])).toEqual(sample.report.stacks.map((s) => [s.project, s.stack, s.resources]));
        const key = (r: Report) => r.violations.map((v) => `${v.policyName} ${v.urn} ${v.outcome ?? ""}`).sort();
        expect(key(root.report)).toEqual(key(sample.report));
    }, 120_000);
});
