import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-opensearch-domain-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";
const GROUP = "arn:aws:logs:eu-west-1:111122223333:log-group:os";
const option = (logType: string, extra: Record<string, unknown> = {}) => ({ logType, cloudwatchLogGroupArn: GROUP, ...extra });
const domain = (logPublishingOptions?: unknown, type = OPENSEARCH) => ({ type, props: logPublishingOptions === undefined ? {} : { logPublishingOptions } });

describe("aws-opensearch-domain-enable-logging", () => {
    it("is advisory by default (FSBP-only; many small domains run without these logs)", () => {
        expect(policy.enforcementLevel).toBe("advisory");
    });

    describe("passes", () => {
        it("an OpenSearch domain that publishes its error and audit logs", async () => {
            expect((await runResourcePolicy(policy, domain([option("ES_APPLICATION_LOGS"), option("AUDIT_LOGS", { enabled: true })]))).verdict).toBe("pass");
        });

        it("an Elasticsearch domain that publishes both, next to a slow log that is off", async () => {
            const r = await runResourcePolicy(policy, domain([option("INDEX_SLOW_LOGS", { enabled: false }), option("ES_APPLICATION_LOGS"), option("AUDIT_LOGS")], ELASTICSEARCH));
            expect(r.verdict).toBe("pass");
        });

        it("when the log group ARNs are unknown during preview (log groups of the stack)", async () => {
            expect((await runResourcePolicy(policy, domain([{ logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: UNKNOWN }, { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: UNKNOWN }]))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a domain that publishes no logs (the default), with one message per missing log", async () => {
            const r = await runResourcePolicy(policy, domain());
            expect(r.verdict).toBe("fail");
            expect(r.messages).toHaveLength(2);
            expect(r.messages.join()).toContain("no ES_APPLICATION_LOGS entry");
            expect(r.messages.join()).toContain("no AUDIT_LOGS entry");
        });

        it("a domain whose audit log entry is turned off", async () => {
            const r = await runResourcePolicy(policy, domain([option("ES_APPLICATION_LOGS"), option("AUDIT_LOGS", { enabled: false })]));
            expect(r.messages).toEqual([expect.stringContaining("entry for AUDIT_LOGS sets `enabled: false`")]);
        });

        it("a domain that fails on the audit log even while the error log's flag is unknown", async () => {
            const r = await runResourcePolicy(policy, domain([option("ES_APPLICATION_LOGS", { enabled: UNKNOWN })]));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("AUDIT_LOGS");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the whole list is unknown", async () => {
            expect((await runResourcePolicy(policy, domain(UNKNOWN))).verdict).toBe("unknown");
        });

        it("cannot decide while an entry's type is unknown", async () => {
            const r = await runResourcePolicy(policy, domain([option("ES_APPLICATION_LOGS"), { logType: UNKNOWN, cloudwatchLogGroupArn: GROUP }]));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("logType");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, domain(), { audit: false })).rejects.toThrow("config key 'audit' is not a setting of this policy (it takes none)");
        });
    });
});
