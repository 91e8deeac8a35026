import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-configure-organization-accounts";
import { runStackPolicy, type StackResourceInput, UNKNOWN } from "../../harness";

const ROLE = "aws:iam/role:Role";
const OWN = "111111111111";
const trust = (principal: Readonly<Record<string, unknown>>) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
const role = (name: string, principal: Readonly<Record<string, unknown>> = { AWS: `arn:aws:iam::${OWN}:user/deployer` }): StackResourceInput => ({
    type: ROLE,
    name,
    props: { name, assumeRolePolicy: trust(principal) },
});
const pinnedTo = (r: StackResourceInput, account: string): StackResourceInput => ({ ...r, provider: { props: { allowedAccountIds: JSON.stringify([account]) } } });

describe("aws-iam-role-configure-organization-accounts", () => {
    describe("passes", () => {
        it("when roles trust only services and federated providers", async () => {
            const r = await runStackPolicy(policy, [role("fn", { Service: "lambda.amazonaws.com" }), role("ci", { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" })]);
            expect(r.verdict).toBe("pass");
        });

        it("when every trusted principal is of the account the provider allows", async () => {
            expect((await runStackPolicy(policy, [pinnedTo(role("deploy"), OWN)])).verdict).toBe("pass");
        });

        it("when the stack has no role", async () => {
            expect((await runStackPolicy(policy, [{ type: "aws:sqs/queue:Queue", name: "q", props: {} }])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("once for the stack, on the first role, when principals' accounts cannot be judged", async () => {
            const r = await runStackPolicy(policy, [role("deploy"), role("operator"), role("fn", { Service: "lambda.amazonaws.com" })]);
            expect(r.violating).toEqual(["deploy"]);
            expect(r.diagnostics).toHaveLength(1);
            expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
            expect(r.diagnostics[0]?.message).toContain("2 roles of this stack");
            expect(r.diagnostics[0]?.message).toContain("`organizationAccountIds` is not configured");
            expect(r.diagnostics[0]?.message).toContain("do not count them as another account's");
            expect(r.diagnostics[0]?.message).not.toContain(OWN);
        });

        it("saying that principals of other accounts count as external when the stack's account is known", async () => {
            const r = await runStackPolicy(policy, [pinnedTo(role("partner", { AWS: "arn:aws:iam::222222222222:root" }), OWN)]);
            expect(r.violating).toEqual(["partner"]);
            expect(r.diagnostics[0]?.message).toContain("count as another account's");
            expect(r.diagnostics[0]?.message).not.toContain("222222222222");
        });
    });

    describe("unknown during preview", () => {
        it("says nothing of a role whose trust policy is unknown (the MSP policies say they cannot decide)", async () => {
            expect((await runStackPolicy(policy, [{ type: ROLE, name: "r", props: { assumeRolePolicy: UNKNOWN } }])).verdict).toBe("pass");
        });

        it("still reports a known role next to a role whose trust policy is unknown", async () => {
            const r = await runStackPolicy(policy, [{ type: ROLE, name: "r", props: { assumeRolePolicy: UNKNOWN } }, role("deploy")]);
            expect(r.violating).toEqual(["deploy"]);
        });
    });

    describe("config", () => {
        it("says nothing once organizationAccountIds is configured", async () => {
            expect((await runStackPolicy(policy, [role("deploy")], { organizationAccountIds: [OWN] })).verdict).toBe("pass");
        });

        it("rejects a malformed account id", async () => {
            await expect(runStackPolicy(policy, [role("deploy")], { organizationAccountIds: ["abc"] })).rejects.toThrow(/organizationAccountIds/);
        });
    });
});
