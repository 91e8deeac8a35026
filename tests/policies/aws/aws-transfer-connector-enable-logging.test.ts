import { describe, expect, it } from "vitest";
import policy from "../../../policies/aws/aws-transfer-connector-enable-logging";
import { runResourcePolicy, UNKNOWN } from "../../harness";

const connector = (props: Record<string, unknown>) => ({ type: "aws:transfer/connector:Connector", props: { accessRole: "arn:aws:iam::111122223333:role/transfer", url: "sftp://partner.example.com", ...props } });

describe("aws-transfer-connector-enable-logging", () => {
    describe("passes", () => {
        it("a connector with a logging role", async () => {
            expect((await runResourcePolicy(policy, connector({ loggingRole: "arn:aws:iam::111122223333:role/transfer-logs" }))).verdict).toBe("pass");
        });

        it("a connector whose logging role is unknown during preview (a role of the stack)", async () => {
            expect((await runResourcePolicy(policy, connector({ loggingRole: UNKNOWN }))).verdict).toBe("pass");
        });
    });

    describe("fails", () => {
        it("a connector without a logging role", async () => {
            const r = await runResourcePolicy(policy, connector({}));
            expect(r.verdict).toBe("fail");
            expect(r.messages.join()).toContain("`loggingRole` is not set");
        });

        it("a connector with a blank logging role", async () => {
            expect((await runResourcePolicy(policy, connector({ loggingRole: "" }))).verdict).toBe("fail");
        });
    });

    describe("unknown during preview", () => {
        it("does not hold the preview up: an unknown role is a role of the stack", async () => {
            expect((await runResourcePolicy(policy, connector({ loggingRole: UNKNOWN }))).verdict).not.toBe("unknown");
        });
    });

    describe("config", () => {
        it("rejects any setting, naming it (the policy takes none)", async () => {
            await expect(runResourcePolicy(policy, connector({}), { role: "x" })).rejects.toThrow("config key 'role' is not a setting of this policy (it takes none)");
        });
    });
});
