import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-mq-broker-enable-audit-logs";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const broker = (props: Record<string, unknown>) => ({
    type: "aws:mq/broker:Broker",
    props: { brokerName: "orders", engineVersion: "5.18", hostInstanceType: "mq.m5.large", users: [], engineType: "ActiveMQ", ...props },
});

describe("aws-mq-broker-enable-audit-logs", () => {
    describe("passes", () => {
        it("an ActiveMQ broker with audit logs", async () => {
            expect((await runResourcePolicy(policy, broker({ logs: { audit: true, general: false } }))).verdict).toBe("pass");
        });

        it("a RabbitMQ broker (it has no audit log)", async () => {
            expect((await runResourcePolicy(policy, broker({ engineType: "RabbitMQ" }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an ActiveMQ broker without logs (audit defaults to false)", async () => {
            const r = await runResourcePolicy(policy, broker({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`logs.audit` is not true");
        });

        it("an ActiveMQ broker (any case) with only the general log", async () => {
            expect((await runResourcePolicy(policy, broker({ engineType: "activemq", logs: { general: true } }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the engine type is unknown", async () => {
            expect((await runResourcePolicy(policy, broker({ engineType: UNKNOWN }))).verdict).toBe("unknown");
        });

        it("cannot decide while the audit flag is unknown", async () => {
            const r = await runResourcePolicy(policy, broker({ logs: { audit: UNKNOWN } }));
            expect(r.verdict).toBe("unknown");
            expect(r.messages.join()).toContain("logs.audit");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, broker({}), { engines: [] })).rejects.toThrow("config key 'engines' is not a setting of this policy (it takes none)");
        });
    });
});
