import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-iam-role-require-msp-session-limits";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:iam/role:Role";
const OWN = "111111111111";
const OPERATOR = "arn:aws:iam::222222222222:role/msp-operator";

type Conditions = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const PEOPLE: Conditions = {
    StringEquals: { "sts:ExternalId": "srguard-7f3a9c41" },
    Bool: { "aws:MultiFactorAuthPresent": "true" },
    NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" },
};

const trust = (condition: Conditions, principal: string = OPERATOR) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", Condition: condition }] });
const role = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "msp-operations", assumeRolePolicy: trust(PEOPLE), maxSessionDuration: 3600, ...props } });
const CONFIG = { organizationAccountIds: [OWN] };

async function run(props: Record<string, unknown>, config: Record<string, unknown> = CONFIG) {
    return runResourcePolicy(policy, role(props), config);
}

describe("aws-iam-role-require-msp-session-limits", () => {
    describe("passes", () => {
        it("when an MSP role allows 1-hour sessions and MFA no older than an hour", async () => {
            expect((await run({})).verdict).toBe("pass");
        });

        it("when maxSessionDuration is unset (AWS's default is 3600 seconds)", async () => {
            expect((await run({ maxSessionDuration: undefined })).verdict).toBe("pass");
        });

        it("when the MFA age bound is NumericLessThan below the maximum", async () => {
            expect((await run({ assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: {}, NumericLessThan: { "aws:MultiFactorAuthAge": 900 } }) })).verdict).toBe("pass");
        });

        it("when an automation role has no MFA condition at all", async () => {
            const props = { assumeRolePolicy: trust({ StringEquals: { "sts:ExternalId": "x" } }), tags: { "srguard:role-kind": "third-party-automation" } };
            expect((await run(props)).verdict).toBe("pass");
        });

        it("when a statement without MFA is left to aws-iam-role-restrict-msp-trust", async () => {
            expect((await run({ assumeRolePolicy: trust({ StringEquals: { "sts:ExternalId": "x" } }) })).verdict).toBe("pass");
        });

        it("when the role is not an MSP role, whatever its sessions", async () => {
            const own = trust({}, `arn:aws:iam::${OWN}:root`);
            expect((await run({ assumeRolePolicy: own, maxSessionDuration: 43200 })).verdict).toBe("pass");
        });

        it("when the session duration is a secret within the limit", async () => {
            expect((await run({ maxSessionDuration: secret(1800) })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when sessions last 12 hours", async () => {
            const r = await run({ maxSessionDuration: 43200 });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`maxSessionDuration` is longer than 3600 seconds");
            expect(r.messages.join()).not.toContain("43200");
        });

        it("when the duration is written as text", async () => {
            expect((await run({ maxSessionDuration: "7200" })).verdict).toBe("fail");
        });

        it("when the duration is not a number", async () => {
            expect((await run({ maxSessionDuration: "an hour" })).messages.join()).toContain("not a number of seconds");
        });

        it("when a role for people does not bound the MFA age", async () => {
            const r = await run({ assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: {} }) });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("does not bound `aws:MultiFactorAuthAge` to at most 3600 seconds");
        });

        it("when the MFA age bound is a day", async () => {
            expect((await run({ assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: { "aws:MultiFactorAuthAge": "86400" } }) })).verdict).toBe("fail");
        });

        it("when the MFA age bound is only IfExists", async () => {
            const condition = { ...PEOPLE, NumericLessThanEquals: {}, NumericLessThanEqualsIfExists: { "aws:MultiFactorAuthAge": "3600" } };
            expect((await run({ assumeRolePolicy: trust(condition) })).verdict).toBe("fail");
        });

        it("reports both the session and the MFA age, one message each", async () => {
            const r = await run({ maxSessionDuration: 43200, assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: {} }) });
            expect(r.messages).toHaveLength(2);
        });

        it("does not print a secret session duration", async () => {
            const r = await run({ maxSessionDuration: secret(39999) });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).not.toContain("39999");
        });
    });

    describe("unknown during preview", () => {
        it("when the trust policy is unknown", async () => {
            expect((await run({ assumeRolePolicy: UNKNOWN })).verdict).toBe("unknown");
        });

        it("when the session duration is unknown and nothing else violates", async () => {
            const r = await run({ maxSessionDuration: UNKNOWN });
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("maxSessionDuration");
        });

        it("decides from a known unbounded MFA age while the session duration is unknown", async () => {
            const r = await run({ maxSessionDuration: UNKNOWN, assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: {} }) });
            expect(r.verdict).toBe("fail");
        });

        it("decides from a known session duration while the automation tag is unknown", async () => {
            const r = await run({ maxSessionDuration: 43200, tags: UNKNOWN, assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: {} }) });
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(1);
        });

        it("when an unbounded MFA age matters only if the role is for people, and its tags are unknown", async () => {
            expect((await run({ tags: UNKNOWN, assumeRolePolicy: trust({ ...PEOPLE, NumericLessThanEquals: {} }) })).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("maxSessionDurationSeconds raises the limit", async () => {
            expect((await run({ maxSessionDuration: 7200 }, { ...CONFIG, maxSessionDurationSeconds: 7200 })).verdict).toBe("pass");
        });

        it("a limit below AWS's default fails a role that leaves maxSessionDuration unset", async () => {
            const r = await run({ maxSessionDuration: undefined }, { ...CONFIG, maxSessionDurationSeconds: 1800 });
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("is unset, so AWS allows 3600 seconds");
        });

        it("maxMfaAgeSeconds tightens the MFA age bound", async () => {
            expect((await run({}, { ...CONFIG, maxMfaAgeSeconds: 900 })).verdict).toBe("fail");
        });

        it("rejects a session limit below AWS's minimum of 900 seconds", async () => {
            await expect(run({}, { maxSessionDurationSeconds: 60 })).rejects.toThrow(/maxSessionDurationSeconds/);
        });

        it("rejects a malformed organisation account id", async () => {
            await expect(run({}, { organizationAccountIds: ["not-an-account"] })).rejects.toThrow(/organizationAccountIds/);
        });
    });
});
