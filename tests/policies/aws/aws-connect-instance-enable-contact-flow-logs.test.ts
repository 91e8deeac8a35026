import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-connect-instance-enable-contact-flow-logs";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const instance = (props: Record<string, unknown>) => ({ type: "aws:connect/instance:Instance", props: { identityManagementType: "CONNECT_MANAGED", inboundCallsEnabled: true, outboundCallsEnabled: true, ...props } });

describe("aws-connect-instance-enable-contact-flow-logs", () => {
    describe("passes", () => {
        it("an instance with flow logs", async () => {
            expect((await runResourcePolicy(policy, instance({ contactFlowLogsEnabled: true }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("an instance that says nothing (flow logs default to off)", async () => {
            const r = await runResourcePolicy(policy, instance({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`contactFlowLogsEnabled` is not true");
        });

        it("an instance that turns flow logs off", async () => {
            expect((await runResourcePolicy(policy, instance({ contactFlowLogsEnabled: false }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("cannot decide while the flag is unknown", async () => {
            expect((await runResourcePolicy(policy, instance({ contactFlowLogsEnabled: UNKNOWN }))).verdict).toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, instance({}), { flows: 1 })).rejects.toThrow("config key 'flows' is not a setting of this policy (it takes none)");
        });
    });
});
