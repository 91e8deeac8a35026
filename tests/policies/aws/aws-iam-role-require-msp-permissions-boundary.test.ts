import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-require-msp-permissions-boundary";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const OWN = "111111111111";
const CONFIG = { organizationAccountIds: [OWN] };

const mspTrust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:role/msp-operator" }, Action: "sts:AssumeRole" }],
});
const ownTrust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "sts:AssumeRole" }] });

const role = (props: Record<string, unknown> = {}, deps: Record<string, readonly string[]> = { permissionsBoundary: ["boundary"] }, name = "msp"): StackResourceInput => ({
    type: ROLE,
    name,
    props: { name, assumeRolePolicy: mspTrust, permissionsBoundary: UNKNOWN, ...props },
    propertyDependencies: deps,
});

const document = (...statements: readonly Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const READ_ONLY = { Effect: "Allow", Action: ["ec2:Describe*", "cloudwatch:Get*"], Resource: "*" };
const boundary = (policy: unknown = document(READ_ONLY), props: Record<string, unknown> = {}, name = "boundary"): StackResourceInput => ({
    type: POLICY,
    name,
    props: { name: "msp-boundary", path: "/msp/", policy, ...props },
});

async function run(resources: readonly StackResourceInput[], config: Record<string, unknown> = CONFIG) {
    return runStackPolicy(policy, resources, config);
}

describe("aws-iam-role-require-msp-permissions-boundary", () => {
    describe("passes", () => {
        it("when an MSP role's boundary is a narrow customer managed policy of the stack (property dependency)", async () => {
            expect((await run([role(), boundary()])).verdict).toBe("pass");
        });

        it("when the boundary is the literal ARN of a narrow policy of the stack (path and name)", async () => {
            expect((await run([role({ permissionsBoundary: `arn:aws:iam::${OWN}:policy/msp/msp-boundary` }, {}), boundary()])).verdict).toBe("pass");
        });

        it("when the boundary is an AWS managed policy that is not an administrator policy", async () => {
            expect((await run([role({ permissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, {})])).verdict).toBe("pass");
        });

        it("when the boundary is a customer managed policy outside the stack (cannot be read here)", async () => {
            expect((await run([role({ permissionsBoundary: `arn:aws:iam::${OWN}:policy/elsewhere` }, {})])).verdict).toBe("pass");
        });

        it("when a role the organisation's own accounts assume has no boundary", async () => {
            expect((await run([role({ assumeRolePolicy: ownTrust, permissionsBoundary: undefined }, {})])).verdict).toBe("pass");
        });

        it("when the stack has no role", async () => {
            expect((await run([boundary(document({ Effect: "Allow", Action: "*", Resource: "*" }))])).verdict).toBe("pass");
        });

        it("when a secret boundary ARN names a narrow AWS managed policy", async () => {
            expect((await run([role({ permissionsBoundary: secret("arn:aws:iam::aws:policy/ReadOnlyAccess") }, {})])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when an MSP role has no permissions boundary", async () => {
            const r = await run([role({ permissionsBoundary: undefined }, {})]);
            expect(r.violating).toEqual(["msp"]);
            expect(r.diagnostics[0]?.message).toContain("`permissionsBoundary` is not set");
        });

        it.each(["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"])("when the boundary is the AWS managed %s", async (name) => {
            const r = await run([role({ permissionsBoundary: `arn:aws:iam::aws:policy/${name}` }, {})]);
            expect(r.violating).toEqual(["msp"]);
            expect(r.diagnostics[0]?.message).toContain(name);
        });

        it("when the boundary is an administrator policy in another partition and case", async () => {
            expect((await run([role({ permissionsBoundary: "arn:aws-cn:iam::aws:policy/administratoraccess" }, {})])).violating).toEqual(["msp"]);
        });

        it.each<[string, Record<string, unknown>]>([
            ["allows * on *", { Effect: "Allow", Action: "*", Resource: "*" }],
            ["allows *:* on *", { Effect: "Allow", Action: ["s3:Get*", "*:*"], Resource: ["*"] }],
            ["allows iam:*", { Effect: "Allow", Action: "iam:*", Resource: "*" }],
            ["allows NotAction on *", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }],
            ["allows * on a NotResource", { Effect: "Allow", Action: "*", NotResource: "arn:aws:s3:::secret-bucket" }],
        ])("when the boundary policy of the stack %s", async (_, statement) => {
            const r = await run([role(), boundary(document(READ_ONLY, statement))]);
            expect(r.violating).toEqual(["msp"]);
            expect(r.diagnostics[0]?.message).toContain("statement #2");
            expect(r.diagnostics[0]?.message).toContain("bounds nothing");
        });

        it("when the literal boundary ARN names (by path and name, in any case) an administrator policy of the stack", async () => {
            const literal = role({ permissionsBoundary: `arn:aws:iam::${OWN}:policy/MSP/MSP-Boundary` }, {});
            expect((await run([literal, boundary(document({ ...READ_ONLY, Action: "*" }))])).violating).toEqual(["msp"]);
        });

        it("when the boundary policy's document is not JSON", async () => {
            expect((await run([role(), boundary("{nope")])).violating).toEqual(["msp"]);
        });

        it("judges each MSP role on its own", async () => {
            const r = await run([role({}, undefined, "good"), role({ permissionsBoundary: undefined }, {}, "bad"), boundary()]);
            expect(r.violating).toEqual(["bad"]);
        });

        // Issue 11 §1: without organizationAccountIds the pack must not call a principal another account's on a guess
        // (a same-account trust used to make five MSP findings). The accounts the stack is known to deploy into stand
        // in: the provider's allowedAccountIds and the accounts of ARNs its resources use; with none known, a
        // principal's account is not judged (aws-iam-role-configure-organization-accounts says so, once).
        it("with the default config (no organisation accounts), a role trusting the account its provider allows is not an MSP role", async () => {
            const own = role({ assumeRolePolicy: ownTrust, permissionsBoundary: undefined }, {});
            expect((await run([own], {})).verdict).toBe("pass");
            expect((await run([{ ...own, provider: { props: { allowedAccountIds: JSON.stringify([OWN]) } } }], {})).verdict).toBe("pass");
            expect((await run([{ ...own, provider: { props: { allowedAccountIds: JSON.stringify(["999988887777"]) } } }], {})).violating).toEqual(["msp"]);
        });
    });

    describe("unknown during preview", () => {
        it("when the boundary ARN is unknown and no property dependency explains it", async () => {
            const r = await run([role({}, {})]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("msp");
            expect(r.diagnostics[0]?.message).toContain("`permissionsBoundary`");
        });

        it("when the boundary policy's document is unknown", async () => {
            const r = await run([role(), boundary(UNKNOWN)]);
            expect(r.verdict).toBe("unknown");
        });

        it("decides a boundary document from its known statements while another is partly unknown", async () => {
            const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: UNKNOWN }, { Effect: "Allow", Action: "*", Resource: "*" }] };
            expect((await run([role(), boundary(doc)])).verdict).toBe("fail");
            const harmless = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: UNKNOWN }] };
            expect((await run([role(), boundary(harmless)])).verdict).toBe("pass");
        });

        it("when the trust policy is unknown and the boundary would fail, only for that role", async () => {
            const r = await run([role({ assumeRolePolicy: UNKNOWN, permissionsBoundary: undefined }, {}, "pending"), role({ permissionsBoundary: undefined }, {}, "bad")]);
            expect(r.violating).toEqual(["bad"]);
            expect(r.diagnostics.find((d) => d.resource === "pending")?.kind).toBe("unknown");
        });

        it("says nothing about a role with an unknown trust policy whose boundary passes anyway", async () => {
            expect((await run([role({ assumeRolePolicy: UNKNOWN }), boundary()])).verdict).toBe("pass");
        });
    });

    describe("config", () => {
        it("administratorPolicyNames decides which AWS managed policies are administrator policies", async () => {
            const readOnly = [role({ permissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, {})];
            expect((await run(readOnly, { ...CONFIG, administratorPolicyNames: ["ReadOnlyAccess"] })).verdict).toBe("fail");
        });

        it("rejects a malformed policy name", async () => {
            await expect(run([role(), boundary()], { administratorPolicyNames: ["Admin Access"] })).rejects.toThrow(/administratorPolicyNames/);
        });

        it("rejects a malformed organisation account id", async () => {
            await expect(run([role(), boundary()], { organizationAccountIds: ["12345678901"] })).rejects.toThrow(/organizationAccountIds/);
        });
    });
});
