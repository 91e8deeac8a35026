// Issue 11 §5 end to end through `srguard preview`: a small ordinary program whose policy documents IAM and S3 judge
// differently from a naive reading — a Deny that refuses callers without MFA, OIDC claims pinned with `…IfExists`, a
// condition value that is a policy variable, and a trust policy whose proven violation sits beside a statement that
// waits on another resource's ARN.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackResult } from "../../gate/evaluate";
import { planPreview } from "../../gate/preview";
import { GateSession } from "../../gate/session";
import { evaluateBothPasses } from "../../gate/would-block";
import { ensureBuilt, fixture } from "./helpers";

const PROGRAM = fixture("programs", "ordinary", "policy-documents");
const TRUST_POLICIES = ["aws-iam-role-require-mfa", "aws-iam-role-restrict-federated-trust", "aws-iam-role-restrict-msp-trust"];
let result: StackResult;
let session: GateSession;

const mandatory = (r: StackResult, names: readonly string[]) =>
    r.findings
        .filter((f) => f.enforcementLevel === "mandatory" && names.includes(f.policyName))
        .map((f) => `${f.policyName} ${f.resourceName}`)
        .sort();

beforeAll(async () => {
    ensureBuilt();
    const opening = GateSession.open({});
    const plan = planPreview(PROGRAM, {});
    const preview = plan.run();
    const up = plan.runAsUp();
    session = await opening;
    result = await evaluateBothPasses(session, await preview, up);
}, 180_000);

afterAll(() => session?.close());

describe("policy documents evaluated as IAM and S3 do", () => {
    it("passes a trust whose explicit Deny refuses callers without MFA, and OIDC claims pinned with …IfExists", () => {
        const trust = (fs: StackResult["findings"] | undefined) =>
            (fs ?? []).filter((f) => ["operators", "deploy"].includes(f.resourceName) && TRUST_POLICIES.includes(f.policyName) && !/can't (run|decide)/.test(f.message));
        expect(trust(result.findings).map((f) => `${f.policyName} ${f.resourceName}`)).toEqual([]);
        // `deploy`'s document is built from the provider's ARN (unknown in the preview): judged as `pulumi up` sees it.
        expect(trust(result.wouldBlock).map((f) => `${f.policyName} ${f.resourceName}`)).toEqual([]);
        expect(result.findings.some((f) => f.resourceName === "deploy" && /can't (run|decide)/.test(f.message))).toBe(true);
    });

    it("fails a bucket policy whose only condition is a policy variable, which restricts nothing", () => {
        expect(mandatory(result, ["aws-s3-bucket-policy-disallow-public-access"])).toEqual(["aws-s3-bucket-policy-disallow-public-access shared"]);
    });

    it("fails, in the preview, a trust policy whose known statement proves the violation while another waits on an ARN", () => {
        expect(mandatory(result, ["aws-iam-role-require-mfa"])).toEqual(["aws-iam-role-require-mfa support"]);
        const message = result.findings.find((f) => f.policyName === "aws-iam-role-require-mfa" && f.resourceName === "support")?.message ?? "";
        expect(message).toContain("statement #1");
        expect(message).not.toContain("can't run");
    });

    it("at `pulumi up`, blocks only the role whose second statement trusts the other role without MFA (no stand-in finding elsewhere)", () => {
        const names = (result.wouldBlock ?? []).filter((f) => f.enforcementLevel === "mandatory").map((f) => f.resourceName);
        expect([...new Set(names)]).toEqual(["support"]);
    });
});
