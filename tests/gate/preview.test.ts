// `srguard preview`: Pulumi programs run offline with srguard's pack (only the log-retention policy enabled, so that
// the expectations hold as other policies are added). The sample stacks are held to their exact violations here.

import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GateError } from "../../gate/errors";
import type { StackResult } from "../../gate/evaluate";
import { toSarif } from "../../gate/formats/sarif";
import { previewProgram } from "../../gate/preview";
import { GateSession } from "../../gate/session";
import { ONLY_RETENTION, ROOT, ensureBuilt, fixture } from "./helpers";
import { validateSarif } from "./sarif-validator";

const RETENTION = "aws-cloudwatch-log-group-configure-retention";

let session: GateSession;
const results = new Map<string, StackResult>();

const brief = (r: StackResult | undefined) => (r?.findings ?? []).map((f) => `${f.enforcementLevel} ${f.policyName} ${f.urn}`);

beforeAll(async () => {
    ensureBuilt();
    const opening = GateSession.open({ configDoc: ONLY_RETENTION, configFile: "only-retention.json" });
    // The programs run while the pack starts, as the CLI does it.
    const stacks = await Promise.all(
        [path.join(ROOT, "stacks", "aws-baseline"), path.join(ROOT, "stacks", "aws-baseline-violations"), fixture("programs", "unknown-retention")].map(
            (dir) => previewProgram(dir),
        ),
    );
    session = await opening;
    for (const s of stacks) results.set(path.basename(s.origin), await session.evaluate(s));
});

afterAll(() => session?.close());

describe("sample stacks", () => {
    it("aws-baseline is compliant with the log-retention control", () => {
        expect(brief(results.get("aws-baseline"))).toEqual([]);
    });

    it("aws-baseline-violations produces exactly its listed violations", () => {
        expect(brief(results.get("aws-baseline-violations"))).toEqual([
            `mandatory ${RETENTION} urn:pulumi:dev::aws-baseline-violations::aws:cloudwatch/logGroup:LogGroup::app`,
        ]);
    });

    it("reads the region of the default provider from the twin's stack config", () => {
        const stack = results.get("aws-baseline-violations")?.stack;
        const provider = stack?.resources.find((r) => r.type === "pulumi:providers:aws");
        expect(provider?.name).toBe("default_7_48_0");
        expect(provider?.inputs).toEqual({ region: "us-east-1", version: "7.48.0" });
    });
});

describe("preview semantics", () => {
    it("leaves a value computed from another resource unknown: the SDK's advisory, not a verdict", () => {
        const r = results.get("unknown-retention");
        const derived = r?.findings.filter((f) => f.resourceName === "derived");
        expect(derived?.map((f) => f.enforcementLevel)).toEqual(["advisory"]);
        expect(derived?.[0]?.message).toContain("can't be known during preview");
        expect(r?.findings.find((f) => f.resourceName === "fixed")?.enforcementLevel).toBe("mandatory");
    });

    it("fails with one line naming the folder when the program throws", async () => {
        const run = previewProgram(fixture("programs", "throws"));
        await expect(run).rejects.toBeInstanceOf(GateError);
        await expect(run).rejects.toThrow(/^tests\/fixtures\/gate\/programs\/throws: program failed: boom: the program broke \(at index\.ts:3\)$/);
    });
});

describe("SARIF of a preview", () => {
    it("locates each violation at the program line that declared the resource", () => {
        const r = results.get("aws-baseline-violations");
        if (!r) throw new Error("no result");
        const sarif = toSarif(session.report([r]), ROOT);
        expect(validateSarif(JSON.parse(JSON.stringify(sarif)))).toEqual([]);
        const source = fs.readFileSync(path.join(ROOT, "stacks", "aws-baseline-violations", "index.ts"), "utf8").split("\n");
        const line = source.findIndex((l) => l.includes("new aws.cloudwatch.LogGroup(")) + 1;
        const physical = sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation;
        expect(physical).toEqual({
            artifactLocation: { uri: "stacks/aws-baseline-violations/index.ts", uriBaseId: "%SRCROOT%" },
            region: { startLine: line, startColumn: 1 },
        });
    });
});
