// The pack's contract with the SDK's object form of reportViolation (policies/core/sdk-contract.ts, section 3): it is
// how one resource's unknown stays an advisory in a stack policy. Were it unavailable (simulated with
// SRGUARD_SDK_OBJECT_REPORT=off), no advisory may become mandatory: the known violations stand, and the SDK's own
// "can't run during preview" (advisory) speaks for the rest. Both runs go through the compiled pack over gRPC.

import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../gate/evaluate";
import { GateSession } from "../../gate/session";
import { OBJECT_REPORT_ENV } from "../../policies/core/sdk-contract";
import { mixedStack } from "../mixed-stack";
import { ROOT, ensureBuilt } from "./helpers";

async function findings(objectReport: "on" | "off"): Promise<readonly Finding[]> {
    const saved = process.env[OBJECT_REPORT_ENV];
    process.env[OBJECT_REPORT_ENV] = objectReport;
    let session: GateSession;
    try {
        session = await GateSession.open({ packDir: `${ROOT}/policies` });
    } finally {
        if (saved === undefined) delete process.env[OBJECT_REPORT_ENV];
        else process.env[OBJECT_REPORT_ENV] = saved;
    }
    try {
        return (await session.evaluate(mixedStack(30))).findings;
    } finally {
        session.close();
    }
}

const key = (f: Finding) => `${f.policyName} ${f.urn} ${f.message}`;

describe("the object form of reportViolation", () => {
    let on: readonly Finding[];
    let off: readonly Finding[];
    beforeAll(async () => {
        ensureBuilt();
        [on, off] = await Promise.all([findings("on"), findings("off")]);
    }, 120_000);

    it("keeps one resource's unknown an advisory on that resource when the SDK has it", () => {
        const perResource = on.filter((f) => f.stage === "stack" && f.message.includes("can't decide during preview"));
        expect(perResource.length).toBeGreaterThan(0);
        expect(perResource.every((f) => f.enforcementLevel === "advisory" && f.urn !== "")).toBe(true);
    });

    it("without it, turns no advisory into a mandatory violation", () => {
        const unknowns = off.filter((f) => /can't (decide|run)/.test(f.message));
        expect(unknowns.length).toBeGreaterThan(0);
        expect(unknowns.every((f) => f.enforcementLevel === "advisory")).toBe(true);
        expect(off.some((f) => f.message.includes("[object Object]"))).toBe(false);
    });

    it("without it, keeps every mandatory violation the known values prove", () => {
        const mandatory = (fs: readonly Finding[]) => fs.filter((f) => f.enforcementLevel === "mandatory").map(key).sort();
        expect(mandatory(off)).toEqual(mandatory(on));
    });
});
