// A secret value never reaches any output: the whole srguard pack (every policy, default config) over an export made
// with --show-secrets, whose secrets the policies do see in plaintext, rendered in every format.

import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { formatJson } from "../../gate/formats/json";
import { formatJunit } from "../../gate/formats/junit";
import { formatSarif } from "../../gate/formats/sarif";
import { formatText } from "../../gate/formats/text";
import { scanFile } from "../../gate/scan";
import { GateSession } from "../../gate/session";
import { ROOT, SECRET_PLAINTEXT, ensureBuilt, fixture } from "./helpers";

const FILE = fixture("scan", "export-show-secrets.json");

let session: GateSession;
let result: StackResult;

beforeAll(async () => {
    ensureBuilt();
    session = await GateSession.open();
    result = await session.evaluate(scanFile(FILE));
});

afterAll(() => session?.close());

describe("secrets", () => {
    it("are in the input, in plaintext, and the resources holding them are evaluated", () => {
        expect(fs.readFileSync(FILE, "utf8")).toContain(SECRET_PLAINTEXT);
        // The log group whose retention is a plaintext secret (30 days) is judged on it.
        expect(result.findings.some((f) => f.resourceName === "hidden" && f.policyName === "aws-cloudwatch-log-group-configure-retention")).toBe(true);
    });

    it.each([
        ["text", () => formatText(session.report([result]), { color: false })],
        ["json", () => formatJson(session.report([result]))],
        ["sarif", () => formatSarif(session.report([result]), ROOT)],
        ["junit", () => formatJunit(session.report([result]))],
    ])("never appear in the %s report", (_format, render) => {
        const out = render();
        expect(out.length).toBeGreaterThan(0);
        expect(out).not.toContain(SECRET_PLAINTEXT);
    });
});
