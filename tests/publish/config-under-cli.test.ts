// Under the Pulumi CLI the engine checks a policy-pack config only against each schema's `properties`/`required`, and
// passes names that are no policy of the pack along: srguard's pack itself refuses them in `Configure` — the engine's
// call order is GetAnalyzerInfo → Configure → ConfigureStack → Analyze, so nothing is analyzed — in the gate's words.
// Contract test of policies/core/sdk-contract.ts (section 7) against the real analyzer server.

import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileConfig } from "../../gate/config";
import { GateError } from "../../gate/errors";
import { type PackInfo, PolicyPack } from "../../gate/pack";
import { ONLY_RETENTION } from "../gate/helpers";
import { ROOT, engineConfig, ensureBuilt, resource } from "./helpers";

let pack: PolicyPack;
let info: PackInfo;

beforeAll(async () => {
    ensureBuilt();
    pack = await PolicyPack.start({ dir: path.join(ROOT, "policies"), display: "policies" });
    info = await pack.info();
}, 120_000);

afterAll(() => pack?.close());

const FILE = "policy-config.json";
const RETENTION = "aws-cloudwatch-log-group-configure-retention";

/** What the pack answers to the engine's Configure for `doc` ("" when it accepts it). */
async function configureError(doc: Record<string, string | Record<string, unknown>>): Promise<string> {
    try {
        await pack.configure(engineConfig(info, doc));
        return "";
    } catch (e) {
        expect(e).toBeInstanceOf(GateError);
        return (e as Error).message.replace(/^the policy pack failed during Configure: /, "");
    }
}

/** What the gate says about the same file, before it starts anything. */
function gateError(doc: Record<string, string | Record<string, unknown>>): string {
    try {
        reconcileConfig(info, doc as Parameters<typeof reconcileConfig>[1], FILE);
        return "";
    } catch (e) {
        return (e as Error).message;
    }
}

/** The same message, as far as both go: the gate's client trims a long line to 500 characters (gate/errors.ts). */
function expectSameWords(gate: string, pack: string): void {
    const a = gate.replace(/\.\.\.$/, "");
    const b = pack.replace(/\.\.\.$/, "");
    expect(a.length).toBeGreaterThan(0);
    expect(a.startsWith(b) || b.startsWith(a), `gate: ${gate}\npack: ${pack}`).toBe(true);
}

describe("Configure, as the engine sends it", () => {
    it("accepts a valid config, and the policies then judge with it", async () => {
        expect(await configureError({ ...ONLY_RETENTION, [RETENTION]: { enforcementLevel: "mandatory", minimumRetentionDays: 30 } })).toBe("");
        const ok = await pack.analyze(resource("aws:cloudwatch/logGroup:LogGroup", "month", { retentionInDays: 30 }), { retentionInDays: 30 }, undefined);
        expect(ok.filter((d) => d.policyName === RETENTION)).toEqual([]);
        const short = await pack.analyze(resource("aws:cloudwatch/logGroup:LogGroup", "week", { retentionInDays: 7 }), { retentionInDays: 7 }, undefined);
        expect(short.filter((d) => d.policyName === RETENTION).map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
    }, 60_000);

    it.each([
        ["a key the policy does not have (the engine lets it through)", { [RETENTION]: { minRetention: 30 } }, RETENTION, "minRetention"],
        [
            "a key of a policy that takes none",
            { "aws-s3-bucket-require-server-side-encryption": { strict: true } },
            "aws-s3-bucket-require-server-side-encryption",
            "strict",
        ],
        ["a value of the wrong type", { [RETENTION]: { minimumRetentionDays: "365" } }, RETENTION, "minimumRetentionDays"],
        ["a value out of range", { [RETENTION]: { minimumRetentionDays: 0 } }, RETENTION, "minimumRetentionDays"],
        [
            "a malformed region",
            { "aws-regional-resource-restrict-region": { allowedRegions: ["Tokyo"] } },
            "aws-regional-resource-restrict-region",
            "allowedRegions[0]",
        ],
    ])("refuses %s, naming the policy and the key in the gate's words", async (_, doc, policy, key) => {
        const message = await configureError(doc);
        expect(message.split("\n")).toHaveLength(1);
        expect(message).toContain(`policy '${policy}'`);
        expect(message).toContain(`config key '${key}'`);
        expect(message).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
        expectSameWords(gateError(doc), `${FILE}: ${message}`);
    });

    it("refuses a policy name the pack does not have (the engine passes it along)", async () => {
        const doc = { "aws-s3-bucket-typo": "mandatory" };
        const message = await configureError(doc);
        expect(message).toBe("'aws-s3-bucket-typo' names no policy of the pack srguard");
        expect(gateError(doc)).toContain(`${FILE}: ${message}`);
    });

    it("accepts `all` and bare enforcement levels", async () => {
        expect(await configureError({ all: "advisory", [RETENTION]: "disabled" })).toBe("");
    });
});
