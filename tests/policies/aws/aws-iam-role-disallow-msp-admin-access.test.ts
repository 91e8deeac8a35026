import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-disallow-msp-admin-access";
import { runStackPolicy, secret, type StackResourceInput, UNKNOWN } from "../../harness";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const OWN = "111111111111";
const CONFIG = { organizationAccountIds: [OWN] };
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";

const mspTrust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:role/msp-operator" }, Action: "sts:AssumeRole" }],
});
const ownTrust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:role/ci` }, Action: "sts:AssumeRole" }] });

const document = (...statements: readonly Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const EVERYTHING = { Effect: "Allow", Action: "*", Resource: "*" };
const NARROW = { Effect: "Allow", Action: ["ssm:StartSession", "ec2:RebootInstances"], Resource: "arn:aws:ec2:ap-northeast-1:111111111111:instance/*" };

const role = (props: Record<string, unknown> = {}, name = "msp"): StackResourceInput => ({
    type: ROLE,
    name,
    props: { name, assumeRolePolicy: mspTrust, ...props },
});
const attachment = (policyArn: unknown, props: Record<string, unknown> = {}, deps: Record<string, readonly string[]> = { role: ["msp"] }, name = "attach"): StackResourceInput => ({
    type: ROLE_POLICY_ATTACHMENT,
    name,
    props: { role: UNKNOWN, policyArn, ...props },
    propertyDependencies: deps,
});
const customer = (policy: unknown, name = "custom", props: Record<string, unknown> = {}): StackResourceInput => ({
    type: POLICY,
    name,
    props: { name, policy, ...props },
});
const rolePolicy = (policy: unknown, props: Record<string, unknown> = {}, deps: Record<string, readonly string[]> = { role: ["msp"] }, name = "inline"): StackResourceInput => ({
    type: ROLE_POLICY,
    name,
    props: { role: UNKNOWN, policy, ...props },
    propertyDependencies: deps,
});

async function run(resources: readonly StackResourceInput[], config: Record<string, unknown> = CONFIG) {
    return runStackPolicy(policy, resources, config);
}

describe("aws-iam-role-disallow-msp-admin-access", () => {
    describe("passes", () => {
        it("when an MSP role gets ViewOnlyAccess and a narrow runbook", async () => {
            expect((await run([role(), attachment(VIEW_ONLY), rolePolicy(document(NARROW))])).verdict).toBe("pass");
        });

        it("when AdministratorAccess goes to a role of the organisation, not an MSP role", async () => {
            expect((await run([role({ assumeRolePolicy: ownTrust }), attachment(ADMIN)])).verdict).toBe("pass");
        });

        it("when an administrator attachment names a role outside the stack", async () => {
            expect((await run([role(), attachment(ADMIN, { role: "someone-else" }, {})])).verdict).toBe("pass");
        });

        it("when an attached customer policy of the stack is narrow", async () => {
            expect((await run([role(), customer(document(NARROW)), attachment(UNKNOWN, {}, { role: ["msp"], policyArn: ["custom"] })])).verdict).toBe("pass");
        });

        it.each<[string, Record<string, unknown>]>([
            ["s3:* on every resource", { Effect: "Allow", Action: "s3:*", Resource: "*" }],
            ["* on one bucket", { Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::one-bucket/*" }],
            ["iam:Get* and iam:List*", { Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" }],
            ["NotAction on one bucket", { Effect: "Allow", NotAction: "s3:DeleteObject", Resource: "arn:aws:s3:::one-bucket/*" }],
            ["a Deny of everything", { Effect: "Deny", Action: "*", Resource: "*" }],
        ])("when a statement allows %s", async (_, statement) => {
            expect((await run([role(), rolePolicy(document(statement))])).verdict).toBe("pass");
        });

        it("when the stack has no MSP role, whatever it attaches", async () => {
            expect((await run([role({ assumeRolePolicy: ownTrust }), attachment(ADMIN), rolePolicy(document(EVERYTHING))])).verdict).toBe("pass");
        });

        it("when a secret policy ARN names a narrow policy", async () => {
            expect((await run([role(), attachment(secret(VIEW_ONLY))])).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("reports AdministratorAccess attached separately on the attachment", async () => {
            const r = await run([role(), attachment(ADMIN)]);
            expect(r.violating).toEqual(["attach"]);
            expect(r.diagnostics[0]?.message).toContain("AWS managed policy AdministratorAccess");
        });

        it.each(["PowerUserAccess", "IAMFullAccess"])("reports %s", async (name) => {
            expect((await run([role(), attachment(`arn:aws:iam::aws:policy/${name}`)])).violating).toEqual(["attach"]);
        });

        it("joins an attachment by the role's name written out", async () => {
            expect((await run([role(), attachment(ADMIN, { role: "msp" }, {})])).violating).toEqual(["attach"]);
        });

        it("reports AdministratorAccess in the role's own managedPolicyArns on the role", async () => {
            const r = await run([role({ managedPolicyArns: [VIEW_ONLY, ADMIN] })]);
            expect(r.violating).toEqual(["msp"]);
            expect(r.diagnostics[0]?.message).toContain("`managedPolicyArns`");
        });

        it("reports a customer policy with * in managedPolicyArns, joined by property dependency", async () => {
            const r = await run([role({ managedPolicyArns: [UNKNOWN] }), customer(document(EVERYTHING))].map((x) => (x.type === ROLE ? { ...x, propertyDependencies: { managedPolicyArns: ["custom"] } } : x)));
            expect(r.violating).toEqual(["msp"]);
            expect(r.diagnostics[0]?.message).toContain('customer managed policy "custom"');
        });

        it("reports a customer policy with * attached by its literal ARN (path and name)", async () => {
            const arn = `arn:aws:iam::${OWN}:policy/ops/custom`;
            const r = await run([role(), customer(document(EVERYTHING), "custom", { path: "/ops/" }), attachment(arn)]);
            expect(r.violating).toEqual(["attach"]);
        });

        it("reports an inline policy in inlinePolicies with iam:*", async () => {
            const r = await run([role({ inlinePolicies: [{ name: "ok", policy: document(NARROW) }, { name: "iam", policy: document({ Effect: "Allow", Action: "iam:*", Resource: "*" }) }] })]);
            expect(r.violating).toEqual(["msp"]);
            expect(r.diagnostics[0]?.message).toContain("`inlinePolicies[1].policy` statement #1 allows every IAM action");
        });

        it.each<[string, Record<string, unknown>]>([
            ["* on *", EVERYTHING],
            ["*:* on *", { Effect: "Allow", Action: "*:*", Resource: ["arn:aws:s3:::x", "*"] }],
            ["iam:* on roles", { Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::111111111111:role/*" }],
            ["IAM:* in another case", { Effect: "allow", action: "IAM:*", resource: "*" }],
            ["i* (a pattern covering iam:*)", { Effect: "Allow", Action: "i*", Resource: "*" }],
            ["NotAction on *", { Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }],
            ["* on arn:* (every ARN)", { Effect: "Allow", Action: "*", Resource: "arn:*" }],
        ])("reports a RolePolicy that allows %s", async (_, statement) => {
            const r = await run([role(), rolePolicy(document(NARROW, statement))]);
            expect(r.violating).toEqual(["inline"]);
            expect(r.diagnostics[0]?.message).toContain("statement #2");
        });

        it("reports a PolicyAttachment whose roles include an MSP role", async () => {
            const pa: StackResourceInput = {
                type: POLICY_ATTACHMENT,
                name: "pa",
                props: { roles: ["ci", UNKNOWN], policyArn: UNKNOWN },
                propertyDependencies: { roles: ["msp"], policyArn: ["custom"] },
            };
            const r = await run([role(), role({ assumeRolePolicy: ownTrust }, "ci"), customer(document({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })), pa]);
            expect(r.violating).toEqual(["pa"]);
            expect(r.diagnostics[0]?.message).toContain("`NotAction`");
        });

        it("reports a RolePolicyAttachmentsExclusive that attaches an administrator policy", async () => {
            const ex: StackResourceInput = { type: EXCLUSIVE, name: "exclusive", props: { roleName: "msp", policyArns: [VIEW_ONLY, ADMIN] } };
            expect((await run([role(), ex])).violating).toEqual(["exclusive"]);
        });

        it("reports the same grant once, and judges every route", async () => {
            const r = await run([role({ managedPolicyArns: [ADMIN] }), attachment(ADMIN), rolePolicy(document(EVERYTHING))]);
            expect(r.violating).toEqual(["attach", "inline", "msp"]);
            expect(r.diagnostics).toHaveLength(3);
        });

        it("does not print a secret policy document's Sid", async () => {
            const r = await run([role(), rolePolicy(secret(document({ ...EVERYTHING, Sid: "hunter2" })))]);
            expect(r.violating).toEqual(["inline"]);
            expect(r.diagnostics[0]?.message).not.toContain("hunter2");
        });
    });

    describe("unknown during preview", () => {
        it("when an attachment's policy ARN is unknown without a property dependency, only for that role", async () => {
            const other = role({}, "other");
            const r = await run([role(), other, attachment(UNKNOWN), attachment(ADMIN, {}, { role: ["other"] }, "other-admin")]);
            expect(r.violating).toEqual(["other-admin"]);
            const unknown = r.diagnostics.filter((d) => d.kind === "unknown");
            expect(unknown.map((d) => d.resource)).toEqual(["msp"]);
            expect(unknown[0]?.message).toContain("`policyArn` of RolePolicyAttachment \"attach\"");
        });

        it("when an attached policy's document is unknown", async () => {
            const r = await run([role(), customer(UNKNOWN), attachment(UNKNOWN, {}, { role: ["msp"], policyArn: ["custom"] })]);
            expect(r.verdict).toBe("unknown");
        });

        it("decides a document from its known statements: a computed ARN in a harmless statement does not hide a * in another", async () => {
            const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: UNKNOWN }, EVERYTHING] };
            expect((await run([role(), rolePolicy(doc)])).violating).toEqual(["inline"]);
            const harmless = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: UNKNOWN }] };
            expect((await run([role(), rolePolicy(harmless)])).verdict).toBe("pass");
        });

        it("when * is allowed on a resource that is unknown", async () => {
            const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: UNKNOWN }] };
            expect((await run([role(), rolePolicy(doc)])).verdict).toBe("unknown");
        });

        it("when an administrator attachment's role is unknown, on the attachment", async () => {
            const r = await run([role(), attachment(ADMIN, {}, {})]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("attach");
        });

        it("when a role's trust policy is unknown and it receives an administrator policy", async () => {
            const r = await run([role({ assumeRolePolicy: UNKNOWN }), attachment(ADMIN)]);
            expect(r.verdict).toBe("unknown");
            expect(r.diagnostics[0]?.resource).toBe("msp");
        });

        it("when the role's inlinePolicies are unknown", async () => {
            expect((await run([role({ inlinePolicies: UNKNOWN })])).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("administratorPolicyNames adds AWS managed policies counted as administrator-level", async () => {
            const r = await run([role(), attachment("arn:aws:iam::aws:policy/AmazonEC2FullAccess")], { ...CONFIG, administratorPolicyNames: ["AmazonEC2FullAccess"] });
            expect(r.violating).toEqual(["attach"]);
        });

        // Issue 11 §1: without organizationAccountIds the pack must not call a principal another account's on a guess
        // (a same-account trust used to make five MSP findings). The accounts the stack is known to deploy into stand
        // in: the provider's allowedAccountIds and the accounts of ARNs its resources use; with none known, a
        // principal's account is not judged (aws-iam-role-configure-organization-accounts says so, once).
        it("organizationAccountIds decides which roles are MSP roles; without it, the accounts the stack deploys into", async () => {
            const own = [role({ assumeRolePolicy: ownTrust }), attachment(ADMIN)];
            expect((await run(own, CONFIG)).verdict).toBe("pass");
            expect((await run(own, {})).verdict).toBe("pass");
            const pinnedElsewhere = { props: { allowedAccountIds: ["999988887777"] } };
            expect((await run([{ ...role({ assumeRolePolicy: ownTrust }), provider: pinnedElsewhere }, attachment(ADMIN)], {})).violating).toEqual(["attach"]);
        });

        it("rejects a malformed account id", async () => {
            await expect(run([role()], { organizationAccountIds: ["abc"] })).rejects.toThrow(/organizationAccountIds/);
        });
    });
});
