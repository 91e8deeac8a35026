// The gate calls the pack as the engine does: these tests run the probe pack (tests/fixtures/gate/probe-pack), whose
// policies report what the @pulumi/policy analyzer server handed them, over a program run offline and over export and
// preview files.

import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { previewProgram } from "../../gate/preview";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import { PROBE_PACK, ensureBuilt, fixture, probeReport } from "./helpers";

type Report = Record<string, unknown>;

let session: GateSession;
let program: StackResult;
let exported: StackResult;

function reports(result: StackResult, policy: string): Map<string, Report> {
    const out = new Map<string, Report>();
    for (const f of result.findings) {
        if (f.policyName !== policy) continue;
        const r = probeReport(f.message);
        if (r["wholeStack"] !== true) out.set(f.urn, r);
    }
    return out;
}

function report(result: StackResult, policy: string, urn: string): Report {
    const r = reports(result, policy).get(urn);
    if (!r) throw new Error(`no ${policy} report for ${urn}`);
    return r;
}

const P = "urn:pulumi:test::gate-probe::";
const E = "urn:pulumi:prod::gate-fixture::";

beforeAll(async () => {
    ensureBuilt();
    session = await GateSession.open({ packDir: PROBE_PACK, configDoc: { "probe-config": { threshold: 9 }, "probe-remediate": "remediate" }, configFile: "probe.json" });
    program = await session.evaluate(await previewProgram(fixture("programs", "probe")));
    exported = await session.evaluate(scanFile(fixture("scan", "export-show-secrets.json")));
});

afterAll(() => session?.close());

describe("a program run offline, as a preview", () => {
    it("gives resources the engine's URNs: no root-stack qualifier, a component child qualified by its parent", () => {
        const urns = [...reports(program, "probe-analyze").keys()];
        expect(urns).toContain(`${P}pulumi:pulumi:Stack::gate-probe-test`);
        expect(urns).toContain(`${P}aws:s3/bucket:Bucket::data`);
        expect(urns).toContain(`${P}gate:probe:Logs$aws:cloudwatch/logGroup:LogGroup::app-group`);
    });

    it("analyzes every registration, as the engine does: the root stack, components and providers too", () => {
        const types = [...reports(program, "probe-analyze").values()].map((r) => r["type"]);
        expect(types).toEqual(expect.arrayContaining(["pulumi:pulumi:Stack", "gate:probe:Logs", "pulumi:providers:aws"]));
    });

    it("creates the default provider from stack config, named after the plugin version", () => {
        const p = report(program, "probe-analyze", `${P}pulumi:providers:aws::default_7_48_0`);
        expect(p["props"]).toEqual({ region: "string", skipCredentialsValidation: "string", version: "string" });
        const group = report(program, "probe-analyze", `${P}gate:probe:Logs$aws:cloudwatch/logGroup:LogGroup::app-group`);
        expect(group["provider"]).toEqual({
            type: "pulumi:providers:aws",
            name: "default_7_48_0",
            urn: `${P}pulumi:providers:aws::default_7_48_0`,
            region: "eu-west-1",
            version: "7.48.0",
        });
    });

    it("hands an explicit provider's own inputs to the resources that use it", () => {
        const bucket = report(program, "probe-analyze", `${P}aws:s3/bucket:Bucket::data`);
        expect(bucket["provider"]).toMatchObject({ name: "virginia", region: "us-east-1", version: "7.48.0" });
    });

    it("passes config values to the program and records the parent", () => {
        const group = report(program, "probe-analyze", `${P}gate:probe:Logs$aws:cloudwatch/logGroup:LogGroup::app-group`);
        expect(group["retentionInDays"]).toBe(14);
        expect(group["parent"]).toBe(`${P}gate:probe:Logs::app`);
    });

    it("gives a secure config value to the program as a secret that is unknown offline", () => {
        const group = report(program, "probe-analyze", `${P}gate:probe:Logs$aws:cloudwatch/logGroup:LogGroup::app-group`);
        expect(group["tagsOwner"]).toBe("<unknown>");
    });

    it("leaves another resource's id unknown, as in a preview", () => {
        const pab = report(program, "probe-analyze", `${P}aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::data`);
        expect(pab["props"]).toMatchObject({ bucket: "<unknown>", blockPublicAcls: "boolean" });
    });

    it("records dependencies and property dependencies for AnalyzeStack", () => {
        const pab = report(program, "probe-stack", `${P}aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::data`);
        expect(pab["dependencies"]).toEqual([`${P}aws:s3/bucket:Bucket::data`]);
        expect(pab["propertyDependencies"]).toEqual({ bucket: [`${P}aws:s3/bucket:Bucket::data`] });
        expect(pab["parent"]).toBe(`${P}pulumi:pulumi:Stack::gate-probe-test`);
    });

    it("hands AnalyzeStack the stack's and components' registered outputs (unknown until the update)", () => {
        expect(report(program, "probe-stack", `${P}pulumi:pulumi:Stack::gate-probe-test`)["props"]).toEqual({ bucketArn: "<unknown>" });
        expect(report(program, "probe-stack", `${P}gate:probe:Logs::app`)["props"]).toEqual({ groupName: "<unknown>" });
    });

    it("sends the engine's built-in stack tags with ConfigureStack", () => {
        const root = report(program, "probe-analyze", `${P}pulumi:pulumi:Stack::gate-probe-test`);
        expect(root["stackTags"]).toEqual({
            "pulumi:project": "gate-probe",
            "pulumi:runtime": "nodejs",
            "pulumi:description": "srguard gate test program",
        });
    });

    it("points each resource at the program line that declared it", () => {
        const source = fs.readFileSync(fixture("programs", "probe", "index.ts"), "utf8").split("\n");
        const line = source.findIndex((l) => l.includes("new aws.s3.Bucket(")) + 1;
        const bucket = program.findings.find((f) => f.urn === `${P}aws:s3/bucket:Bucket::data`);
        expect(bucket?.source?.uri).toMatch(/programs\/probe\/index\.ts$/);
        expect(bucket?.source?.line).toBe(line);
    });
});

describe("a stack export", () => {
    it("resolves a provider reference to the provider resource's inputs", () => {
        const kept = report(exported, "probe-analyze", `${E}aws:cloudwatch/logGroup:LogGroup::kept`);
        expect(kept["provider"]).toMatchObject({ name: "virginia", region: "us-east-1" });
        const short = report(exported, "probe-analyze", `${E}aws:cloudwatch/logGroup:LogGroup::short`);
        expect(short["provider"]).toMatchObject({ name: "default_7_48_0", region: "ap-northeast-1" });
    });

    it("hands Analyze the inputs and AnalyzeStack the outputs", () => {
        expect(report(exported, "probe-analyze", `${E}aws:cloudwatch/logGroup:LogGroup::short`)["props"]).not.toHaveProperty("arn");
        expect(report(exported, "probe-stack", `${E}aws:cloudwatch/logGroup:LogGroup::short`)["props"]).toHaveProperty("arn", "string");
    });

    it("drops internal keys such as __defaults", () => {
        expect(report(exported, "probe-analyze", `${E}aws:cloudwatch/logGroup:LogGroup::short`)["props"]).not.toHaveProperty("__defaults");
    });

    it("decrypts nothing, but decodes a --show-secrets plaintext secret for the policy", () => {
        expect(report(exported, "probe-analyze", `${E}aws:cloudwatch/logGroup:LogGroup::kept`)["tagsOwner"]).toBe("the fixture secret");
        expect(report(exported, "probe-analyze", `${E}aws:cloudwatch/logGroup:LogGroup::hidden`)["retentionInDays"]).toBe(30);
    });

    it("does not analyze a resource the stack only reads, but shows it to stack policies", () => {
        expect(reports(exported, "probe-analyze").has(`${E}aws:cloudwatch/logGroup:LogGroup::shared`)).toBe(false);
        expect(reports(exported, "probe-stack").has(`${E}aws:cloudwatch/logGroup:LogGroup::shared`)).toBe(true);
    });

    it("leaves out a resource pending deletion", () => {
        expect(reports(exported, "probe-stack").has(`${E}aws:cloudwatch/logGroup:LogGroup::retired`)).toBe(false);
    });

    it("drops empty property dependencies, as the engine does", () => {
        expect(report(exported, "probe-stack", `${E}aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::data`)["propertyDependencies"]).toEqual({
            bucket: [`${E}aws:s3/bucket:Bucket::data`],
        });
    });
});

describe("stack diagnostics and remediations", () => {
    it("attributes a stack diagnostic without a resource to the root stack, as the engine does", () => {
        const f = program.findings.find((x) => x.policyName === "probe-stack" && probeReport(x.message)["wholeStack"] === true);
        expect(f?.urn).toBe(`${P}pulumi:pulumi:Stack::gate-probe-test`);
        expect(f?.stage).toBe("stack");
    });

    it("runs Remediate before Analyze when a policy is at the remediate level, and analyzes the remediated inputs", () => {
        expect(report(program, "probe-analyze", `${P}aws:s3/bucket:Bucket::data`)["props"]).toEqual({ forceDestroy: "boolean" });
        // Not a bucket: left as it was.
        expect(report(program, "probe-analyze", `${P}gate:probe:Logs$aws:cloudwatch/logGroup:LogGroup::app-group`)["props"]).toEqual({
            retentionInDays: "number",
            tags: "object",
        });
    });
});

describe("policy config", () => {
    it("reaches the policy with the file's values over the schema defaults", () => {
        const root = program.findings.find((f) => f.policyName === "probe-config");
        expect(root && probeReport(root.message)).toEqual({ threshold: 9 });
    });
});
