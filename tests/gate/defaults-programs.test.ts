// Issue 11 §1, the AWS false blocks, end to end through `srguard preview`: small ordinary programs that are compliant
// with the defaults (a static website behind CloudFront with its us-east-1 pieces, scheduled and log-subscription
// functions made with the `on*` helpers, buckets that rely on S3's default Block Public Access) get no mandatory
// finding, and the one real violation (a block that turns a setting off) still blocks — in the preview and in the
// evaluation as `pulumi up` would see it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { planPreview } from "../../gate/preview";
import { GateSession } from "../../gate/session";
import { evaluateBothPasses } from "../../gate/would-block";
import { ensureBuilt, fixture } from "./helpers";

const program = (name: string) => fixture("programs", "ordinary", name);
/** The defaults, plus the one switch the website needs: its Lambda@Edge function's name. */
const CONFIG = { "aws-regional-resource-restrict-region": { edgeFunctions: ["security-headers"] } };
const NAMES = ["static-site", "scheduled-jobs", "private-bucket"] as const;
const results = new Map<string, StackResult>();
let session: GateSession;

type Found = { policyName: string; resourceName: string; enforcementLevel: string };
const brief = (fs: readonly Found[] | undefined, level: string) =>
    (fs ?? [])
        .filter((f) => f.enforcementLevel === level)
        .map((f) => `${f.policyName} ${f.resourceName}`)
        .sort();

beforeAll(async () => {
    ensureBuilt();
    const opening = GateSession.open({ configDoc: CONFIG, configFile: "defaults.json" });
    const runs = NAMES.map((n) => {
        const plan = planPreview(program(n), { policyConfig: CONFIG });
        return { preview: plan.run(), up: plan.runAsUp() };
    });
    session = await opening;
    for (const [i, n] of NAMES.entries()) {
        const run = runs[i];
        if (run) results.set(n, await evaluateBothPasses(session, await run.preview, run.up));
    }
}, 180_000);

afterAll(() => session?.close());

describe("no false blocks on ordinary AWS programs", () => {
    it("a CloudFront website in Tokyo: its us-east-1 certificate, validation, CLOUDFRONT web ACL and named Lambda@Edge function pass", () => {
        const r = results.get("static-site");
        expect(brief(r?.findings, "mandatory")).toEqual([]);
        expect(brief(r?.wouldBlock, "mandatory")).toEqual([]);
        // The bucket relies on S3's default Block Public Access: the advisory asks to declare it, nothing blocks.
        expect(brief(r?.findings, "advisory")).toContain("aws-s3-bucket-configure-public-access-block site");
    });

    it("the on* helpers' components (EventRuleEventSubscription, LogGroupEventSubscription) get no region finding", () => {
        const r = results.get("scheduled-jobs");
        const types = r?.stack.resources.map((x) => x.type) ?? [];
        expect(types).toContain("aws:cloudwatch:EventRuleEventSubscription");
        expect(types).toContain("aws:cloudwatch:LogGroupEventSubscription");
        expect((r?.findings ?? []).filter((f) => f.policyName === "aws-regional-resource-restrict-region")).toEqual([]);
        expect(brief(r?.findings, "mandatory")).toEqual([]);
        expect(brief(r?.wouldBlock, "mandatory")).toEqual([]);
    });

    it("buckets without a BucketPublicAccessBlock pass; the block that turns blockPublicPolicy off still blocks", () => {
        const r = results.get("private-bucket");
        expect(brief(r?.findings, "mandatory")).toEqual(["aws-s3-bucket-require-public-access-block legacy-site"]);
        expect(brief(r?.findings, "advisory").filter((f) => f.includes("public-access-block"))).toEqual(["aws-s3-bucket-configure-public-access-block uploads"]);
        expect(brief(r?.wouldBlock, "mandatory")).toEqual([]);
    });
});
