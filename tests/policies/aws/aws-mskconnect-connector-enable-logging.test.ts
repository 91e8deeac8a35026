import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-mskconnect-connector-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const connector = (workerLogDelivery?: Record<string, unknown>) => ({
    type: "aws:mskconnect/connector:Connector",
    props: workerLogDelivery === undefined ? {} : { logDelivery: { workerLogDelivery } },
});

describe("aws-mskconnect-connector-enable-logging", () => {
    describe("passes", () => {
        it.each([
            ["CloudWatch Logs", { cloudwatchLogs: { enabled: true, logGroup: "/msk" } }],
            ["Firehose", { firehose: { enabled: true, deliveryStream: "logs" } }],
            ["S3, next to CloudWatch Logs turned off", { cloudwatchLogs: { enabled: false }, s3: { enabled: true, bucket: "logs" } }],
        ])("a connector that delivers worker logs to %s", async (_, delivery) => {
            expect((await runResourcePolicy(policy, connector(delivery))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a connector without log delivery (the default)", async () => {
            const r = await runResourcePolicy(policy, connector());
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("no destination of `logDelivery.workerLogDelivery`");
        });

        it("a connector whose only destination is turned off", async () => {
            expect((await runResourcePolicy(policy, connector({ s3: { enabled: false, bucket: "logs" } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while a destination's flag is unknown", async () => {
            const r = await runResourcePolicy(policy, connector({ cloudwatchLogs: { enabled: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("logDelivery.workerLogDelivery.cloudwatchLogs.enabled");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, connector(), { s3: true })).rejects.toThrow("config key 's3' is not a setting of this policy (it takes none)");
        });
    });
});
