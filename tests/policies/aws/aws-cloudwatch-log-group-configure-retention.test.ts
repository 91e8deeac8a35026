import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-cloudwatch-log-group-configure-retention";
import { runResourcePolicy, secret, UNKNOWN } from "../../harness";

const TYPE = "aws:cloudwatch/logGroup:LogGroup";
const logGroup = (props: Record<string, unknown>) => ({ type: TYPE, props: { name: "/app/audit", ...props } });

describe("aws-cloudwatch-log-group-configure-retention", () => {
    describe("passes", () => {
        it.each([
            ["keeps logs a year", { retentionInDays: 365 }],
            ["keeps logs ten years", { retentionInDays: 3653 }],
            ["never expires (0)", { retentionInDays: 0 }],
            ["never expires (unset)", {}],
            ["uses the infrequent-access class with a long retention", { retentionInDays: 400, logGroupClass: "INFREQUENT_ACCESS" }],
        ])("when it %s", async (_, props) => {
            expect((await runResourcePolicy(policy, logGroup(props))).verdict).toBe("pass");
        });

        it("ignores other resource types", async () => {
            expect((await runResourcePolicy(policy, { type: "aws:s3/bucket:Bucket", props: { retentionInDays: 1 } })).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("when retention is shorter than 365 days", async () => {
            const r = await runResourcePolicy(policy, logGroup({ retentionInDays: 30 }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`retentionInDays` is shorter than 365 days");
        });

        it("when the DELIVERY class caps retention at 2 days, whatever retentionInDays says", async () => {
            const r = await runResourcePolicy(policy, logGroup({ retentionInDays: 0, logGroupClass: "delivery" }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("DELIVERY");
        });

        it("when the retention is a secret, without printing it", async () => {
            const r = await runResourcePolicy(policy, logGroup({ retentionInDays: secret(29), logGroupClass: secret("STANDARD") }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`retentionInDays`");
            expect(r.messages.join()).not.toContain("29");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while retentionInDays is unknown", async () => {
            const r = await runResourcePolicy(policy, logGroup({ retentionInDays: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".retentionInDays");
        });

        it("still fails a DELIVERY log group whose retention is unknown", async () => {
            expect((await runResourcePolicy(policy, logGroup({ retentionInDays: UNKNOWN, logGroupClass: "DELIVERY" }))).verdict).toBe("fail");
        });

        it("still fails a short retention whose log group class is unknown", async () => {
            const r = await runResourcePolicy(policy, logGroup({ retentionInDays: 7, logGroupClass: UNKNOWN }));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`retentionInDays`");
        });

        it("cannot decide a long retention while the log group class (which may be DELIVERY) is unknown", async () => {
            const r = await runResourcePolicy(policy, logGroup({ retentionInDays: 400, logGroupClass: UNKNOWN }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain(".logGroupClass");
        });
    });

    describe("config", () => {
        it("accepts a shorter minimum", async () => {
            expect((await runResourcePolicy(policy, logGroup({ retentionInDays: 90 }), { minimumRetentionDays: 90 })).verdict).toBe("pass");
        });

        it("applies a longer minimum", async () => {
            expect((await runResourcePolicy(policy, logGroup({ retentionInDays: 365 }), { minimumRetentionDays: 731 })).verdict).toBe("fail");
        });

        it("rejects a minimum that is not an integer, naming the key", async () => {
            await expect(runResourcePolicy(policy, logGroup({}), { minimumRetentionDays: "365" })).rejects.toThrow(
                "config key 'minimumRetentionDays' must be an integer",
            );
        });

        it("rejects an unknown key, naming it", async () => {
            await expect(runResourcePolicy(policy, logGroup({}), { minRetention: 30 })).rejects.toThrow("config key 'minRetention'");
        });
    });
});
